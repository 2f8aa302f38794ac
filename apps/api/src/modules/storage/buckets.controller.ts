import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Endpoint } from '../../common/endpoint.decorator';
import { IdPipe } from '../../common/id.pipe';
import { Authenticated, CurrentAccount, ReqMeta, type RequestMeta } from '../identity/auth.decorators';
import type { AccountAuth } from '../identity/auth.types';
import { Permission } from '../identity/permissions';
import { BucketListSchema, BucketSchema, CreateBucketSchema } from './storage.dto';
import { BucketsService } from './buckets.service';

@ApiTags('buckets')
@Controller('api/v1/buckets')
export class BucketsController {
  constructor(private readonly buckets: BucketsService) {}

  @Get()
  @Authenticated({ permission: Permission.SharedBucketRead })
  @Endpoint({
    operationId: 'listBuckets',
    summary: "The account's buckets with usage (external clients: only the buckets shared with them)",
    response: BucketListSchema,
  })
  list(@CurrentAccount() auth: AccountAuth) {
    return this.buckets.list(auth);
  }

  @Post()
  @Authenticated({ permission: Permission.BucketCreate })
  @Endpoint({
    operationId: 'createBucket',
    summary: 'Create a bucket (PRD name rules; optional versioning)',
    body: CreateBucketSchema,
    response: BucketSchema,
    status: 201,
    errors: [400, 403, 409, 503],
  })
  create(
    @CurrentAccount() auth: AccountAuth,
    @Body() body: z.infer<typeof CreateBucketSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.buckets.create(auth, body, meta);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.BucketDelete })
  @Endpoint({
    operationId: 'deleteBucket',
    summary: 'Delete an empty bucket',
    status: 204,
    errors: [404, 409, 503],
  })
  async remove(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @ReqMeta() meta: RequestMeta,
  ) {
    await this.buckets.remove(auth, id, meta);
  }
}
