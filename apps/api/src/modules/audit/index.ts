/** The audit domain's public entry: other domains and the app import only what is listed here. */
export { AuditLogModule } from './audit-log.module';
export { AuditRepository } from './audit.repository';
export { AuditService } from './audit.service';
