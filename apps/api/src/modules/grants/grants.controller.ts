import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Endpoint } from '../../common/endpoint.decorator';
import { IdPipe } from '../../common/id.pipe';
import { Authenticated, CurrentUser } from '../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../common/request-meta';
import type { UserAuth } from '../../access/auth.types';
import { Permission } from '../../access/permissions';
import {
  CreateGrantSchema,
  GrantListSchema,
  GrantSchema,
  OwnGrantListQuerySchema,
  StaffOptionListSchema,
} from './grants.dto';
import { GrantsService } from './grants.service';

/** The Owner's side of "serviço assistido": who of the provider's support may enter, when and why. */
@ApiTags('grants')
@Controller('api/v1/grants')
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Get()
  @Authenticated({ permission: Permission.GrantManage })
  @Endpoint({
    operationId: 'listGrants',
    summary: "The account's grants, active and past, with how many actions were done under each",
    query: OwnGrantListQuerySchema,
    response: GrantListSchema,
  })
  list(@CurrentUser() auth: UserAuth, @Query() query: z.infer<typeof OwnGrantListQuerySchema>) {
    return this.grants.listForAccount(auth.accountId, query.status);
  }

  @Get('support-staff')
  @Authenticated({ permission: Permission.GrantManage })
  @Endpoint({
    operationId: 'listSupportStaff',
    summary: "The provider's active support staff (names and e-mails) an Owner may grant access to",
    response: StaffOptionListSchema,
  })
  supportStaff() {
    return this.grants.supportStaff();
  }

  @Post()
  @Authenticated({ permission: Permission.GrantManage })
  @Endpoint({
    operationId: 'createGrant',
    summary: 'Grant a support staff member access to the account for a period (scope read or full)',
    body: CreateGrantSchema,
    response: GrantSchema,
    status: 201,
    errors: [400, 403],
  })
  create(
    @CurrentUser() auth: UserAuth,
    @Body() body: z.infer<typeof CreateGrantSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.grants.createSupportGrant(auth, body, meta);
  }

  @Post(':id/revoke')
  @Authenticated({ permission: Permission.GrantManage })
  @Endpoint({
    operationId: 'revokeGrant',
    summary: "Revoke a grant at once: the staff member's next request is refused",
    response: GrantSchema,
    errors: [404],
  })
  revoke(@CurrentUser() auth: UserAuth, @Param('id', IdPipe) id: string, @ReqMeta() meta: RequestMeta) {
    return this.grants.revokeByOwner(auth, id, meta);
  }
}
