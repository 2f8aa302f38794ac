import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Endpoint } from '../../common/endpoint.decorator';
import { pickLanguage } from '../../common/messages';
import { Public } from '../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../common/request-meta';
import {
  ResendSignupSchema,
  SignupSchema,
  SignupStartedSchema,
  SignupVerifiedSchema,
  VerifySignupSchema,
  type SignupInput,
} from './signup.dto';
import { SignupService } from './signup.service';
import type { z } from 'zod';

@ApiTags('signup')
@Controller('api/v1/signup')
export class SignupController {
  constructor(private readonly signups: SignupService) {}

  @Post()
  @Public()
  @Endpoint({
    operationId: 'startSignup',
    summary: 'Start a sign-up: validates the data and e-mails a 6-digit code',
    body: SignupSchema,
    response: SignupStartedSchema,
    status: 202,
    errors: [400, 429],
  })
  start(@Body() body: SignupInput, @ReqMeta() meta: RequestMeta, @Req() req: FastifyRequest) {
    return this.signups.start(body, meta, pickLanguage(req.cookies?.lang, req.headers['accept-language']));
  }

  @Post('verify')
  @Public()
  @Endpoint({
    operationId: 'verifySignup',
    summary: 'Confirm the e-mail code; creates the account pending approval with its owner',
    body: VerifySignupSchema,
    response: SignupVerifiedSchema,
    status: 201,
    errors: [400, 404, 409, 410],
  })
  verify(@Body() body: z.infer<typeof VerifySignupSchema>, @ReqMeta() meta: RequestMeta) {
    return this.signups.verify(body.signupId, body.code, meta);
  }

  @Post('resend')
  @Public()
  @Endpoint({
    operationId: 'resendSignupCode',
    summary: 'Send a new code (at most once a minute, five times in all)',
    body: ResendSignupSchema,
    status: 202,
    errors: [404, 409, 429],
  })
  async resend(@Body() body: z.infer<typeof ResendSignupSchema>, @ReqMeta() meta: RequestMeta) {
    await this.signups.resend(body.signupId, meta);
  }
}
