import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Endpoint } from '../../../common/endpoint.decorator';
import { IdPipe } from '../../../common/id.pipe';
import { Authenticated, CurrentAccount } from '../../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../../common/request-meta';
import type { AccountAuth } from '../../../access/auth.types';
import { Permission } from '../../../access/permissions';
import {
  BucketDetailSchema,
  BucketListSchema,
  BucketSchema,
  CreateBucketSchema,
  SetLifecycleSchema,
  SetObjectLockSchema,
  SetPublicReadSchema,
  SetVersioningSchema,
} from './buckets.dto';
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
    summary:
      'Create a bucket (PRD name rules; versioning, public read, object lock with default retention, lifecycle rules)',
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

  @Get(':id')
  @Authenticated({ permission: Permission.BucketRead })
  @Endpoint({
    operationId: 'getBucket',
    s3Url: 'unsigned',
    summary: 'One bucket: settings, lifecycle rules, usage and connection addresses',
    response: BucketDetailSchema,
    errors: [404],
  })
  detail(@CurrentAccount() auth: AccountAuth, @Param('id', IdPipe) id: string) {
    return this.buckets.detail(auth.accountId, id);
  }

  @Put(':id/versioning')
  @Authenticated({ permission: Permission.BucketUpdate })
  @Endpoint({
    operationId: 'setBucketVersioning',
    s3Url: 'unsigned',
    summary: 'Turn versioning on or suspend it (object lock buckets cannot suspend)',
    body: SetVersioningSchema,
    response: BucketDetailSchema,
    errors: [400, 404, 409, 503],
  })
  setVersioning(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof SetVersioningSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.buckets.setVersioning(auth, id, body.enabled, meta);
  }

  @Put(':id/public-read')
  @Authenticated({ permission: Permission.BucketUpdate, noGrant: true })
  @Endpoint({
    operationId: 'setBucketPublicRead',
    s3Url: 'unsigned',
    summary: 'Allow or stop anonymous downloads of every object (bucket policy)',
    body: SetPublicReadSchema,
    response: BucketDetailSchema,
    errors: [400, 404, 503],
  })
  setPublicRead(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof SetPublicReadSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.buckets.setPublicRead(auth, id, body.enabled, meta);
  }

  @Put(':id/lifecycle')
  @Authenticated({ permission: Permission.BucketUpdate })
  @Endpoint({
    operationId: 'setBucketLifecycle',
    s3Url: 'unsigned',
    summary: 'Replace the lifecycle rules (an empty list removes them)',
    body: SetLifecycleSchema,
    response: BucketDetailSchema,
    errors: [400, 404, 503],
  })
  setLifecycle(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof SetLifecycleSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.buckets.setLifecycle(auth, id, body.rules, meta);
  }

  @Put(':id/object-lock')
  @Authenticated({ permission: Permission.BucketUpdate })
  @Endpoint({
    operationId: 'setBucketObjectLock',
    s3Url: 'unsigned',
    summary: 'Change the default retention of an object lock bucket (null removes it)',
    body: SetObjectLockSchema,
    response: BucketDetailSchema,
    errors: [400, 404, 409, 503],
  })
  setObjectLock(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof SetObjectLockSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.buckets.setDefaultRetention(auth, id, body.defaultRetention, meta);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.BucketDelete })
  @Endpoint({
    operationId: 'deleteBucket',
    summary: 'Delete an empty bucket (409 explains how to empty it)',
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
