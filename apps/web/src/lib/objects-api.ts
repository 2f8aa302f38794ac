// Calls of the object browser, over the same generated client as lib/api.ts and the same error
// handling (ApiError with the API's translated message). Bytes never pass through these calls:
// the API answers presigned URLs and the browser talks to the S3 endpoint directly.
import { createApiClient as createGeneratedClient, type paths } from '@csp/api-client';
import { ApiError, type ApiErrorBody } from './api';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Path extends keyof paths, M extends 'get' | 'post'> = paths[Path][M] extends { responses: infer R }
  ? R extends { 200: infer X }
    ? Json<X>
    : R extends { 201: infer X }
      ? Json<X>
      : never
  : never;
type Body<Path extends keyof paths> = paths[Path]['post'] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

const base = '/api/v1/buckets/{id}/objects';
export type ObjectListing = Ok<typeof base, 'get'>;
export type ObjectBucket = ObjectListing['bucket'];
export type ObjectEntry = ObjectListing['objects'][number];
export type ObjectVersionPage = Ok<`${typeof base}/versions`, 'get'>;
export type ObjectVersion = ObjectVersionPage['items'][number];
export type PresignedRequest = Ok<`${typeof base}/download-url`, 'post'>;
export type MultipartUpload = Ok<`${typeof base}/multipart`, 'post'>;
export type CompletedPart = Body<`${typeof base}/multipart/complete`>['parts'][number];

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, { code: 'network_error' });
  }
  if (result.response.ok) return result.data as T;
  const raw = (result.error && typeof result.error === 'object' ? result.error : {}) as ApiErrorBody & {
    fields?: unknown;
  };
  const fields: Record<string, string> = {};
  if (raw.fields && typeof raw.fields === 'object')
    for (const [k, v] of Object.entries(raw.fields)) if (typeof v === 'string') fields[k] = v;
  throw new ApiError(result.response.status, {
    ...raw,
    message: typeof raw.message === 'string' ? raw.message : undefined,
    fields,
  });
}

const client = createGeneratedClient('', {
  headers: { accept: 'application/json' },
  fetch: (request: Request) => fetch(request, { cache: 'no-store' }),
});
const path = (id: string) => ({ path: { id } });

export const objectsApi = {
  list: (bucketId: string, query: { prefix?: string; continuationToken?: string; pageSize?: number }) =>
    unwrap(client.GET(base, { params: { ...path(bucketId), query } })),
  versions: (bucketId: string, query: { key?: string; keyMarker?: string; versionIdMarker?: string }) =>
    unwrap(client.GET(`${base}/versions`, { params: { ...path(bucketId), query } })),
  downloadUrl: (bucketId: string, body: { key: string; versionId?: string }) =>
    unwrap(client.POST(`${base}/download-url`, { params: path(bucketId), body })),
  uploadUrl: (bucketId: string, body: { key: string; size: number; contentType?: string }) =>
    unwrap(client.POST(`${base}/upload-url`, { params: path(bucketId), body })),
  deleteUrl: (bucketId: string, body: { key: string; versionId?: string }) =>
    unwrap(client.POST(`${base}/delete-url`, { params: path(bucketId), body })),
  createFolder: (bucketId: string, prefix: string) =>
    unwrap(client.POST(`${base}/folders`, { params: path(bucketId), body: { prefix } })),
  createMultipart: (bucketId: string, body: { key: string; size: number; contentType?: string }) =>
    unwrap(client.POST(`${base}/multipart`, { params: path(bucketId), body })),
  partUrls: (bucketId: string, body: { key: string; uploadId: string; partNumbers: number[] }) =>
    unwrap(client.POST(`${base}/multipart/part-urls`, { params: path(bucketId), body })),
  completeMultipart: (bucketId: string, body: { key: string; uploadId: string; parts: CompletedPart[] }) =>
    unwrap(client.POST(`${base}/multipart/complete`, { params: path(bucketId), body })),
  abortMultipart: (bucketId: string, body: { key: string; uploadId: string }) =>
    unwrap(client.POST(`${base}/multipart/abort`, { params: path(bucketId), body })),
};
