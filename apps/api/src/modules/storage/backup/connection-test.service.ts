import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { AppException } from '../../../common/app-exception';
import { translate, type Language, type MessageCode } from '../../../common/messages';
import { RateLimitService } from '../../../common/rate-limit.service';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AuditService } from '../../audit';
import type { RequestMeta } from '../../../common/request-meta';
import type { AccountAuth } from '../../../access/auth.types';
import { ResourceAccessService } from '../../../access/resource-access.service';
import type { ConnectionTestInput, ConnectionTestStepName } from './connection-test.dto';
import { ConnectionTestRepository } from './connection-test.repository';

/** Every S3 call of the test gives up after this long: a backup program would not wait longer. */
const CALL_TIMEOUT_MS = 5_000;
/** Where the write probe goes; a fresh name per test, deleted right after it is read back. */
const PROBE_PREFIX = '.connection-test/';

type StepStatus = 'ok' | 'failed' | 'skipped';
export interface StepResult {
  step: ConnectionTestStepName;
  status: StepStatus;
  durationMs: number;
  code: MessageCode | null;
  s3Code: string | null;
  message: string | null;
}

/** What the database knows about the key and the account, to explain a refusal precisely. */
export interface ExplainContext {
  keyStatus: 'active' | 'inactive' | 'expired' | 'revoked';
  keyExpired: boolean;
  writesBlocked: boolean;
}

/** An S3 SDK error, reduced to what the explanation depends on. */
export interface S3Failure {
  /** The S3 error code (`AccessDenied`…) or the JavaScript error name (`TimeoutError`…). */
  name: string;
  /** HTTP status of the answer; undefined when no answer came (network, timeout). */
  httpStatus?: number;
  /** Node.js network error code (`ECONNREFUSED`…), if any. */
  errno?: string;
}

const NETWORK_ERRORS = new Set(['TimeoutError', 'AbortError', 'RequestTimeout', 'NetworkingError']);
const AUTH_ERRORS = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'ExpiredToken',
  'InvalidToken',
  'Forbidden',
]);
const QUOTA_ERRORS = new Set(['XMinioAdminBucketQuotaExceeded', 'QuotaExceeded', 'XMinioStorageFull']);

/**
 * Turns a failed S3 call into a plain-words explanation code. Pure, so every branch is unit tested.
 * The database's view of the key wins over the server's generic answers: a revoked key is "revoked",
 * not "unknown", and a refused write on a blocked account is "quota", not "read-only key".
 */
export function explainFailure(
  step: ConnectionTestStepName,
  error: S3Failure,
  ctx: ExplainContext,
): MessageCode {
  if (error.httpStatus === undefined || NETWORK_ERRORS.has(error.name) || error.errno) {
    return 'connection_test_unreachable';
  }
  if (QUOTA_ERRORS.has(error.name)) return 'connection_test_quota_exceeded';
  const authRefusal = AUTH_ERRORS.has(error.name) || error.httpStatus === 401 || error.httpStatus === 403;
  if (authRefusal) {
    if (ctx.keyStatus === 'revoked') return 'connection_test_key_revoked';
    if (ctx.keyStatus === 'expired' || ctx.keyExpired || error.name === 'ExpiredToken')
      return 'connection_test_key_expired';
    if (ctx.keyStatus === 'inactive') return 'connection_test_key_disabled';
    if (error.name === 'InvalidAccessKeyId') return 'connection_test_key_unknown';
    if (error.name === 'SignatureDoesNotMatch') return 'connection_test_wrong_secret';
    if (step === 'list_buckets') return 'connection_test_no_buckets';
    if (step === 'write' || step === 'delete')
      return ctx.writesBlocked ? 'connection_test_writes_blocked' : 'connection_test_write_denied';
    return 'connection_test_bucket_denied';
  }
  if (error.name === 'NoSuchBucket' || (step === 'bucket_access' && error.httpStatus === 404)) {
    return 'connection_test_bucket_missing';
  }
  return 'connection_test_unexpected';
}

function toFailure(error: unknown): S3Failure {
  const e = error as { name?: string; Code?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const errno = typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) ? e.code : undefined;
  return { name: e.Code ?? e.name ?? 'Error', httpStatus: e.$metadata?.httpStatusCode, errno };
}

class StepFailed extends Error {
  constructor(readonly code: MessageCode) {
    super(code);
  }
}

/**
 * "Testar conexão S3": real S3 calls with credentials the customer pastes, against the platform's
 * S3 endpoint, each step timed and explained. The secret is used for these calls only: it is never
 * stored, logged or audited.
 */
@Injectable()
export class ConnectionTestService {
  private readonly logger = new Logger('ConnectionTest');

