import { Module } from '@nestjs/common';
import { AuditLogController, StaffAuditLogController } from './audit-log.controller';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogService } from './audit-log.service';

/** Reading and exporting the audit trail (recording is AuditService, in the shared module). */
@Module({
  controllers: [AuditLogController, StaffAuditLogController],
  providers: [AuditLogRepository, AuditLogService],
})
export class AuditLogModule {}
