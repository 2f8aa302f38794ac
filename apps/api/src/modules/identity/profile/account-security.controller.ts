import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Endpoint } from '../../../common/endpoint.decorator';
import { IdPipe } from '../../../common/id.pipe';
import { pickLanguage } from '../../../common/messages';
import {
  EmailChangeConfirmSchema,
  EmailChangedSchema,
  EmailChangeStartedSchema,
  EmailChangeStartSchema,
  ChangePasswordSchema,
  CodeSchema,
  DisableTwoFactorSchema,
  EndedSchema,
  ForgotPasswordSchema,
  LoginHistorySchema,
  PasskeyListSchema,
  PasskeyRegistrationOptionsSchema,
  PasskeyRegistrationSchema,
  RemovePasskeySchema,
  PasskeySchema,
  ProfileSchema,
  RecoveryCodesSchema,
  RegenerateRecoveryCodesSchema,
  ResetPasswordSchema,
  SecurityOverviewSchema,
  SessionListSchema,
  TotpSetupSchema,
  TwoFactorPolicySchema,
  UpdateProfileSchema,
} from './account-security.dto';
import { AccountSecurityService } from './account-security.service';
import { Authenticated, CurrentUser, Public } from '../../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../../common/request-meta';
import type { UserAuth } from '../../../access/auth.types';
import { Permission } from '../../../access/permissions';
import { PasswordResetService } from '../login/password-reset.service';
import { EmailChangeService } from './email-change.service';
import { PasskeyService } from '../two-factor/passkey.service';
import { SessionService } from '../sessions/session.service';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { WebAuthnOptionsSchema } from '../identity.dto';

/** The signed-in user's own security and profile, plus the public password recovery. */
@ApiTags('security')
@Controller('api/v1')
export class AccountSecurityController {
  constructor(
    private readonly security: AccountSecurityService,
    private readonly resets: PasswordResetService,
    private readonly emailChanges: EmailChangeService,
    private readonly passkeys: PasskeyService,
    private readonly sessionService: SessionService,
  ) {}

  @Post('me/email-change')
  @Authenticated({ permission: null })
  @Endpoint({
    operationId: 'startEmailChange',
    summary: 'Ask to change my e-mail: a 6-digit code goes to the new address (password required)',
    body: EmailChangeStartSchema,
    response: EmailChangeStartedSchema,
    status: 202,
    errors: [400, 401, 429],
  })
  startEmailChange(
    @CurrentUser() user: UserAuth,
    @Body() body: z.infer<typeof EmailChangeStartSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.emailChanges.start(user, body.newEmail, body.password, meta);
  }

  @Post('me/email-change/confirm')
  @Authenticated({ permission: null })
  @Endpoint({
    operationId: 'confirmEmailChange',
    summary: 'Confirm the new e-mail with the code; ends other sessions and alerts the old address',
    body: EmailChangeConfirmSchema,
    response: EmailChangedSchema,
    errors: [400, 401, 409, 410],
  })
  confirmEmailChange(
    @CurrentUser() user: UserAuth,
    @Body() body: z.infer<typeof EmailChangeConfirmSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.emailChanges.confirm(user, body.requestId, body.code, meta);
  }

  @Get('me/security')
  @Authenticated({ permission: null, beforeTwoFactor: true })
  @Endpoint({
    operationId: 'getSecurityOverview',
    summary: '2FA state, recovery codes left, password age',
    response: SecurityOverviewSchema,
    errors: [401],
  })
  overview(@CurrentUser() user: UserAuth) {
    return this.security.overview(user);
  }

  @Post('me/two-factor/totp/setup')
  @Authenticated({ permission: null, beforeTwoFactor: true })
  @Endpoint({
    operationId: 'startTotpSetup',
    summary: 'New TOTP secret (QR code and text), pending confirmation',
    response: TotpSetupSchema,
    errors: [401, 409],
  })
  startTotp(@CurrentUser() user: UserAuth) {
    return this.security.startTotp(user);
  }

  @Post('me/two-factor/totp/confirm')
  @Authenticated({ permission: null, beforeTwoFactor: true })
  @Endpoint({
    operationId: 'confirmTotpSetup',
    summary:
      'Turn 2FA on with a code from the app; returns recovery codes once; ends every session and sets a new session cookie',
    body: CodeSchema,
    response: RecoveryCodesSchema,
    errors: [400, 401, 409],
  })
  async confirmTotp(
    @CurrentUser() user: UserAuth,
    @Body() body: z.infer<typeof CodeSchema>,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { session, ...result } = await this.security.confirmTotp(user, body.code, meta);
    void reply.setCookie(
      this.sessionService.cookieNames.user,
      session.token,
      this.sessionService.cookieOptions(session.maxAgeSeconds),
    );
    return result;
  }

