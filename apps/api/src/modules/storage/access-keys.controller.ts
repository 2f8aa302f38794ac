import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Endpoint } from '../../common/endpoint.decorator';
import { IdPipe } from '../../common/id.pipe';
import { Authenticated, CurrentAccount, ReqMeta, type RequestMeta } from '../identity/auth.decorators';
import type { AccountAuth } from '../identity/auth.types';
import { Permission } from '../identity/permissions';
import { AccessKeyListSchema, AccessKeySecretSchema, CreateAccessKeySchema } from './storage.dto';
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
    errors: [400, 403, 503],
  })
  create(
    @CurrentAccount() auth: AccountAuth,
    @Body() body: z.infer<typeof CreateAccessKeySchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.keys.create(auth, body.name, meta);
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
