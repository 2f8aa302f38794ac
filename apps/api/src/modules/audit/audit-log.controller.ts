import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Endpoint } from '../../common/endpoint.decorator';
import { pickLanguage } from '../../common/messages';
import {
  Authenticated,
  CurrentAccount,
  CurrentStaff,
  StaffAuthenticated,
} from '../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../common/request-meta';
import type { AccountAuth, StaffAuth } from '../../access/auth.types';
import { Permission, StaffPermission } from '../../access/permissions';
import { AuditPageSchema, AuditQuerySchema, StaffAuditQuerySchema } from './audit-log.dto';
import { AuditLogService } from './audit-log.service';

function language(request: FastifyRequest) {
  return pickLanguage(
    (request.cookies as Record<string, string> | undefined)?.lang,
    request.headers['accept-language'],
  );
}

function sendCsv(reply: FastifyReply, name: string, csv: string) {
  const day = new Date().toISOString().slice(0, 10);
  void reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}-${day}.csv"`)
    .header('cache-control', 'no-store');
  return csv;
}

/**
 * The account's audit log. Declared with the Admin's partial permission; the service narrows to
 * storage events unless the caller also holds audit.read (the Owner).
 */
@ApiTags('audit')
@Controller('api/v1/audit')
export class AuditLogController {
  constructor(private readonly log: AuditLogService) {}

  @Get()
  @Authenticated({ permission: Permission.AuditReadStorage })
  @Endpoint({
    operationId: 'listAuditEntries',
    summary: "The account's audit log, newest first (Owner: everything; Admin: storage events)",
    query: AuditQuerySchema,
    response: AuditPageSchema,
    errors: [400, 403],
  })
  list(@CurrentAccount() auth: AccountAuth, @Query() query: z.infer<typeof AuditQuerySchema>) {
    return this.log.forAccount(auth, query);
  }

  @Get('export.csv')
  @Authenticated({ permission: Permission.AuditReadStorage })
  @ApiProduces('text/csv')
  @Endpoint({
    operationId: 'exportAuditEntries',
    summary: 'The audit log as CSV (same filters; at most 10,000 rows); the export is itself audited',
    query: AuditQuerySchema.omit({ cursor: true, limit: true }),
    response: z.string(),
    errors: [400, 403],
  })
  async export(
    @CurrentAccount() auth: AccountAuth,
    @Query() query: z.infer<typeof AuditQuerySchema>,
    @ReqMeta() meta: RequestMeta,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const csv = await this.log.exportForAccount(auth, { ...query, limit: 0 }, language(request), meta);
    return sendCsv(reply, 'auditoria', csv);
  }
}

@ApiTags('staff')
@Controller('api/v1/staff/audit')
export class StaffAuditLogController {
  constructor(private readonly log: AuditLogService) {}

  @Get()
  @StaffAuthenticated({ permission: StaffPermission.AuditRead })
  @Endpoint({
    operationId: 'staffListAuditEntries',
    summary: 'The audit log of the whole platform, optionally of one account',
    query: StaffAuditQuerySchema,
    response: AuditPageSchema,
    errors: [400],
  })
  list(@Query() query: z.infer<typeof StaffAuditQuerySchema>) {
    return this.log.forStaff(query);
  }

  @Get('export.csv')
  @StaffAuthenticated({ permission: StaffPermission.AuditRead })
  @ApiProduces('text/csv')
  @Endpoint({
    operationId: 'staffExportAuditEntries',
    summary: 'The platform audit log as CSV (same filters; at most 10,000 rows); audited',
    query: StaffAuditQuerySchema.omit({ cursor: true, limit: true }),
    response: z.string(),
    errors: [400],
  })
  async export(
    @CurrentStaff() staff: StaffAuth,
    @Query() query: z.infer<typeof StaffAuditQuerySchema>,
    @ReqMeta() meta: RequestMeta,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const csv = await this.log.exportForStaff(staff, { ...query, limit: 0 }, language(request), meta);
    return sendCsv(reply, 'auditoria-plataforma', csv);
  }
}
