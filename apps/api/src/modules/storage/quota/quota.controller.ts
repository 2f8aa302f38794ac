import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Endpoint } from '../../../common/endpoint.decorator';
import { IdPipe } from '../../../common/id.pipe';
import { Authenticated, CurrentUser } from '../../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../../common/request-meta';
import type { UserAuth } from '../../../access/auth.types';
import { Permission } from '../../../access/permissions';
import { CreateQuotaRequestSchema, QuotaOverviewSchema, QuotaRequestSchema } from './quota.dto';
import { QuotaService } from './quota.service';

/** The Owner's quota page: current quota and usage, the write block, change requests (PRD 4.2). */
@ApiTags('quota')
@Controller('api/v1/quota')
export class QuotaController {
  constructor(private readonly quota: QuotaService) {}

  @Get()
  @Authenticated({ permission: Permission.QuotaRequest })
  @Endpoint({
    operationId: 'getQuota',
    summary: 'Account quota, last measured usage, write block and the quota request history',
    response: QuotaOverviewSchema,
  })
  overview(@CurrentUser() auth: UserAuth) {
    return this.quota.overview(auth.accountId);
  }

  @Post('requests')
  @Authenticated({ permission: Permission.QuotaRequest })
  @Endpoint({
    operationId: 'createQuotaRequest',
    summary: 'Ask staff for a new quota in GB with a reason (one pending request at a time)',
    body: CreateQuotaRequestSchema,
    response: QuotaRequestSchema,
    status: 201,
    errors: [400, 409],
  })
  create(
    @CurrentUser() auth: UserAuth,
    @Body() body: z.infer<typeof CreateQuotaRequestSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.quota.request(auth, body, meta);
  }

  @Post('requests/:id/cancel')
  @Authenticated({ permission: Permission.QuotaRequest })
  @Endpoint({
    operationId: 'cancelQuotaRequest',
    summary: 'Cancel the pending quota request',
    response: QuotaRequestSchema,
    errors: [404, 409],
  })
  cancel(@CurrentUser() auth: UserAuth, @Param('id', IdPipe) id: string, @ReqMeta() meta: RequestMeta) {
    return this.quota.cancel(auth, id, meta);
  }
}
