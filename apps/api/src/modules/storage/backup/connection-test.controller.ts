import { Body, Controller, Get, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Endpoint } from '../../../common/endpoint.decorator';
import { pickLanguage } from '../../../common/messages';
import { Authenticated, CurrentAccount } from '../../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../../common/request-meta';
import type { AccountAuth } from '../../../access/auth.types';
import { Permission } from '../../../access/permissions';
import {
  BackupSetupSchema,
  ConnectionTestResultSchema,
  ConnectionTestSchema,
  type ConnectionTestInput,
} from './connection-test.dto';
import { ConnectionTestService } from './connection-test.service';

@ApiTags('storage')
@Controller('api/v1/storage')
export class ConnectionTestController {
  constructor(private readonly service: ConnectionTestService) {}

  @Get('backup-setup')
  @Authenticated({ permission: Permission.BackupGuideRead })
  @Endpoint({
    operationId: 'getBackupSetup',
    summary: 'Endpoint, region, buckets and active keys for the backup software guides',
    response: BackupSetupSchema,
  })
  setup(@CurrentAccount() auth: AccountAuth) {
    return this.service.setup(auth.accountId);
  }

  @Post('connection-test')
  @Authenticated({ permission: Permission.StorageConnectionTest })
  @Endpoint({
    operationId: 'testStorageConnection',
    summary: "Real S3 calls with the given key of the caller's account; each step explained",
    body: ConnectionTestSchema,
    response: ConnectionTestResultSchema,
    errors: [400, 403, 404, 429],
  })
  test(
    @CurrentAccount() auth: AccountAuth,
    @Body() body: ConnectionTestInput,
    @ReqMeta() meta: RequestMeta,
    @Req() request: FastifyRequest,
  ) {
    const lang = pickLanguage(
      (request.cookies as Record<string, string> | undefined)?.lang,
      request.headers['accept-language'],
    );
    return this.service.test(auth, body, lang, meta);
  }
}
