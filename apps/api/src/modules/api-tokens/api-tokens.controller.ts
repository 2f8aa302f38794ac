import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Endpoint } from '../../common/endpoint.decorator';
import { IdPipe } from '../../common/id.pipe';
import { Authenticated, CurrentUser } from '../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../common/request-meta';
import type { UserAuth } from '../../access/auth.types';
import { Permission } from '../../access/permissions';
import { ApiTokenListSchema, CreateApiTokenSchema, CreatedApiTokenSchema } from './api-tokens.dto';
import { ApiTokensService } from './api-tokens.service';

@ApiTags('api-tokens')
@Controller('api/v1/api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @Authenticated({ permission: Permission.ApiTokenManage })
  @Endpoint({
    operationId: 'listApiTokens',
    summary: 'API tokens (the Owner sees all of the account, others their own); never the token itself',
    response: ApiTokenListSchema,
  })
  list(@CurrentUser() auth: UserAuth) {
    return this.tokens.list(auth);
  }

  @Post()
  @Authenticated({ permission: Permission.ApiTokenManage })
  @Endpoint({
    operationId: 'createApiToken',
    summary:
      "Create an API token with a subset of the creator's permissions; the only response with the token",
    body: CreateApiTokenSchema,
    response: CreatedApiTokenSchema,
    status: 201,
    errors: [400, 409],
  })
  create(
    @CurrentUser() auth: UserAuth,
    @Body() body: z.infer<typeof CreateApiTokenSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.tokens.create(auth, body, meta);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.ApiTokenManage })
  @Endpoint({
    operationId: 'revokeApiToken',
    summary: 'Revoke an API token at once',
    status: 204,
    errors: [404],
  })
  async revoke(@CurrentUser() auth: UserAuth, @Param('id', IdPipe) id: string, @ReqMeta() meta: RequestMeta) {
    await this.tokens.revoke(auth, id, meta);
  }
}
