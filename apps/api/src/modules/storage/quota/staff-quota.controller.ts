import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Endpoint } from '../../../common/endpoint.decorator';
import { IdPipe } from '../../../common/id.pipe';
import { CurrentStaff, StaffAuthenticated } from '../../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../../common/request-meta';
import type { StaffAuth } from '../../../access/auth.types';
import { StaffPermission } from '../../../access/permissions';
import {
  AccountQuotaSchema,
  ApproveQuotaRequestSchema,
  RejectQuotaRequestSchema,
  SetAccountQuotaSchema,
  StaffQuotaQuerySchema,
  StaffQuotaRequestListSchema,
  StaffQuotaRequestSchema,
} from './quota.dto';
import { QuotaService } from './quota.service';

/** Staff side of quotas: decide change requests, set an account's quota ("ajustar quota manualmente"). */
@ApiTags('staff')
@Controller('api/v1/staff/quota')
export class StaffQuotaController {
  constructor(private readonly quota: QuotaService) {}

  @Get('requests')
  @StaffAuthenticated({ permission: StaffPermission.QuotaManage })
  @Endpoint({
    operationId: 'staffListQuotaRequests',
    summary: 'Quota change requests across accounts (status=pending: oldest first)',
    query: StaffQuotaQuerySchema,
    response: StaffQuotaRequestListSchema,
  })
  list(@Query() query: z.infer<typeof StaffQuotaQuerySchema>) {
    return this.quota.listForStaff(query.status);
  }

  @Post('requests/:id/approve')
  @StaffAuthenticated({ permission: StaffPermission.QuotaManage })
  @Endpoint({
    operationId: 'staffApproveQuotaRequest',
    summary: "Approve: sets the account quota and its buckets' MinIO quotas, re-evaluates the write block",
    body: ApproveQuotaRequestSchema,
    response: StaffQuotaRequestSchema,
    errors: [400, 404, 409, 503],
  })
  approve(
    @CurrentStaff() staff: StaffAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof ApproveQuotaRequestSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.quota.approve(staff, id, body.reason ?? null, meta);
  }

  @Post('requests/:id/reject')
  @StaffAuthenticated({ permission: StaffPermission.QuotaManage })
  @Endpoint({
    operationId: 'staffRejectQuotaRequest',
    summary: 'Reject a quota request with a reason (e-mailed to the owner)',
    body: RejectQuotaRequestSchema,
    response: StaffQuotaRequestSchema,
    errors: [400, 404, 409],
  })
  reject(
    @CurrentStaff() staff: StaffAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof RejectQuotaRequestSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.quota.reject(staff, id, body.reason, meta);
  }

  @Post('accounts/:id')
  @StaffAuthenticated({ permission: StaffPermission.QuotaManage })
  @Endpoint({
    operationId: 'staffSetAccountQuota',
    summary:
      "Set an account's quota directly, with a reason (MinIO bucket quotas and the write block follow)",
    body: SetAccountQuotaSchema,
    response: AccountQuotaSchema,
    errors: [400, 404, 409, 503],
  })
  setQuota(
    @CurrentStaff() staff: StaffAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof SetAccountQuotaSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.quota.setQuota(staff, id, body, meta);
  }
}
