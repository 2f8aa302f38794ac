import { Body, Controller, Get, Param, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { Endpoint } from '../../../common/endpoint.decorator';
import { IdPipe } from '../../../common/id.pipe';
import {
  ChangePasswordSchema,
  CodeSchema,
  EndedSchema,
  RecoveryCodesSchema,
  RegenerateRecoveryCodesSchema,
  TotpSetupSchema,
} from '../profile/account-security.dto';
import { CurrentStaff, StaffAuthenticated } from '../../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../../common/request-meta';
import type { StaffAuth } from '../../../access/auth.types';
import { StaffPermission } from '../../../access/permissions';
import { SessionService } from '../sessions/session.service';
import { StaffLoginSettingsSchema, StaffSecurityOverviewSchema } from './staff-security.dto';
import { StaffSecurityService } from './staff-security.service';

@ApiTags('staff')
@Controller('api/v1/staff')
export class StaffSecurityController {
  constructor(
    private readonly staffSecurity: StaffSecurityService,
    private readonly sessions: SessionService,
  ) {}

  @Post('users/:id/force-logout')
  @StaffAuthenticated({ permission: StaffPermission.UsersForceLogout })
  @Endpoint({
    operationId: 'staffForceLogoutUser',
    summary: 'End every session of a customer user at once',
    response: EndedSchema,
    errors: [401, 403, 404],
  })
  forceLogout(
    @CurrentStaff() staff: StaffAuth,
    @Param('id', IdPipe) id: string,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.staffSecurity.forceLogoutUser(staff, id, meta);
  }

  @Get('me/security')
  @StaffAuthenticated({ permission: null })
  @Endpoint({
    operationId: 'staffSecurityOverview',
    summary: "The signed-in staff member's 2FA and password state",
    response: StaffSecurityOverviewSchema,
    errors: [401],
  })
  overview(@CurrentStaff() staff: StaffAuth) {
    return this.staffSecurity.overview(staff);
  }

  @Post('me/password')
  @StaffAuthenticated({ permission: null })
  @Endpoint({
    operationId: 'staffChangePassword',
    summary: 'Change the own password (current one required); ends the other sessions',
    body: ChangePasswordSchema,
    status: 204,
    errors: [400, 401, 429],
  })
  async changePassword(
    @CurrentStaff() staff: StaffAuth,
    @Body() body: z.infer<typeof ChangePasswordSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    await this.staffSecurity.changePassword(staff, body.currentPassword, body.newPassword, meta);
  }

  @Post('me/two-factor/recovery-codes')
  @StaffAuthenticated({ permission: null })
  @Endpoint({
    operationId: 'staffRegenerateRecoveryCodes',
    summary: 'New recovery codes for the own TOTP (password and a current code required)',
    body: RegenerateRecoveryCodesSchema,
    response: RecoveryCodesSchema,
    errors: [400, 401, 409, 429],
  })
  regenerateRecoveryCodes(
    @CurrentStaff() staff: StaffAuth,
    @Body() body: z.infer<typeof RegenerateRecoveryCodesSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.staffSecurity.regenerateRecoveryCodes(staff, body.password, body.code, meta);
  }

  @Post('two-factor/totp/setup')
  @StaffAuthenticated({ permission: null, beforeTwoFactor: true })
  @Endpoint({
    operationId: 'staffStartTotpSetup',
    summary: 'New TOTP secret for the signed-in staff member (mandatory 2FA), pending confirmation',
    response: TotpSetupSchema,
    errors: [401, 409],
  })
  startTotp(@CurrentStaff() staff: StaffAuth) {
    return this.staffSecurity.startTotp(staff);
  }

  @Post('two-factor/totp/confirm')
  @StaffAuthenticated({ permission: null, beforeTwoFactor: true })
  @Endpoint({
    operationId: 'staffConfirmTotpSetup',
    summary: 'Confirm staff TOTP; returns recovery codes once and a new session token',
    body: CodeSchema,
    response: RecoveryCodesSchema,
    errors: [400, 401, 409],
  })
  async confirmTotp(
    @CurrentStaff() staff: StaffAuth,
    @Body() body: z.infer<typeof CodeSchema>,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { recoveryCodes, session } = await this.staffSecurity.confirmTotp(staff, body.code, meta);
    void reply.setCookie(this.sessions.cookieNames.staff, session.token, this.sessions.cookieOptions());
    return { recoveryCodes };
  }

  @Get('settings/login')
  @StaffAuthenticated({ permission: StaffPermission.SettingsManage })
  @Endpoint({
    operationId: 'staffGetLoginSettings',
    summary: 'Staff IP allowlist and allowed hours (America/Sao_Paulo)',
    response: StaffLoginSettingsSchema,
    errors: [401, 403],
  })
  loginSettings() {
    return this.staffSecurity.loginSettings();
  }

  @Put('settings/login')
  @StaffAuthenticated({ permission: StaffPermission.SettingsManage })
  @Endpoint({
    operationId: 'staffSetLoginSettings',
    summary: 'Change the staff IP allowlist and allowed hours (refused if it would lock out the caller)',
    body: StaffLoginSettingsSchema,
    response: StaffLoginSettingsSchema,
    errors: [400, 401, 403],
  })
  setLoginSettings(
    @CurrentStaff() staff: StaffAuth,
    @Body() body: z.infer<typeof StaffLoginSettingsSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.staffSecurity.setLoginSettings(staff, body, meta);
  }
}
