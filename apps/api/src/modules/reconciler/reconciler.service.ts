import { Injectable, Logger } from '@nestjs/common';
import {
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  ListBucketsCommand,
  PutBucketVersioningCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ServiceAccountSummary } from '@csp/minio-admin';
import { AppException } from '../../common/app-exception';
import { DEAD_LETTER_QUEUE } from '../../events/domain-events';
import { AuditService } from '../audit';
import {
  InjectStorageAdmin,
  InjectS3Root,
  ProvisioningService,
  StorageUserSecretService,
  describeStorageError,
  expectedAccountPolicy,
  writePublicRead,
  type StorageAdmin,
} from '../storage';
import type { RequestMeta } from '../../common/request-meta';
import type { StaffAuth } from '../../access/auth.types';
import {
  describeBytes,
  describePolicy,
  expectedKeyStatus,
  expectedUserStatus,
  finding,
  grantsPublicRead,
  samePolicy,
  type Finding,
} from './reconciler-checks';
import { ReconcilerRepository, type RunRow } from './reconciler.repository';

type CheckedAccount = Awaited<ReturnType<ReconcilerRepository['accountsToCheck']>>[number];

/** Who a run acts for: its repairs are audited as this actor. */
type Actor = { kind: 'staff'; staff: StaffAuth; meta: RequestMeta } | { kind: 'system' };

/** Accounts checked at the same time (each check is a handful of sequential MinIO calls). */
const ACCOUNT_CONCURRENCY = 4;

/**
 * Compares the database (the source of truth) with MinIO and reports, or repairs, the drift.
 * Repairs reuse the platform's own writers (ProvisioningService.syncPolicy for the account policy)
 * and are idempotent; what cannot be put back without losing or inventing data (a missing bucket,
 * a key whose secret was never stored, resources the database does not know) is only reported.
 */
@Injectable()
export class ReconcilerService {
  private readonly logger = new Logger('Reconciler');

  constructor(
    private readonly repo: ReconcilerRepository,
    private readonly provisioning: ProvisioningService,
    private readonly userSecrets: StorageUserSecretService,
    private readonly audit: AuditService,
    @InjectStorageAdmin() private readonly storageAdmin: StorageAdmin,
    @InjectS3Root() private readonly s3: S3Client,
  ) {}

  /** A run started from the staff page; 409 while another run (manual or scheduled) is running. */
  async runManual(staff: StaffAuth, repair: boolean, meta: RequestMeta) {
    const run = await this.repo.claimRun('manual', staff.staffId, repair);
    if (!run) throw AppException.conflict('reconciler_already_running');
    const finished = await this.execute(run, repair, { kind: 'staff', staff, meta });
    const findings = finished.findings as Finding[];
    await this.audit.byStaff(staff, meta, {
      action: 'reconciler.run',
      resourceType: 'reconciler_run',
      resourceId: run.id,
      details: {
        repair,
        status: finished.status,
        checkedAccounts: finished.checkedAccounts,
        findings: findings.length,
        repaired: findings.filter((f) => f.repaired).length,
      },
    });
    return this.detail(run.id);
  }

  /** The scheduled run; null when another run is in progress (it is simply skipped). */
  async runScheduled(repair: boolean): Promise<RunRow | null> {
    const run = await this.repo.claimRun('schedule', null, repair);
    if (!run) return null;
    return this.execute(run, repair, { kind: 'system' });
  }