  constructor(
    private readonly repo: ConnectionTestRepository,
    private readonly access: ResourceAccessService,
    private readonly rateLimits: RateLimitService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async setup(accountId: string) {
    const [buckets, keys] = await Promise.all([
      this.repo.liveBuckets(accountId),
      this.repo.activeKeys(accountId),
    ]);
    const url = new URL(this.config.s3PublicEndpoint);
    const useSsl = url.protocol === 'https:';
    return {
      s3Endpoint: this.config.s3PublicEndpoint.replace(/\/+$/, ''),
      region: this.config.S3_REGION,
      host: url.hostname,
      port: url.port ? Number(url.port) : useSsl ? 443 : 80,
      useSsl,
      buckets,
      accessKeys: keys,
    };
  }

  async test(auth: AccountAuth, input: ConnectionTestInput, lang: Language, meta: RequestMeta) {
    // It takes a secret: limit guessing per person and per account before anything else happens.
    const actor = auth.kind === 'grant' ? `staff:${auth.staffId}` : `user:${auth.userId}`;
    await this.rateLimits.hit(`connection-test:${actor}`, 20, 600);
    await this.rateLimits.hit(`connection-test:account:${auth.accountId}`, 60, 3600);

    const key = (await this.access.accessKeys(auth, [input.accessKeyId])).get(input.accessKeyId);
    if (!key) throw new AppException(404, 'connection_test_key_not_found');
    const account = await this.repo.findAccount(auth.accountId);
    const ctx: ExplainContext = {
      keyStatus: key.status,
      keyExpired: key.expiresAt !== null && key.expiresAt.getTime() <= Date.now(),
      writesBlocked: account?.writesBlockedAt != null,
    };

    const client = new S3Client({
      endpoint: this.config.MINIO_ENDPOINT,
      region: this.config.S3_REGION,
      forcePathStyle: true,
      credentials: { accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey },
      maxAttempts: 1,
      requestHandler: { connectionTimeout: CALL_TIMEOUT_MS, requestTimeout: CALL_TIMEOUT_MS },
    });
    const steps: StepResult[] = [];
    try {
      await this.runSteps(client, input, ctx, lang, steps);
    } finally {
      client.destroy();
    }

    const failed = steps.find((s) => s.status === 'failed');
    await this.audit.byUser(auth, meta, {
      action: 'storage.connection_tested',
      resourceType: 'access_key',
      resourceId: key.id,
      details: {
        accessKeyId: key.accessKeyId,
        bucket: input.bucket,
        write: input.write,
        ok: !failed,
        ...(failed ? { failedStep: failed.step, reason: failed.code, s3Code: failed.s3Code } : {}),
      },
    });
    return {
      ok: !failed,
      endpoint: this.config.s3PublicEndpoint.replace(/\/+$/, ''),
      bucket: input.bucket,
      write: input.write,
      summary: failed?.message ?? translate('connection_test_ok', lang, { bucket: input.bucket }),
      steps,
    };
  }

  private async runSteps(
    client: S3Client,
    input: ConnectionTestInput,
    ctx: ExplainContext,
    lang: Language,
    steps: StepResult[],
  ) {
    const params = { bucket: input.bucket };
    /** Each call is abandoned after CALL_TIMEOUT_MS, whatever the connection does. */
    const limit = () => ({ abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) });

    /** Runs one timed step; after a failure the next ones are skipped, unless `always` (clean-up). */
    const step = async <T>(
      name: ConnectionTestStepName,
      call: () => Promise<T>,
      always = false,
    ): Promise<T | undefined> => {
      if (!always && steps.some((s) => s.status !== 'ok')) {
        steps.push({
          step: name,
          status: 'skipped',
          durationMs: 0,
          code: 'connection_test_skipped',
          s3Code: null,
          message: translate('connection_test_skipped', lang),
        });
        return undefined;
      }
      const started = performance.now();
      try {
        const value = await call();
        steps.push({
          step: name,
          status: 'ok',
          durationMs: Math.round(performance.now() - started),
          code: null,
          s3Code: null,
          message: null,
        });
        return value;
      } catch (error) {
        const failure = error instanceof StepFailed ? null : toFailure(error);
        const code = error instanceof StepFailed ? error.code : explainFailure(name, failure!, ctx);
        if (code === 'connection_test_unexpected') {
          this.logger.warn(`connection test step ${name}: ${failure?.name} (${failure?.httpStatus})`);
        }
        steps.push({
          step: name,
          status: 'failed',
          durationMs: Math.round(performance.now() - started),
          code,
          s3Code: failure && failure.httpStatus !== undefined ? failure.name : null,
          message: translate(code, lang, { ...params, code: failure?.name ?? '' }),
        });
        return undefined;
      }
    };

    await step('list_buckets', () => client.send(new ListBucketsCommand({}), limit()));
    await step('bucket_access', () =>
      client.send(new ListObjectsV2Command({ Bucket: input.bucket, MaxKeys: 1 }), limit()),
    );
    if (!input.write) return;

    const probeKey = `${PROBE_PREFIX}${randomUUID()}.txt`;
    const probeBody = `connection test ${new Date().toISOString()}\n`;
    const put = await step('write', async () => {
      // A blocked account must not grow, even if the read-only policy has not reached MinIO yet.
      if (ctx.writesBlocked) throw new StepFailed('connection_test_writes_blocked');
      return client.send(
        new PutObjectCommand({
          Bucket: input.bucket,
          Key: probeKey,
          Body: probeBody,
          ContentType: 'text/plain; charset=utf-8',
        }),
        limit(),
      );
    });
    await step('read', async () => {
      const got = await client.send(new GetObjectCommand({ Bucket: input.bucket, Key: probeKey }), limit());
      if ((await got.Body?.transformToString()) !== probeBody)
        throw new StepFailed('connection_test_read_mismatch');
    });
    // The probe is deleted whenever it was written, even when reading it back failed.
    await step(
      'delete',
      async () => {
        if (put === undefined) return;
        if (put.VersionId) {
          // Versioned bucket: remove the probe's version so nothing stays behind. Object lock may
          // refuse that (retention); then a delete marker hides it like any deleted backup file.
          try {
            await client.send(
              new DeleteObjectCommand({ Bucket: input.bucket, Key: probeKey, VersionId: put.VersionId }),
              limit(),
            );
            return;
          } catch {
            // fall through to the plain delete
          }
        }
        await client.send(new DeleteObjectCommand({ Bucket: input.bucket, Key: probeKey }), limit());
      },
      put !== undefined,
    );
  }
}
