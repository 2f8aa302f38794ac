import { Body, Controller, Delete, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Endpoint } from '../../common/endpoint.decorator';
import { IdPipe } from '../../common/id.pipe';
import { pickLanguage, type Language } from '../../common/messages';
import { Authenticated, CurrentUser, Public } from '../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../common/request-meta';
import type { UserAuth } from '../../access/auth.types';
import { Permission } from '../../access/permissions';
import {
  AcceptInvitationSchema,
  ChangeRoleSchema,
  CreateInvitationSchema,
  InvitationAcceptedSchema,
  InvitationListSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  InvitationTokenSchema,
  MemberListSchema,
  MemberQuerySchema,
  MemberSchema,
  SetBucketAccessSchema,
  TransferOwnershipSchema,
} from './team.dto';
import { TeamService } from './team.service';

const langOf = (req: FastifyRequest): Language =>
  pickLanguage((req.cookies as Record<string, string> | undefined)?.lang, req.headers['accept-language']);

const SessionsEndedSchema = z.object({ sessionsEnded: z.number().int() });

/** The owner's team page (PRD 4.2: adding, removing and changing members is the Owner's). */
@ApiTags('team')
@Controller('api/v1/team')
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Get('members')
  @Authenticated({ permission: Permission.TeamRead })
  @Endpoint({
    operationId: 'listTeamMembers',
    summary: 'Members of the account with role, status and last access (filters: role, status, q)',
    query: MemberQuerySchema,
    response: MemberListSchema,
  })
  listMembers(@CurrentUser() auth: UserAuth, @Query() query: z.infer<typeof MemberQuerySchema>) {
    return this.team.listMembers(auth, query);
  }

  @Post('members/:id/role')
  @Authenticated({ permission: Permission.TeamManage })
  @Endpoint({
    operationId: 'changeMemberRole',
    summary: 'Change a member role (never to or from owner: that is the ownership transfer)',
    body: ChangeRoleSchema,
    response: MemberSchema,
    errors: [400, 404, 409],
  })
  changeRole(
    @CurrentUser() auth: UserAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof ChangeRoleSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.team.changeRole(auth, id, body, meta);
  }

  @Post('members/:id/buckets')
  @Authenticated({ permission: Permission.TeamManage })
  @Endpoint({
    operationId: 'setMemberBuckets',
    summary: 'Replace the buckets shared with an external client (read or full on each)',
    body: SetBucketAccessSchema,
    response: MemberSchema,
    errors: [400, 404, 409],
  })
  setBuckets(
    @CurrentUser() auth: UserAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof SetBucketAccessSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.team.setBucketAccess(auth, id, body.buckets, meta);
  }

  @Post('members/:id/deactivate')
  @Authenticated({ permission: Permission.TeamManage })
  @Endpoint({
    operationId: 'deactivateMember',
    summary: 'Disable a member and end all their sessions at once',
    response: MemberSchema,
    errors: [400, 404, 409],
  })
  deactivate(@CurrentUser() auth: UserAuth, @Param('id', IdPipe) id: string, @ReqMeta() meta: RequestMeta) {
    return this.team.deactivate(auth, id, meta);
  }

  @Post('members/:id/reactivate')
  @Authenticated({ permission: Permission.TeamManage })
  @Endpoint({
    operationId: 'reactivateMember',
    summary: 'Enable a disabled member again',
    response: MemberSchema,
    errors: [400, 404, 409],
  })
  reactivate(@CurrentUser() auth: UserAuth, @Param('id', IdPipe) id: string, @ReqMeta() meta: RequestMeta) {
    return this.team.reactivate(auth, id, meta);
  }

  @Post('members/:id/logout')
  @Authenticated({ permission: Permission.TeamManage })
  @Endpoint({
    operationId: 'forceLogoutMember',
    summary: "End all of a member's sessions (force logout)",
    response: SessionsEndedSchema,
    errors: [400, 404],
  })
  forceLogout(@CurrentUser() auth: UserAuth, @Param('id', IdPipe) id: string, @ReqMeta() meta: RequestMeta) {
    return this.team.forceLogout(auth, id, meta);
  }

  @Post('members/:id/transfer-ownership')
  @Authenticated({ permission: Permission.TeamManage })
  @Endpoint({
    operationId: 'transferOwnership',
    summary: 'Make an active admin the owner; the current owner becomes admin (password confirmation)',
    body: TransferOwnershipSchema,
    response: MemberSchema,
    errors: [400, 403, 404, 409, 429],
  })
  transfer(
    @CurrentUser() auth: UserAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof TransferOwnershipSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.team.transferOwnership(auth, id, body.password, meta);
  }

  @Delete('members/:id')
  @Authenticated({ permission: Permission.TeamManage })
  @Endpoint({
    operationId: 'removeMember',
    summary: 'Remove a member: disabled, sessions ended, e-mail released; the row stays for history',
    status: 204,
    errors: [400, 404, 409],
  })
  async remove(@CurrentUser() auth: UserAuth, @Param('id', IdPipe) id: string, @ReqMeta() meta: RequestMeta) {
    await this.team.remove(auth, id, meta);
  }

  @Get('invitations')
  @Authenticated({ permission: Permission.TeamRead })
  @Endpoint({
    operationId: 'listInvitations',
    summary: 'Pending (and expired, resendable) invitations',
    response: InvitationListSchema,
  })
  listInvitations(@CurrentUser() auth: UserAuth) {
    return this.team.listInvitations(auth);
  }

  @Post('invitations')
  @Authenticated({ permission: Permission.TeamManage })
  @Endpoint({
    operationId: 'createInvitation',
    summary:
      'Invite by e-mail with a role (external clients: chosen buckets, read or full); link valid 7 days',
    body: CreateInvitationSchema,
    response: InvitationSchema,
    status: 201,
    errors: [400, 409, 429],
  })
  invite(
    @CurrentUser() auth: UserAuth,
    @Body() body: z.infer<typeof CreateInvitationSchema>,
    @ReqMeta() meta: RequestMeta,
    @Req() req: FastifyRequest,
  ) {
    return this.team.invite(auth, body, meta, langOf(req));
  }

  @Post('invitations/:id/resend')
  @Authenticated({ permission: Permission.TeamManage })
  @Endpoint({
    operationId: 'resendInvitation',
    summary: 'Send a new link (the old one stops working), valid 7 more days',
    response: InvitationSchema,
    errors: [404, 409, 429],
  })
  resend(
    @CurrentUser() auth: UserAuth,
    @Param('id', IdPipe) id: string,
    @ReqMeta() meta: RequestMeta,
    @Req() req: FastifyRequest,
  ) {
    return this.team.resend(auth, id, meta, langOf(req));
  }

  @Delete('invitations/:id')
  @Authenticated({ permission: Permission.TeamManage })
  @Endpoint({
    operationId: 'cancelInvitation',
    summary: 'Cancel a pending invitation',
    status: 204,
    errors: [404],
  })
  async cancel(@CurrentUser() auth: UserAuth, @Param('id', IdPipe) id: string, @ReqMeta() meta: RequestMeta) {
    await this.team.cancel(auth, id, meta);
  }
}

/** The invitee's side: the link's token is the only credential. */
@ApiTags('team')
@Controller('api/v1/invitations')
export class InvitationAcceptanceController {
  constructor(private readonly team: TeamService) {}

  @Post('lookup')
  @Public()
  @Endpoint({
    operationId: 'previewInvitation',
    summary: 'What an invitation link offers (account, role, buckets); the token travels in the body',
    body: InvitationTokenSchema,
    response: InvitationPreviewSchema,
    errors: [400, 404, 410, 429],
  })
  preview(@Body() body: z.infer<typeof InvitationTokenSchema>, @ReqMeta() meta: RequestMeta) {
    return this.team.preview(body.token, meta);
  }

  @Post('accept')
  @Public()
  @Endpoint({
    operationId: 'acceptInvitation',
    summary: 'Accept an invitation: set name and password; the link then stops working',
    body: AcceptInvitationSchema,
    response: InvitationAcceptedSchema,
    status: 201,
    errors: [400, 403, 404, 409, 410, 429],
  })
  accept(
    @Body() body: z.infer<typeof AcceptInvitationSchema>,
    @ReqMeta() meta: RequestMeta,
    @Req() req: FastifyRequest,
  ) {
    return this.team.accept(body, meta, langOf(req));
  }
}
