// Browser <-> S3 transfers with the API's presigned URLs. XMLHttpRequest, not fetch: only XHR
// reports upload progress.
import type { Dictionary } from '@/i18n';
import { interpolate } from '@/i18n';
import { errorMessage } from '@/lib/error-message';
import { objectsApi, type CompletedPart } from '@/lib/objects-api';

/** Files above this go up in parts (parallel, retried one by one); smaller ones in one PUT. */
export const MULTIPART_THRESHOLD = 16 * 1024 * 1024;
const PARALLEL_PARTS = 4;
const PART_ATTEMPTS = 3;
/** Part URLs are asked for in small batches, so none waits long enough to near its 5-minute expiry. */
const URL_BATCH = PARALLEL_PARTS * 2;

/** A transfer the storage refused or could not finish; `status` 0 is a network failure. */
export class TransferError extends Error {
  constructor(readonly status: number) {
    super(`transfer failed (${status})`);
  }
}

export class TransferCanceled extends Error {
  constructor() {
    super('canceled');
  }
}

export interface UploadHandle {
  /** Resolves when the object exists; rejects with TransferError, TransferCanceled or ApiError. */
  done: Promise<void>;
  cancel: () => void;
  /** Number of parts (1 for a single PUT). */
  parts: number;
}

interface PutResult {
  etag: string | null;
}

function put(
  url: string,
  body: Blob,
  headers: Record<string, string>,
  onProgress: (loaded: number) => void,
  signal: AbortSignal,
): Promise<PutResult> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new TransferCanceled());
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(body.size);
        // Readable cross-origin only because the S3 endpoint exposes ETag (CORS).
        resolve({ etag: xhr.getResponseHeader('ETag') });
      } else reject(new TransferError(xhr.status));
    };
    xhr.onerror = () => reject(new TransferError(0));
    xhr.onabort = () => reject(new TransferCanceled());
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/**
 * Uploads one file to `key`. `onProgress` gets the bytes sent so far. Cancelling (or a failure)
 * aborts a multipart upload on the server so no orphan parts are left to use space.
 */
export async function startUpload(
  bucketId: string,
  key: string,
  file: File,
  onProgress: (sent: number) => void,
  onStage: (stage: 'completing') => void = () => {},
): Promise<UploadHandle> {
  const controller = new AbortController();
  const contentType = file.type || 'application/octet-stream';

  if (file.size <= MULTIPART_THRESHOLD) {
    const signed = await objectsApi.uploadUrl(bucketId, { key, size: file.size, contentType });
    const done = put(signed.url, file, signed.headers, onProgress, controller.signal).then(() => undefined);
    return { done, cancel: () => controller.abort(), parts: 1 };
  }

  const upload = await objectsApi.createMultipart(bucketId, { key, size: file.size, contentType });
  const loaded = new Map<number, number>();
  const report = () => onProgress([...loaded.values()].reduce((a, b) => a + b, 0));
  const pending = Array.from({ length: upload.partCount }, (_, i) => i + 1);
  const completed: CompletedPart[] = [];

  const freshUrl = async (partNumber: number) => {
    const { parts } = await objectsApi.partUrls(bucketId, {
      key,
      uploadId: upload.uploadId,
      partNumbers: [partNumber],
    });
    return parts[0].url;
  };

  const uploadPart = async (partNumber: number, firstUrl: string) => {
    const start = (partNumber - 1) * upload.partSize;
    const blob = file.slice(start, Math.min(file.size, start + upload.partSize));
    let url = firstUrl;
    for (let attempt = 1; ; attempt++) {
      try {
        const { etag } = await put(
          url,
          blob,
          {},
          (bytes) => {
            loaded.set(partNumber, bytes);
            report();
          },
          controller.signal,
        );
        if (!etag) throw new TransferError(0);
        completed.push({ partNumber, etag });
        return;
      } catch (error) {
        loaded.set(partNumber, 0);
        report();
        if (error instanceof TransferCanceled || attempt >= PART_ATTEMPTS) throw error;
        // A dropped connection or an expired URL (slow link): try again with a new signature.
        url = await freshUrl(partNumber);
      }
    }
  };

  const run = async () => {
    try {
      while (pending.length) {
        const batch = pending.splice(0, URL_BATCH);
        const { parts } = await objectsApi.partUrls(bucketId, {
          key,
          uploadId: upload.uploadId,
          partNumbers: batch,
        });
        const queue = [...parts];
        await Promise.all(
          Array.from({ length: Math.min(PARALLEL_PARTS, queue.length) }, async () => {
            for (let next = queue.shift(); next; next = queue.shift()) {
              if (controller.signal.aborted) throw new TransferCanceled();
              await uploadPart(next.partNumber, next.url);
            }
          }),
        );
      }
      onStage('completing');
      completed.sort((a, b) => a.partNumber - b.partNumber);
      await objectsApi.completeMultipart(bucketId, { key, uploadId: upload.uploadId, parts: completed });
    } catch (error) {
      controller.abort();
      // Best effort: MinIO's stale-upload sweep (24 h by default) removes what a failed abort leaves.
      await objectsApi.abortMultipart(bucketId, { key, uploadId: upload.uploadId }).catch(() => undefined);
      throw error;
    }
  };
  return { done: run(), cancel: () => controller.abort(), parts: upload.partCount };
}

/** Starts a download of the object (or one version) through a presigned GET (an attachment). */
export async function download(bucketId: string, key: string, versionId?: string): Promise<void> {
  const signed = await objectsApi.downloadUrl(bucketId, { key, versionId });
  const link = document.createElement('a');
  link.href = signed.url;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** Deletes through a presigned DELETE (a delete marker on versioned buckets, unless a version is given). */
export async function deleteObject(bucketId: string, key: string, versionId?: string): Promise<void> {
  const signed = await objectsApi.deleteUrl(bucketId, { key, versionId });
  let response: Response;
  try {
    response = await fetch(signed.url, { method: 'DELETE' });
  } catch {
    throw new TransferError(0);
  }
  if (!response.ok) throw new TransferError(response.status);
}

/** What to tell the user about a failed transfer: the storage's refusal, the network, or the API's message. */
export function transferErrorMessage(error: unknown, t: Dictionary): string {
  if (error instanceof TransferError)
    return error.status === 0
      ? t.objects.uploads.networkError
      : interpolate(t.objects.uploads.rejected, { status: error.status });
  return errorMessage(error, t);
}
