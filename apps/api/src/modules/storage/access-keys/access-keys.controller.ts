import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Endpoint } from '../../../common/endpoint.decorator';
import { IdPipe } from '../../../common/id.pipe';
import { Authenticated, CurrentAccount } from '../../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../../common/request-meta';
import type { AccountAuth } from '../../../access/auth.types';
import { Permission } from '../../../access/permissions';
import {
  AccessKeyListSchema,
  AccessKeySchema,
  AccessKeySecretSchema,
  CreateAccessKeySchema,
  RotatedAccessKeySchema,
} from './access-keys.dto';
import { AccessKeysService } from './access-keys.service';

@ApiTags('access-keys')
@Controller('api/v1/access-keys')
export class AccessKeysController {
  constructor(private readonly keys: AccessKeysService) {}

  @Get()
  @Authenticated({ permission: Permission.AccessKeyRead })
  @Endpoint({
    operationId: 'listAccessKeys',
    summary: "The account's access keys",
    response: AccessKeyListSchema,
  })
  list(@CurrentAccount() auth: AccountAuth) {
    return this.keys.list(auth.accountId);
  }

  @Post()
  @Authenticated({ permission: Permission.AccessKeyCreate })
  @Endpoint({
    operationId: 'createAccessKey',
    summary: 'Create an access key; the only response that ever carries its secret',
    body: CreateAccessKeySchema,
    response: AccessKeySecretSchema,
    status: 201,
    errors: [400, 403, 409, 503],
  })
  create(
    @CurrentAccount() auth: AccountAuth,
    @Body() body: z.infer<typeof CreateAccessKeySchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.keys.create(auth, body, meta);
  }

  @Post(':id/deactivate')
  @Authenticated({ permission: Permission.AccessKeyUpdate })
  @Endpoint({
    operationId: 'deactivateAccessKey',
    summary: 'Turn a key off (also ends a rotation grace period now); reversible',
    response: AccessKeySchema,
    errors: [404, 409, 503],
  })
  deactivate(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.keys.deactivate(auth, id, meta);
  }

  @Post(':id/reactivate')
  @Authenticated({ permission: Permission.AccessKeyUpdate, noGrant: true })
  @Endpoint({
    operationId: 'reactivateAccessKey',
    summary: 'Turn a deactivated key back on',
    response: AccessKeySchema,
    errors: [404, 409, 503],
  })
  reactivate(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.keys.reactivate(auth, id, meta);
  }

  @Post(':id/rotate')
  @Authenticated({ permission: Permission.AccessKeyCreate })
  @Endpoint({
    operationId: 'rotateAccessKey',
    summary:
      'Make a replacement key now (same description, scope, expiry; its secret is in this response only); the old key is deactivated when its grace period ends',
    response: RotatedAccessKeySchema,
    status: 201,
    errors: [403, 404, 409, 503],
  })
  rotate(@CurrentAccount() auth: AccountAuth, @Param('id', IdPipe) id: string, @ReqMeta() meta: RequestMeta) {
    return this.keys.rotate(auth, id, meta);
  }

  @Post(':id/reveal')
  @Authenticated({ permission: Permission.AccessKeyRevealInitial })
  @Endpoint({
    operationId: 'revealInitialAccessKey',
    summary: 'Show the secret of the first key made at approval, once',
    response: AccessKeySecretSchema,
    errors: [404, 410],
  })
  reveal(@CurrentAccount() auth: AccountAuth, @Param('id', IdPipe) id: string, @ReqMeta() meta: RequestMeta) {
    return this.keys.revealInitial(auth, id, meta);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.AccessKeyRevoke })
  @Endpoint({
    operationId: 'revokeAccessKey',
    summary: 'Revoke a key for good',
    status: 204,
    errors: [404, 503],
  })
  async revoke(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @ReqMeta() meta: RequestMeta,
  ) {
    await this.keys.revoke(auth, id, meta);
  }
}