  async list(query: { cursor?: string; limit: number }) {
    const rows = await this.repo.listRuns({ cursor: query.cursor, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((r) => toSummary(r.run, r.staff)),
      nextCursor: rows.length > query.limit ? page[page.length - 1].run.id : null,
    };
  }

  async detail(id: string) {
    const row = await this.repo.findRun(id);
    if (!row) throw AppException.notFound();
    const findings = row.run.findings as Finding[];
    const ids = [...new Set(findings.map((f) => f.accountId).filter((x): x is string => !!x))];
    return {
      ...toSummary(row.run, row.staff),
      findings,
      accounts: await this.repo.accountNames(ids),
    };
  }

  private async execute(run: RunRow, repair: boolean, actor: Actor): Promise<RunRow> {
    const perAccount: Finding[][] = [];
    let checked = 0;
    try {
      const onMinio = await this.listMinioBuckets();
      const accounts = await this.repo.accountsToCheck();
      let next = 0;
      const workers = Array.from({ length: Math.min(ACCOUNT_CONCURRENCY, accounts.length) }, async () => {
        while (next < accounts.length) {
          const index = next++;
          perAccount[index] = await this.checkAccountSafely(accounts[index], onMinio, repair, actor, run.id);
          checked += 1;
        }
      });
      await Promise.all(workers);
      const findings = [
        ...perAccount.flat(),
        ...(await this.checkUnownedBuckets(onMinio)),
        ...(await this.checkDeadLetters()),
      ];
      this.logger.log(
        `run ${run.id}: ${checked} accounts, ${findings.length} findings, ${findings.filter((f) => f.repaired).length} repaired`,
      );
      return await this.repo.finishRun(run.id, { status: 'succeeded', checkedAccounts: checked, findings });
    } catch (error) {
      this.logger.warn(`run ${run.id} failed: ${(error as Error).message}`);
      return this.repo.finishRun(run.id, {
        status: 'failed',
        checkedAccounts: checked,
        findings: perAccount.flat(),
        error: describeStorageError(error),
      });
    }
  }

  /** One account's failure (MinIO error mid-check) becomes a finding; the run goes on. */
  private async checkAccountSafely(
    account: CheckedAccount,
    onMinio: Set<string>,
    repair: boolean,
    actor: Actor,
    runId: string,
  ): Promise<Finding[]> {
    const findings: Finding[] = [];
    const report = async (f: Finding, fix?: () => Promise<void>) => {
      findings.push(f);
      if (!repair || !f.repairable || !fix) return;
      try {
        await fix();
        f.repaired = true;
        await this.auditRepair(actor, runId, f);
      } catch (error) {
        f.repairError = describeStorageError(error);
        this.logger.warn(`repair ${f.kind} of ${f.resource} failed: ${(error as Error).message}`);
      }
    };
    try {
      await this.checkAccount(account, onMinio, report);
    } catch (error) {
      findings.push(
        finding('check_failed', account.id, account.minioUser, 'checked', describeStorageError(error)),
      );
    }
    return findings;
  }

  private async checkAccount(
    account: CheckedAccount,
    onMinio: Set<string>,
    report: (f: Finding, fix?: () => Promise<void>) => Promise<void>,
  ) {
    const { id, minioUser, policyName } = account;
    const wantStatus = expectedUserStatus(account.status as Parameters<typeof expectedUserStatus>[0]);

    if (account.status === 'canceled') {
      // A canceled account keeps nothing live: its user may be gone, but must never be enabled.
      const info = await this.storageAdmin.getUserInfo(minioUser);
      if (info?.status === 'enabled') {
        await report(finding('user_status', id, minioUser, 'disabled', 'enabled'), () =>
          this.storageAdmin.setUserStatus(minioUser, 'disabled'),
        );
      }
      return;
    }

    // 1. The canned policy, exactly as syncPolicy writes it (attach needs it to exist).
    const buckets = await this.repo.liveBuckets(id);
    const expectedPolicy = expectedAccountPolicy({
      bucketNames: buckets.map((b) => b.name),
      writesBlocked: account.writesBlockedAt !== null,
    });
    const policy = await this.storageAdmin.getCannedPolicy(policyName);
    const syncPolicy = () => this.provisioning.syncPolicy(id);
    if (!policy) {
      await report(
        finding('policy_missing', id, policyName, describePolicy(expectedPolicy), 'absent'),
        syncPolicy,
      );
    } else if (!samePolicy(policy.policy, expectedPolicy)) {
      await report(
        finding(
          'policy_mismatch',
          id,
          policyName,
          describePolicy(expectedPolicy),
          describePolicy(policy.policy),
        ),
        syncPolicy,
      );
    }

    // 2. The user, its status and the policy attachment.
    let userExists = true;
    const info = await this.storageAdmin.getUserInfo(minioUser);
    if (!info) {
      const missing = finding('user_missing', id, minioUser, `present, ${wantStatus}`, 'absent');
      await report(missing, async () => {
        // A new kept secret (the old one signed for a user that is gone), with the status the account calls for.
        await this.userSecrets.rekey(id);
        await this.storageAdmin.attachPolicy({ user: minioUser, policies: [policyName] });
      });
      userExists = missing.repaired;
    } else {
      if (info.status !== wantStatus) {
        await report(finding('user_status', id, minioUser, wantStatus, info.status), () =>
          this.storageAdmin.setUserStatus(minioUser, wantStatus),
        );
      }
      // The kept secret must still sign in as the user: the object browser's credentials depend on
      // it. A disabled user refuses every secret, so only an enabled one can tell.
      if (info.status === 'enabled' && (await this.userSecrets.secretWorks(id)) === false) {
        await report(finding('user_secret_invalid', id, minioUser, 'signs in', 'refused'), () =>
          this.userSecrets.rekey(id),
        );
      }
      const attached = (info.policyName ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      if (!attached.includes(policyName)) {
        await report(
          finding(
            'policy_detached',
            id,
            minioUser,
            `attached: ${policyName}`,
            `attached: ${attached.join(', ') || 'none'}`,
          ),
          async () => {
            await this.storageAdmin.attachPolicy({ user: minioUser, policies: [policyName] });
          },
        );
      }
    }

    // 3. Access keys: service accounts of the user (all gone with a missing user).
    await this.checkKeys(id, minioUser, userExists, report);

    // 4. Buckets: existence, hard quota, versioning, public read.
    for (const bucket of buckets) {
      if (!onMinio.has(bucket.name)) {
        await report(finding('bucket_missing', id, bucket.name, 'present', 'absent'));
        continue;
      }
      await this.checkBucket(id, Number(account.quotaBytes), bucket, report);
    }
  }

  private async checkKeys(
    accountId: string,
    minioUser: string,
    userExists: boolean,
    report: (f: Finding, fix?: () => Promise<void>) => Promise<void>,
  ) {
    const [rows, serviceAccounts] = await Promise.all([
      this.repo.accessKeys(accountId),
      userExists ? this.storageAdmin.listServiceAccounts(minioUser) : Promise.resolve([]),
    ]);
    const onMinio = new Map<string, ServiceAccountSummary>(serviceAccounts.map((s) => [s.accessKey, s]));
    for (const row of rows) {
      const want = expectedKeyStatus(row.status);
      const actual = onMinio.get(row.accessKeyId);
      if (want === null) {
        if (actual) {
          await report(
            finding(
              'access_key_revoked_present',
              accountId,
              row.accessKeyId,
              'absent (revoked)',
              `present, ${actual.accountStatus}`,
            ),
            () => this.deleteServiceAccount(row.accessKeyId),
          );
        }
        continue;
      }
      // A key still being created (row first, then MinIO) is not drift yet.
      if (!row.provisioned) continue;
      if (!actual) {
        // MinIO may drop an expired service account by itself: nothing is lost.
        if (row.status === 'expired') continue;
        const elsewhere = await this.storageAdmin.infoServiceAccount(row.accessKeyId);
        await report(
          finding(
            'access_key_missing',
            accountId,
            row.accessKeyId,
            `present, ${want}`,
            elsewhere ? `belongs to ${elsewhere.parentUser}` : 'absent',
          ),
        );
        continue;
      }
      if (actual.accountStatus !== want) {
        await report(
          finding('access_key_status', accountId, row.accessKeyId, want, actual.accountStatus),
          () => this.storageAdmin.updateServiceAccount(row.accessKeyId, { newStatus: want }),
        );
      }
    }
    const known = new Set(rows.map((r) => r.accessKeyId));
    for (const sa of serviceAccounts) {
      if (!known.has(sa.accessKey)) {
        await report(
          finding('access_key_unknown', accountId, sa.accessKey, 'absent', `present, ${sa.accountStatus}`),
        );
      }
    }
  }

  private async checkBucket(
    accountId: string,
    quotaBytes: number,
    bucket: { name: string; versioning: boolean; objectLock: boolean; publicRead: boolean },
    report: (f: Finding, fix?: () => Promise<void>) => Promise<void>,
  ) {
    const name = bucket.name;
    const quota = await this.storageAdmin.getBucketQuota(name);
    if (quota?.size !== quotaBytes) {
      await report(
        finding(
          'bucket_quota',
          accountId,
          name,
          describeBytes(quotaBytes),
          describeBytes(quota?.size ?? null),
        ),
        () => this.storageAdmin.setBucketQuota(name, quotaBytes),
      );
    }

    // Object lock forces versioning on; a bucket that never had versioning reports no status.
    const wantVersioning = bucket.versioning || bucket.objectLock;
    const versioning = (await this.s3.send(new GetBucketVersioningCommand({ Bucket: name }))).Status ?? 'Off';
    if (wantVersioning !== (versioning === 'Enabled')) {
      const target = wantVersioning ? 'Enabled' : 'Suspended';
      await report(
        finding(
          'bucket_versioning',
          accountId,
          name,
          wantVersioning ? 'Enabled' : 'Suspended or Off',
          versioning,
        ),
        async () => {
          await this.s3.send(
            new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: target } }),
          );
        },
      );
    }

