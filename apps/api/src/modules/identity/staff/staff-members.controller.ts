import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Endpoint } from '../../../common/endpoint.decorator';
import { IdPipe } from '../../../common/id.pipe';
import { CurrentStaff, StaffAuthenticated } from '../../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../../common/request-meta';
import type { StaffAuth } from '../../../access/auth.types';
import { StaffPermission } from '../../../access/permissions';
import { StaffMembersService } from './staff-members.service';
import {
  CreateStaffMemberSchema,
  StaffMemberListSchema,
  StaffMemberSchema,
  StaffRoleSchema,
} from './staff-security.dto';

@ApiTags('staff')
@Controller('api/v1/staff/members')
export class StaffMembersController {
  constructor(private readonly members: StaffMembersService) {}

  @Get()
  @StaffAuthenticated({ permission: StaffPermission.StaffManage })
  @Endpoint({
    operationId: 'staffListMembers',
    summary: 'Provider staff members',
    response: StaffMemberListSchema,
    errors: [401, 403],
  })
  list() {
    return this.members.list();
  }

  @Post()
  @StaffAuthenticated({ permission: StaffPermission.StaffManage })
  @Endpoint({
    operationId: 'staffCreateMember',
    summary: 'Add a staff member; they get an e-mail link to set a password (2FA enrolment at first login)',
    body: CreateStaffMemberSchema,
    response: StaffMemberSchema,
    status: 201,
    errors: [400, 401, 403, 409],
  })
  create(
    @CurrentStaff() staff: StaffAuth,
    @Body() body: z.infer<typeof CreateStaffMemberSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.members.create(staff, body, meta);
  }

  @Post(':id/role')
  @StaffAuthenticated({ permission: StaffPermission.StaffManage })
  @Endpoint({
    operationId: 'staffSetMemberRole',
    summary: "Change a staff member's role (ends their sessions)",
    body: StaffRoleSchema,
    response: StaffMemberSchema,
    errors: [400, 401, 403, 404],
  })
  setRole(
    @CurrentStaff() staff: StaffAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof StaffRoleSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.members.setRole(staff, id, body.role, meta);
  }

  @Post(':id/disable')
  @StaffAuthenticated({ permission: StaffPermission.StaffManage })
  @Endpoint({
    operationId: 'staffDisableMember',
    summary: 'Disable a staff member (ends their sessions at once)',
    response: StaffMemberSchema,
    errors: [400, 401, 403, 404],
  })
  disable(@CurrentStaff() staff: StaffAuth, @Param('id', IdPipe) id: string, @ReqMeta() meta: RequestMeta) {
    return this.members.setStatus(staff, id, 'disabled', meta);
  }

  @Post(':id/enable')
  @StaffAuthenticated({ permission: StaffPermission.StaffManage })
  @Endpoint({
    operationId: 'staffEnableMember',
    summary: 'Enable a disabled staff member',
    response: StaffMemberSchema,
    errors: [400, 401, 403, 404],
  })
  enable(@CurrentStaff() staff: StaffAuth, @Param('id', IdPipe) id: string, @ReqMeta() meta: RequestMeta) {
    return this.members.setStatus(staff, id, 'active', meta);
  }
}
