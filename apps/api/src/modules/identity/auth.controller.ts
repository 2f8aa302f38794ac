import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { Endpoint } from '../../common/endpoint.decorator';
import {
  Authenticated,
  CurrentStaff,
  CurrentUser,
  Public,
  ReqMeta,
  StaffAuthenticated,
  type RequestMeta,
} from './auth.decorators';
import type { StaffAuth, UserAuth } from './auth.types';
import { AuthService } from './auth.service';
import { LoginSchema, MeSchema, StaffLoginSchema, StaffMeSchema } from './identity.dto';
import { SessionService, STAFF_COOKIE, USER_COOKIE } from './session.service';

@ApiTags('auth')
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Post('auth/login')
  @Public()
  @Endpoint({
    operationId: 'login',
    summary: 'Sign in a customer user; sets the HttpOnly session cookie',
    body: LoginSchema,
    response: MeSchema,
    errors: [400, 401, 403, 429],
  })
  async login(
    @Body() body: z.infer<typeof LoginSchema>,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { session, me } = await this.auth.loginUser(body.email, body.password, body.remember, meta);
    void reply.setCookie(USER_COOKIE, session.token, this.sessions.cookieOptions(session.maxAgeSeconds));
    return me;
  }

  @Post('auth/logout')
  @Authenticated({ permission: null })
  @Endpoint({ operationId: 'logout', summary: 'End the current session', status: 204 })
  async logout(@CurrentUser() user: UserAuth, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.sessions.end(user.sessionId);
    void reply.clearCookie(USER_COOKIE, { path: '/' });
  }

  @Get('me')
  @Authenticated({ permission: null })
  @Endpoint({
    operationId: 'getMe',
    summary: 'The signed-in user and account',
    response: MeSchema,
    errors: [401],
  })
  me(@CurrentUser() user: UserAuth) {
    return this.auth.me(user.userId, user.accountId);
  }

  @Post('staff/auth/login')
  @Public()
  @Endpoint({
    operationId: 'staffLogin',
    summary: 'Sign in a provider staff member (separate cookie and stricter session)',
    body: StaffLoginSchema,
    response: StaffMeSchema,
    errors: [400, 401, 429],
  })
  async staffLogin(
    @Body() body: z.infer<typeof StaffLoginSchema>,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { session, staff } = await this.auth.loginStaff(body.email, body.password, meta);
    void reply.setCookie(STAFF_COOKIE, session.token, this.sessions.cookieOptions());
    return staff;
  }

  @Post('staff/auth/logout')
  @StaffAuthenticated({ permission: null })
  @Endpoint({ operationId: 'staffLogout', summary: 'End the staff session', status: 204 })
  async staffLogout(@CurrentStaff() staff: StaffAuth, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.sessions.end(staff.sessionId);
    void reply.clearCookie(STAFF_COOKIE, { path: '/' });
  }

  @Get('staff/me')
  @StaffAuthenticated({ permission: null })
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