    const isPublic = grantsPublicRead(await this.bucketPolicy(name), name);
    if (isPublic !== bucket.publicRead) {
      const describe = (open: boolean) => (open ? 'public read' : 'private');
      await report(
        finding('bucket_public_read', accountId, name, describe(bucket.publicRead), describe(isPublic)),
        () => writePublicRead(this.s3, name, bucket.publicRead),
      );
    }
  }

  /** Domain events a consumer gave up on (events/domain-events.ts): one finding per consumer. */
  private async checkDeadLetters(): Promise<Finding[]> {
    return (await this.repo.deadLetters(DEAD_LETTER_QUEUE)).map((d) =>
      finding(
        'event_dead_letter',
        undefined,
        d.consumer,
        'every event delivered',
        `${d.count} event(s) failed every retry (oldest ${d.oldest.toISOString()})`,
      ),
    );
  }

  /** Buckets on MinIO that no live row names: deleted in the database, or never known at all. */
  private async checkUnownedBuckets(onMinio: Set<string>): Promise<Finding[]> {
    const rows = await this.repo.allBucketNames();
    const live = new Set(rows.filter((r) => r.deletedAt === null).map((r) => r.name));
    const deletedBy = new Map<string, string>();
    for (const r of rows) if (r.deletedAt !== null) deletedBy.set(r.name, r.accountId);
    const findings: Finding[] = [];
    for (const name of [...onMinio].sort()) {
      if (live.has(name)) continue;
      const owner = deletedBy.get(name);
      findings.push(
        owner
          ? finding('bucket_deleted_present', owner, name, 'absent (deleted in the database)', 'present')
          : finding('bucket_orphan', undefined, name, 'absent (no account owns it)', 'present'),
      );
    }
    return findings;
  }

  private async listMinioBuckets(): Promise<Set<string>> {
    const names = new Set<string>();
    let token: string | undefined;
    do {
      const page = await this.s3.send(new ListBucketsCommand({ ContinuationToken: token }));
      for (const b of page.Buckets ?? []) if (b.Name) names.add(b.Name);
      token = page.ContinuationToken;
    } while (token);
    return names;
  }

  private async bucketPolicy(bucket: string): Promise<string | undefined> {
    try {
      return (await this.s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy;
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchBucketPolicy') return undefined;
      throw error;
    }
  }

  private async deleteServiceAccount(accessKey: string) {
    try {
      await this.storageAdmin.deleteServiceAccount(accessKey);
    } catch (error) {
      // Gone already (another repair, or the customer's own revoke finishing): the goal is met.
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    }
  }

  private async auditRepair(actor: Actor, runId: string, f: Finding) {
    const event = {
      action: 'reconciler.repaired',
      resourceType: 'reconciler_run',
      resourceId: runId,
      details: { kind: f.kind, resource: f.resource, expected: f.expected, actual: f.actual },
    };
    if (actor.kind === 'staff') {
      await this.audit.byStaff(actor.staff, actor.meta, { ...event, accountId: f.accountId });
    } else {
      await this.audit.record({ ...event, accountId: f.accountId ?? null, actor: { type: 'system' } });
    }
  }
}

function toSummary(run: RunRow, staff: { fullName: string } | null) {
  const findings = run.findings as Finding[];
  return {
    id: run.id,
    trigger: run.trigger as 'manual' | 'schedule',
    status: run.status as 'running' | 'succeeded' | 'failed',
    repair: run.repair,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    startedBy: run.startedByStaffId && staff ? { id: run.startedByStaffId, fullName: staff.fullName } : null,
    checkedAccounts: run.checkedAccounts,
    findingCount: findings.length,
    repairedCount: findings.filter((f) => f.repaired).length,
    openCount: findings.filter((f) => !f.repaired).length,
    error: run.error,
  };
}
