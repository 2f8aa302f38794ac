import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Endpoint } from '../../common/endpoint.decorator';
import { IdPipe } from '../../common/id.pipe';
import { CurrentStaff, StaffAuthenticated } from '../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../common/request-meta';
import type { StaffAuth } from '../../access/auth.types';
import { StaffPermission } from '../../access/permissions';
import {
  AccountSummaryListSchema,
  DecisionSchema,
  ListAccountsQuerySchema,
  RejectSchema,
} from './account-review.dto';
import { AccountReviewService } from './account-review.service';

@ApiTags('staff')
@Controller('api/v1/staff/accounts')
export class AccountReviewController {
  constructor(private readonly reviews: AccountReviewService) {}

  @Get()
  @StaffAuthenticated({ permission: StaffPermission.AccountsRead })
  @Endpoint({
    operationId: 'staffListAccounts',
    summary: 'Accounts, newest first, optionally by status (pending sign-ups: status=pending_approval)',
    query: ListAccountsQuerySchema,
    response: AccountSummaryListSchema,
  })
  list(@Query() query: z.infer<typeof ListAccountsQuerySchema>) {
    return this.reviews.list(query.status);
  }

  @Post(':id/approve')
  @StaffAuthenticated({ permission: StaffPermission.AccountsApprove })
  @Endpoint({
    operationId: 'staffApproveAccount',
    summary: 'Approve a sign-up: provisions storage on MinIO, then activates and sends the welcome e-mail',
    response: DecisionSchema,
    errors: [404, 409, 502],
  })
  approve(@CurrentStaff() staff: StaffAuth, @Param('id', IdPipe) id: string, @ReqMeta() meta: RequestMeta) {
    return this.reviews.approve(staff, id, meta);
  }

  @Post(':id/reject')
  @StaffAuthenticated({ permission: StaffPermission.AccountsApprove })
  @Endpoint({
    operationId: 'staffRejectAccount',
    summary: 'Reject a sign-up with a reason (e-mailed to the applicant)',
    body: RejectSchema,
    response: DecisionSchema,
    errors: [400, 404, 409],
  })
  reject(
    @CurrentStaff() staff: StaffAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof RejectSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.reviews.reject(staff, id, body.reason, meta);
  }
}
