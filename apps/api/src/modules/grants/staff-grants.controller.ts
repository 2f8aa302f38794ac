import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { Endpoint } from '../../common/endpoint.decorator';
import { IdPipe } from '../../common/id.pipe';
import { CurrentStaff, StaffAuthenticated } from '../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../common/request-meta';
import type { StaffAuth } from '../../access/auth.types';
import { StaffPermission } from '../../access/permissions';
import { SessionService } from '../identity';
import {
  AssignPartnerSchema,
  CreatedGrantsSchema,
  EnteredGrantSchema,
  GrantListQuerySchema,
  GrantListSchema,
  GrantSchema,
  OwnGrantListQuerySchema,
  StaffOptionListSchema,
} from './grants.dto';
import { GrantSessionService } from './grant-session.service';
import { GrantsService } from './grants.service';

@ApiTags('staff')
@Controller('api/v1/staff/grants')
export class StaffGrantsController {
  constructor(
    private readonly grants: GrantsService,
    private readonly grantSessions: GrantSessionService,
    private readonly sessions: SessionService,
  ) {}

  @Get('mine')
  @StaffAuthenticated({ permission: StaffPermission.GrantsUse })
  @Endpoint({
    operationId: 'staffListMyGrants',
    summary: 'The signed-in staff member’s grants (active, scheduled and past)',
    query: OwnGrantListQuerySchema,
    response: GrantListSchema,
  })
  mine(@CurrentStaff() staff: StaffAuth, @Query() query: z.infer<typeof OwnGrantListQuerySchema>) {
    return this.grants.listForStaff(staff.staffId, query.status);
  }

  @Post(':id/enter')
  @StaffAuthenticated({ permission: StaffPermission.GrantsUse })
  @Endpoint({
    operationId: 'staffEnterGrant',
    summary:
      'Enter the account through an active grant: sets a customer-side session (csp_session) tied to the grant',
    response: EnteredGrantSchema,
    errors: [403, 404],
  })
  async enter(
    @CurrentStaff() staff: StaffAuth,
    @Param('id', IdPipe) id: string,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { token, body } = await this.grantSessions.enter(staff, id, meta);
    void reply.setCookie(this.sessions.cookieNames.user, token, this.sessions.cookieOptions());
    return body;
  }

  @Get()
  @StaffAuthenticated({ permission: StaffPermission.GrantsManage })
  @Endpoint({
    operationId: 'staffListGrants',
    summary: 'Every grant of the platform, by account, staff member or status',
    query: GrantListQuerySchema,
    response: GrantListSchema,
  })
  list(@Query() query: z.infer<typeof GrantListQuerySchema>) {
    return this.grants.listAll(query);
  }

  @Get('staff-options')
  @StaffAuthenticated({ permission: StaffPermission.GrantsManage })
  @Endpoint({
    operationId: 'staffListAssignableStaff',
    summary:
      'Active partners a super admin may assign to accounts (support enters only through the Owner’s grant)',
    response: StaffOptionListSchema,
  })
  staffOptions() {
    return this.grants.assignableStaff();
  }

  @Post()
  @StaffAuthenticated({ permission: StaffPermission.GrantsManage })
  @Endpoint({
    operationId: 'staffAssignPartner',
    summary: 'Assign a partner to chosen accounts for a window',
    body: AssignPartnerSchema,
    response: CreatedGrantsSchema,
    status: 201,
    errors: [400],
  })
  assign(
    @CurrentStaff() staff: StaffAuth,
    @Body() body: z.infer<typeof AssignPartnerSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.grants.assign(staff, body, meta);
  }

  @Post(':id/revoke')
  @StaffAuthenticated({ permission: StaffPermission.GrantsManage })
  @Endpoint({
    operationId: 'staffRevokeGrant',
    summary: 'Revoke any grant at once',
    response: GrantSchema,
    errors: [404],
  })
  revoke(@CurrentStaff() staff: StaffAuth, @Param('id', IdPipe) id: string, @ReqMeta() meta: RequestMeta) {
    return this.grants.revokeByStaff(staff, id, meta);
  }
}
