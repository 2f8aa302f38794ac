import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { Endpoint } from '../../../common/endpoint.decorator';
import {
  Authenticated,
  CurrentStaff,
  CurrentAccount,
  Public,
  StaffAuthenticated,
} from '../../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../../common/request-meta';
import type { AccountAuth, StaffAuth } from '../../../access/auth.types';
import { grantMe } from '../../../access/grant-context';
import { AuthService } from './auth.service';
import {
  CaptchaChallengeSchema,
  CaptchaQuerySchema,
  LoginResultSchema,
  LoginSchema,
  MeSchema,
  PasskeyLoginOptionsRequestSchema,
  SecondFactorSchema,
  UserSecondFactorSchema,
  WebAuthnOptionsSchema,
  StaffLoginResultSchema,
  StaffLoginSchema,
  StaffMeSchema,
} from '../identity.dto';
import { LoginSecurityService } from './login-security.service';
import { SessionService } from '../sessions/session.service';

@ApiTags('auth')
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly loginSecurity: LoginSecurityService,
  ) {}

  @Get('auth/captcha')
  @Public()
  @Endpoint({
    operationId: 'getCaptcha',
    summary:
      'A proof-of-work challenge: find a nonce so sha256(prefix + nonce) has `difficulty` leading zero bits',
    query: CaptchaQuerySchema,
    response: CaptchaChallengeSchema,
    errors: [400, 429],
  })
  captcha(@Query() query: z.infer<typeof CaptchaQuerySchema>, @ReqMeta() meta: RequestMeta) {
    return this.loginSecurity.createCaptcha(query.email, meta);
  }

  @Post('auth/login')
  @Public()
  @Endpoint({
    operationId: 'login',
    summary:
      'Sign in a customer user; sets the HttpOnly session cookie, or asks for the second factor (no session yet)',
    body: LoginSchema,
    response: LoginResultSchema,
    errors: [400, 401, 403, 429],
  })
  async login(
    @Body() body: z.infer<typeof LoginSchema>,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.auth.loginUser(body.email, body.password, body.remember, meta, body.captcha);
    if (result.kind === 'second_factor') {
      return {
        secondFactorRequired: true as const,
        challengeToken: result.challengeToken,
        methods: result.methods,
      };
    }
    void reply.setCookie(
      this.sessions.cookieNames.user,
      result.session.token,
      this.sessions.cookieOptions(result.session.maxAgeSeconds),
    );
    return result.me;
  }

  @Post('auth/login/second-factor/passkey-options')
  @Public()
  @Endpoint({
    operationId: 'loginPasskeyOptions',
    summary: 'WebAuthn authentication options for the second login step (when a passkey is allowed)',
    body: PasskeyLoginOptionsRequestSchema,
    response: WebAuthnOptionsSchema,
    errors: [400, 401],
  })
  loginPasskeyOptions(@Body() body: z.infer<typeof PasskeyLoginOptionsRequestSchema>) {
    return this.auth.userPasskeyOptions(body.challengeToken);
  }

  @Post('auth/login/second-factor')
  @Public()
  @Endpoint({
    operationId: 'loginSecondFactor',
    summary: 'Second login step: a TOTP code, a recovery code or a passkey; opens a new session',
    body: UserSecondFactorSchema,
    response: MeSchema.extend({ twoFactorEnrolmentRequired: z.boolean().optional() }),
    errors: [400, 401, 403, 429],
  })
  async loginSecondFactor(
    @Body() body: z.infer<typeof UserSecondFactorSchema>,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.auth.completeUserSecondFactor(
      body.challengeToken,
      { ...body, passkey: body.passkey as AuthenticationResponseJSON | undefined },
      meta,
    );
    if (result.kind !== 'session') throw new Error('unreachable');
    void reply.setCookie(
      this.sessions.cookieNames.user,
      result.session.token,
      this.sessions.cookieOptions(result.session.maxAgeSeconds),
    );
    return result.me;
  }

  @Post('auth/logout')
  @Authenticated({ permission: null, beforeTwoFactor: true })
  @Endpoint({ operationId: 'logout', summary: 'End the current session', status: 204 })
  async logout(@CurrentAccount() user: AccountAuth, @Res({ passthrough: true }) reply: FastifyReply) {
    // A grant session ends here too (the staff member leaves the account; their staff session stays).
    await this.sessions.end(user.sessionId);
    void reply.clearCookie(this.sessions.cookieNames.user, this.sessions.clearCookieOptions());
  }

  @Get('me')
  @Authenticated({ permission: null, beforeTwoFactor: true })
  @Endpoint({
    operationId: 'getMe',
    summary: 'The signed-in user and account',
    response: MeSchema,
    errors: [401],
  })
  me(@CurrentAccount() user: AccountAuth) {
    if (user.kind === 'grant') return grantMe(user);
    return this.auth.me(user.userId, user.accountId);
  }

  @Post('staff/auth/login')
  @Public()
  @Endpoint({
    operationId: 'staffLogin',
    summary:
      'Sign in a provider staff member (separate cookie and stricter session), or ask for the second factor',
    body: StaffLoginSchema,
    response: StaffLoginResultSchema,
    errors: [400, 401, 429],
  })
  async staffLogin(
    @Body() body: z.infer<typeof StaffLoginSchema>,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.auth.loginStaff(body.email, body.password, meta, body.captcha);
    if (result.kind === 'second_factor') {
      return {
        secondFactorRequired: true as const,
        challengeToken: result.challengeToken,
        methods: result.methods,
      };
    }
    void reply.setCookie(
      this.sessions.cookieNames.staff,
      result.session.token,
      this.sessions.cookieOptions(),
    );
    return result.staff;
  }

  @Post('staff/auth/login/second-factor')
  @Public()
  @Endpoint({
    operationId: 'staffLoginSecondFactor',
    summary: 'Second staff login step: a TOTP code or a recovery code; opens the staff session',
    body: SecondFactorSchema,
    response: StaffMeSchema,
    errors: [400, 401, 429],
  })
  async staffLoginSecondFactor(
    @Body() body: z.infer<typeof SecondFactorSchema>,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.auth.completeStaffSecondFactor(body.challengeToken, body, meta);
    void reply.setCookie(
      this.sessions.cookieNames.staff,
      result.session.token,
      this.sessions.cookieOptions(),
    );
    return result.staff;
  }

  @Post('staff/auth/logout')
  @StaffAuthenticated({ permission: null, beforeTwoFactor: true })
  @Endpoint({ operationId: 'staffLogout', summary: 'End the staff session', status: 204 })
  async staffLogout(@CurrentStaff() staff: StaffAuth, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.sessions.end(staff.sessionId);
    void reply.clearCookie(this.sessions.cookieNames.staff, this.sessions.clearCookieOptions());
  }

  @Get('staff/me')
  @StaffAuthenticated({ permission: null, beforeTwoFactor: true })
  @Endpoint({
    operationId: 'getStaffMe',
    summary: 'The signed-in staff member',
    response: StaffMeSchema,
    errors: [401],
  })
  staffMe(@CurrentStaff() staff: StaffAuth) {
    return this.auth.staffMe(staff.staffId);
  }
}
