import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Endpoint } from '../../../common/endpoint.decorator';
import { IdPipe } from '../../../common/id.pipe';
import { Authenticated, CurrentAccount } from '../../../access/access.decorators';
import { ReqMeta, type RequestMeta } from '../../../common/request-meta';
import type { AccountAuth } from '../../../access/auth.types';
import { Permission } from '../../../access/permissions';
import {
  AbortMultipartSchema,
  CompletedObjectSchema,
  CompleteMultipartSchema,
  CreateFolderSchema,
  CreateMultipartSchema,
  FolderSchema,
  ListObjectsQuerySchema,
  ListVersionsQuerySchema,
  MultipartSchema,
  ObjectListSchema,
  ObjectRefSchema,
  ObjectVersionListSchema,
  PartUrlsRequestSchema,
  PartUrlsSchema,
  PresignedUrlSchema,
  UploadUrlRequestSchema,
} from './objects.dto';
import { ObjectsService } from './objects.service';

/**
 * The object browser. The route only requires the bucket list permission: the service decides per
 * bucket (ObjectRead / ObjectWrite for account roles, the share's access for external clients).
 */
@ApiTags('objects')
@Controller('api/v1/buckets/:id/objects')
export class ObjectsController {
  constructor(private readonly objects: ObjectsService) {}

  @Get()
  @Authenticated({ permission: Permission.SharedBucketRead })
  @Endpoint({
    operationId: 'listObjects',
    summary: 'Folders and objects under a prefix (delimiter "/"), one page at a time',
    query: ListObjectsQuerySchema,
    response: ObjectListSchema,
    errors: [400, 403, 404, 503],
  })
  list(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @Query() query: z.infer<typeof ListObjectsQuerySchema>,
  ) {
    return this.objects.list(auth, id, query);
  }

  @Get('versions')
  @Authenticated({ permission: Permission.SharedBucketRead })
  @Endpoint({
    operationId: 'listObjectVersions',
    summary: 'Versions and delete markers of a key or under a prefix',
    query: ListVersionsQuerySchema,
    response: ObjectVersionListSchema,
    errors: [400, 403, 404, 503],
  })
  versions(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @Query() query: z.infer<typeof ListVersionsQuerySchema>,
  ) {
    return this.objects.versions(auth, id, query);
  }

  @Post('download-url')
  @Authenticated({ permission: Permission.SharedBucketRead })
  @Endpoint({
    operationId: 'presignObjectDownload',
    s3Url: { signed: 'read' },
    summary: 'A 5-minute presigned GET that downloads the object (or a version) as an attachment',
    body: ObjectRefSchema,
    response: PresignedUrlSchema,
    errors: [400, 403, 404, 503],
  })
  downloadUrl(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof ObjectRefSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.objects.downloadUrl(auth, id, body, meta);
  }

  @Post('upload-url')
  @Authenticated({ permission: Permission.SharedBucketRead })
  @Endpoint({
    operationId: 'presignObjectUpload',
    s3Url: { signed: 'write' },
    summary: 'A 5-minute presigned PUT for one file of the announced size',
    body: UploadUrlRequestSchema,
    response: PresignedUrlSchema,
    errors: [400, 403, 404, 409, 503],
  })
  uploadUrl(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof UploadUrlRequestSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.objects.uploadUrl(auth, id, body, meta);
  }

  @Post('delete-url')
  @Authenticated({ permission: Permission.SharedBucketRead })
  @Endpoint({
    operationId: 'presignObjectDelete',
    s3Url: { signed: 'delete' },
    summary: 'A 5-minute presigned DELETE of the object (delete marker) or of one version',
    body: ObjectRefSchema,
    response: PresignedUrlSchema,
    errors: [400, 403, 404, 409, 503],
  })
  deleteUrl(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof ObjectRefSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.objects.deleteUrl(auth, id, body, meta);
  }

  @Post('folders')
  @Authenticated({ permission: Permission.SharedBucketRead })
  @Endpoint({
    operationId: 'createObjectFolder',
    summary: 'Create a folder (a zero-byte "prefix/" object)',
    body: CreateFolderSchema,
    response: FolderSchema,
    status: 201,
    errors: [400, 403, 404, 409, 503],
  })
  createFolder(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof CreateFolderSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.objects.createFolder(auth, id, body, meta);
  }

  @Post('multipart')
  @Authenticated({ permission: Permission.SharedBucketRead })
  @Endpoint({
    operationId: 'createMultipartUpload',
    summary: 'Start a multipart upload; answers the part size and count to cut the file with',
    body: CreateMultipartSchema,
    response: MultipartSchema,
    status: 201,
    errors: [400, 403, 404, 409, 503],
  })
  createMultipart(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof CreateMultipartSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.objects.createMultipart(auth, id, body, meta);
  }

  @Post('multipart/part-urls')
  @Authenticated({ permission: Permission.SharedBucketRead })
  @Endpoint({
    operationId: 'presignMultipartParts',
    s3Url: { signed: 'write' },
    summary: '5-minute presigned UploadPart URLs (up to 100 per call)',
    body: PartUrlsRequestSchema,
    response: PartUrlsSchema,
    errors: [400, 403, 404, 409, 503],
  })
  partUrls(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof PartUrlsRequestSchema>,
  ) {
    return this.objects.partUrls(auth, id, body);
  }

  @Post('multipart/complete')
  @Authenticated({ permission: Permission.SharedBucketRead })
  @Endpoint({
    operationId: 'completeMultipartUpload',
    summary: "Complete a multipart upload with its parts' ETags",
    body: CompleteMultipartSchema,
    response: CompletedObjectSchema,
    errors: [400, 403, 404, 409, 503],
  })
  complete(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof CompleteMultipartSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.objects.completeMultipart(auth, id, body, meta);
  }

  @Post('multipart/abort')
  @Authenticated({ permission: Permission.SharedBucketRead })
  @Endpoint({
    operationId: 'abortMultipartUpload',
    summary: 'Abort a multipart upload and drop its parts (idempotent)',
    body: AbortMultipartSchema,
    status: 204,
    errors: [400, 403, 404, 409, 503],
  })
  async abort(
    @CurrentAccount() auth: AccountAuth,
    @Param('id', IdPipe) id: string,
    @Body() body: z.infer<typeof AbortMultipartSchema>,
    @ReqMeta() meta: RequestMeta,
  ) {
    await this.objects.abortMultipart(auth, id, body, meta);
  }
}