  @Post('me/two-factor/disable')
  @Authenticated({ permission: null })
  @Endpoint({
    operationId: 'disableTwoFactor',
    summary: 'Turn 2FA off (password and a code); ends other sessions',
    body: DisableTwoFactorSchema,
    status: 204,
    errors: [400, 401, 409, 429],
  })
  async disableTwoFactor(
    @CurrentUser() user: UserAuth,
    @Body() body: z.infer<typeof DisableTwoFactorSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    await this.security.disableTwoFactor(user, body.password, body, meta);
  }

  @Post('me/two-factor/recovery-codes')
  @Authenticated({ permission: null })
  @Endpoint({
    operationId: 'regenerateRecoveryCodes',
    summary: 'New recovery codes (the old ones stop working); shown once',
    body: RegenerateRecoveryCodesSchema,
    response: RecoveryCodesSchema,
    errors: [400, 401, 409, 429],
  })
  regenerateRecoveryCodes(
    @CurrentUser() user: UserAuth,
    @Body() body: z.infer<typeof RegenerateRecoveryCodesSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.security.regenerateRecoveryCodes(user, body.password, body.code, meta);
  }

  @Get('me/two-factor/passkeys')
  @Authenticated({ permission: null, beforeTwoFactor: true })
  @Endpoint({
    operationId: 'listMyPasskeys',
    summary: 'My passkeys (WebAuthn second factor)',
    response: PasskeyListSchema,
    errors: [401],
  })
  listPasskeys(@CurrentUser() user: UserAuth) {
    return this.passkeys.list(user);
  }

  @Post('me/two-factor/passkeys/options')
  @Authenticated({ permission: null, beforeTwoFactor: true })
  @Endpoint({
    operationId: 'startPasskeyRegistration',
    summary: 'WebAuthn registration options for a new passkey (valid 5 minutes)',
    response: PasskeyRegistrationOptionsSchema,
    errors: [401],
  })
  passkeyOptions(@CurrentUser() user: UserAuth) {
    return this.passkeys.registrationOptions(user);
  }

  @Post('me/two-factor/passkeys')
  @Authenticated({ permission: null, beforeTwoFactor: true })
  @Endpoint({
    operationId: 'registerPasskey',
    summary: 'Verify the browser ceremony and keep the passkey; it then counts as a second factor',
    body: PasskeyRegistrationSchema,
    response: PasskeySchema,
    status: 201,
    errors: [400, 401, 409],
  })
  registerPasskey(
    @CurrentUser() user: UserAuth,
    @Body() body: z.infer<typeof PasskeyRegistrationSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.passkeys.register(user, body.name, body.response as RegistrationResponseJSON, meta);
  }

  @Post('me/two-factor/passkeys/reauth-options')
  @Authenticated({ permission: null })
  @Endpoint({
    operationId: 'startPasskeyReauth',
    summary: 'WebAuthn options to prove one of my passkeys before removing one (valid 5 minutes)',
    response: WebAuthnOptionsSchema,
    errors: [400, 401],
  })
  passkeyReauthOptions(@CurrentUser() user: UserAuth) {
    return this.passkeys.reauthOptions(user);
  }

  @Delete('me/two-factor/passkeys/:id')
  @Authenticated({ permission: null })
  @Endpoint({
    operationId: 'removeMyPasskey',
    summary:
      'Remove one of my passkeys: needs the password and a second factor (TOTP, recovery code or a passkey); ends my other sessions and API tokens',
    body: RemovePasskeySchema,
    status: 204,
    errors: [400, 401, 404],
  })
  async removePasskey(
    @CurrentUser() user: UserAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof RemovePasskeySchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    await this.passkeys.remove(
      user,
      id,
      { ...body, passkey: body.passkey as AuthenticationResponseJSON | undefined },
      meta,
    );
  }

  @Get('me/sessions')
  @Authenticated({ permission: null })
  @Endpoint({
    operationId: 'listMySessions',
    summary: 'My active sessions (device, IP, place, last seen)',
    response: SessionListSchema,
    errors: [401],
  })
  sessions(@CurrentUser() user: UserAuth) {
    return this.security.listSessions(user);
  }

  @Delete('me/sessions/:id')
  @Authenticated({ permission: null })
  @Endpoint({
    operationId: 'endMySession',
    summary: 'End one of my other sessions',
    status: 204,
    errors: [400, 401, 404],
  })
  async endSession(
    @CurrentUser() user: UserAuth,
    @Param('id', IdPipe) id: string,
    @ReqMeta() meta: RequestMeta,
  ) {
    await this.security.endSession(user, id, meta);
  }

  @Delete('me/sessions')
  @Authenticated({ permission: null })
  @Endpoint({
    operationId: 'endMyOtherSessions',
    summary: 'End all my sessions but this one',
    response: EndedSchema,
    errors: [401],
  })
  endOthers(@CurrentUser() user: UserAuth, @ReqMeta() meta: RequestMeta) {
    return this.security.endOtherSessions(user, meta);
  }

  @Get('me/login-history')
  @Authenticated({ permission: null })
  @Endpoint({
    operationId: 'getMyLoginHistory',
    summary: 'My last 50 sign-in attempts (successes and failures)',
    response: LoginHistorySchema,
    errors: [401],
  })
  loginHistory(@CurrentUser() user: UserAuth) {
    return this.security.loginHistory(user);
  }

  @Post('me/password')
  @Authenticated({ permission: null })
  @Endpoint({
    operationId: 'changeMyPassword',
    summary: 'Change my password (current one required); ends other sessions',
    body: ChangePasswordSchema,
    status: 204,
    errors: [400, 401, 429],
  })
  async changePassword(
    @CurrentUser() user: UserAuth,
    @Body() body: z.infer<typeof ChangePasswordSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    await this.security.changePassword(user, body.currentPassword, body.newPassword, meta);
  }

  @Get('me/profile')
  @Authenticated({ permission: null })
  @Endpoint({
    operationId: 'getMyProfile',
    summary: 'My profile and preferences',
    response: ProfileSchema,
    errors: [401],
  })
  profile(@CurrentUser() user: UserAuth) {
    return this.security.profile(user);
  }

  @Patch('me/profile')
  @Authenticated({ permission: null })
  @Endpoint({
    operationId: 'updateMyProfile',
    summary: 'Change name, phone, language, timezone, theme, e-mail notifications',
    body: UpdateProfileSchema,
    response: ProfileSchema,
    errors: [400, 401],
  })
  updateProfile(
    @CurrentUser() user: UserAuth,
    @Body() body: z.infer<typeof UpdateProfileSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.security.updateProfile(user, body, meta);
  }

  @Put('account/two-factor-policy')
  @Authenticated({ permission: Permission.AccountSettingsManage })
  @Endpoint({
    operationId: 'setTwoFactorPolicy',
    summary: 'Require 2FA for every member of the account',
    body: TwoFactorPolicySchema,
    response: TwoFactorPolicySchema,
    errors: [400, 401, 403],
  })
  setTwoFactorPolicy(
    @CurrentUser() user: UserAuth,
    @Body() body: z.infer<typeof TwoFactorPolicySchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.security.setTwoFactorPolicy(user, body.requireTwoFactor, meta);
  }

  @Post('auth/forgot-password')
  @Public()
  @Endpoint({
    operationId: 'forgotPassword',
    summary: 'E-mail a reset link if the account exists (same answer either way)',
    body: ForgotPasswordSchema,
    status: 202,
    errors: [400, 429],
  })
  async forgotPassword(
    @Body() body: z.infer<typeof ForgotPasswordSchema>,
    @ReqMeta() meta: RequestMeta,
    @Req() req: FastifyRequest,
  ) {
    const cookies = req.cookies as Record<string, string | undefined> | undefined;
    await this.resets.request(body.email, meta, pickLanguage(cookies?.lang, req.headers['accept-language']));
  }

  @Post('auth/reset-password')
  @Public()
  @Endpoint({
    operationId: 'resetPassword',
    summary: 'Set a new password with a reset token; ends every session (2FA still applies at login)',
    body: ResetPasswordSchema,
    status: 204,
    errors: [400, 429],
  })
  async resetPassword(@Body() body: z.infer<typeof ResetPasswordSchema>, @ReqMeta() meta: RequestMeta) {
    await this.resets.reset(body.token, body.password, meta);
  }
}
