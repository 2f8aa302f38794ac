#!/usr/bin/env node
// `npm run bench:quota`: how quickly the account-wide quota bites. An account is filled past its
// quota with its own key; the clock runs from the upload that crossed the quota to the first PUT
// MinIO denies, and from freeing space (delete) or raising the quota (staff approval) to the first
// PUT accepted again.
//
//   npm run bench:quota                       5 runs, the worker's default 30 s check interval
//   npm run bench:quota -- --runs 10          more samples
//   npm run bench:quota -- --interval 5       QUOTA_CHECK_INTERVAL_SECONDS for this run
//   npm run bench:quota -- --keep             keep the data dir (logs, database, MinIO data)
//
// See bench/README.md for what each figure means.
import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import pg from 'pg';
import { MinioAdminClient } from '@csp/minio-admin';
import { buildWorkspaces, ensureDependencies, ensureGoServices, log, root } from '../scripts/lib/prepare.mjs';
import {
  approvedCustomer,
  expectStatus,
  memoryOf,
  parentMap,
  Session,
  staffLogin,
  summary,
  table,
  benchEnvironment,
} from './lib.mjs';

const REGION = 'us-east-1';
/** How often the probe PUT is retried while waiting for a change. */
const PROBE_MS = 100;
// Only a guard against a broken stack hanging the run; it is not a pass/fail threshold.
const GIVE_UP_MS = 300_000;
/** The account quota during the runs (set in the database: the API's smallest quota is 1 GB). */
const QUOTA_BYTES = 1024 * 1024;

// ------------------------------------------------------------------ arguments

const USAGE = 'usage: npm run bench:quota -- [--runs N] [--interval SECONDS] [--keep]';
let args;
try {
  ({ values: args } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      interval: { type: 'string', default: '30' },
      keep: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
const runs = Number(args.runs);
const interval = Number(args.interval);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(interval) || interval < 1 || interval > 3600) {
  console.error(`--runs must be a positive integer and --interval 1 to 3600\n${USAGE}`);
  process.exit(2);
}

// ------------------------------------------------------------------ small helpers

const now = () => performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const runId = randomBytes(3).toString('hex');

// ------------------------------------------------------------------ S3 probes

/** True when MinIO accepted the PUT, false when it denied it (any other error is thrown). */
async function tryPut(s3, bucket, key, bytes) {
  try {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.alloc(bytes, 1) }));
    return true;
  } catch (error) {
    if (error.name === 'AccessDenied' || error.$metadata?.httpStatusCode === 403) return false;
    throw error;
  }
}

/** Probes with 1-byte PUTs every 100 ms until the answer is `wanted`; ms until then. */
async function probeUntil(s3, bucket, wanted, since) {
  let attempts = 0;
  for (;;) {
    attempts += 1;
    if ((await tryPut(s3, bucket, `probe/${attempts}`, 1)) === wanted) return { ms: now() - since, attempts };
    if (now() - since > GIVE_UP_MS) {
      throw new Error(`PUT still ${wanted ? 'denied' : 'accepted'} after ${GIVE_UP_MS} ms`);
    }
    await sleep(PROBE_MS);
  }
}

// ------------------------------------------------------------------ the benchmark

/** An approved customer with two buckets and one access key. */
async function customer(platform, staff) {
  const { accountId, owner } = await approvedCustomer(platform, staff, {
    label: `quota-${runId}`,
    ip: '10.42.0.1',
  });
  const buckets = [`bench-quota-${runId}-a`, `bench-quota-${runId}-b`];
  for (const name of buckets) {
    expectStatus(await owner.post('/api/v1/buckets', { name, versioning: false }), 201, 'create bucket');
  }
  const key = expectStatus(await owner.post('/api/v1/access-keys', { name: 'bench' }), 201, 'create key');
  const s3 = new S3Client({
    endpoint: platform.endpoints.minio.endpoint,
    region: REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: key.key.accessKeyId, secretAccessKey: key.secretAccessKey },
    maxAttempts: 1,
  });
  return { accountId, owner, buckets, s3 };
}

async function run(platform) {
  const db = new pg.Client({ connectionString: platform.env.DATABASE_URL });
  await db.connect();
  const admin = new MinioAdminClient({
    endpoint: platform.endpoints.minio.endpoint,
    accessKey: platform.endpoints.minio.rootUser,
    secretKey: platform.endpoints.minio.rootPassword,
    region: REGION,
  });
  try {
    const staff = await staffLogin(platform.apiUrl);
    // The account quota is crossed by the two buckets together, each staying below it: what is
    // measured is the account-wide block, not MinIO's per-bucket hard quota (the backstop, which
    // refuses a PUT that would take one bucket to the quota by itself).
    const { accountId, owner, buckets, s3 } = await customer(platform, staff);
    const [bucket, other] = buckets;
    const half = QUOTA_BYTES / 2;
    const setQuota = (bytes) =>
      db.query('update accounts set quota_bytes = $1 where id = $2', [bytes, accountId]);
    const usage = async () => {
      const info = (await admin.dataUsageInfo()).bucketsUsageInfo ?? {};
      return buckets.reduce((sum, name) => sum + Number(info[name]?.size ?? 0), 0);
    };
    const samples = { block: [], unblockDelete: [], unblockApprove: [], approveRequest: [] };

    /** Uploads the object that takes usage to the quota, then probes until PUTs are denied. */
    const crossAndWait = async (label) => {
      // Start each sample from a settled state: the scanner has seen the last deletions.
      while ((await usage()) >= QUOTA_BYTES) await sleep(200);
      // The previous step ended right after a check of the worker: without a random pause the
      // crossing would always land just after a check, and every sample would be the worst case.
      await sleep(randomInt(0, interval * 1000));
      const t0 = now();
      if (!(await tryPut(s3, other, 'fill.bin', half))) throw new Error('the filling PUT was denied');
      const crossedAt = now();
      const result = await probeUntil(s3, bucket, false, crossedAt);
      samples.block.push(result.ms);
      log(
        `  ${label}: crossing PUT ${(crossedAt - t0).toFixed(0)} ms, first denied PUT after ${(result.ms / 1000).toFixed(1)} s (${result.attempts} probes)`,
      );
    };

    await setQuota(QUOTA_BYTES);
    if (!(await tryPut(s3, bucket, 'base.bin', half))) throw new Error('the first half was refused');
    for (let i = 1; i <= runs; i++) {
      await setQuota(QUOTA_BYTES);
      await crossAndWait(`run ${i}/${runs} block #1`);

      // Free space: delete with the customer's key (deletes stay allowed while blocked), after a
      // random pause for the same reason as before the crossing.
      await sleep(randomInt(0, interval * 1000));
      const deletedAt = now();
      await s3.send(new DeleteObjectCommand({ Bucket: other, Key: 'fill.bin' }));
      const freed = await probeUntil(s3, bucket, true, deletedAt);
      samples.unblockDelete.push(freed.ms);
      log(
        `  run ${i}/${runs} unblock after delete: first accepted PUT after ${(freed.ms / 1000).toFixed(1)} s`,
      );

      await crossAndWait(`run ${i}/${runs} block #2`);

      // Raise the quota: the owner asks for 1 GB, staff approves (which re-checks at once).
      const request = expectStatus(
        await owner.post('/api/v1/quota/requests', { requestedGb: 1, reason: 'bench' }),
        201,
        'quota request',
      );
      const approvedAt = now();
      expectStatus(
        await staff.post(`/api/v1/staff/quota/requests/${request.id}/approve`, {}),
        200,
        'approve request',
      );
      samples.approveRequest.push(now() - approvedAt);
      const raised = await probeUntil(s3, bucket, true, approvedAt);
      samples.unblockApprove.push(raised.ms);
      log(`  run ${i}/${runs} unblock after approval: first accepted PUT after ${raised.ms.toFixed(0)} ms`);

      await s3.send(new DeleteObjectCommand({ Bucket: other, Key: 'fill.bin' }));
    }

    const parents = parentMap();
    const memory = [
      ['postgres (postmaster + backends)', platform.servicePids.postgres],
      ['minio', platform.servicePids.minio],
      ['sftpgo', platform.servicePids.sftpgo],
      ['api', platform.pids.api],
      ['worker', platform.pids.worker],
      ['bench (this process, incl. mail catcher)', process.pid, { alone: true }],
    ].map(([label, pid, options]) => ({ label, pid, ...memoryOf(pid, parents, options) }));
    report(samples, memory);
  } finally {
    await db.end();
  }
}

// ------------------------------------------------------------------ output

function report(samples, memory) {
  const row = (label, values, unit = 1000) => {
    const s = summary(values);
    return [
      label,
      values.length,
      ...[s.median, s.p90, s.min, s.max].map((v) => (v / unit).toFixed(unit === 1 ? 0 : 1)),
    ];
  };
  const mib = (v) => v.toFixed(1);
  const total = (key) => memory.reduce((acc, m) => acc + m[key], 0);
  const lines = [
    '',
    `Quota enforcement: ${runs} run(s), quota ${QUOTA_BYTES} bytes, worker check every ${interval} s, ` +
      `MinIO scanner speed fastest, probe PUT every ${PROBE_MS} ms`,
    `  machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown model'}), ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`,
    '',
    ...table(
      ['latency (s)', 'n', 'median', 'p90', 'min', 'max'],
      [
        row('crossing PUT -> first denied PUT', samples.block),
        row('DeleteObject -> first accepted PUT', samples.unblockDelete),
        row('staff approval -> first accepted PUT', samples.unblockApprove),
      ],
    ),
    '',
    ...table(
      ['latency (ms)', 'n', 'median', 'p90', 'min', 'max'],
      [row('POST /staff/quota/requests/{id}/approve', samples.approveRequest, 1)],
    ),
    '',
    ...table(
      ['resident memory after the run', 'pid', 'procs', 'VmRSS MiB', 'PSS MiB'],
      [
        ...memory.map((m) =>
          m.processes === 0
            ? [m.label, m.pid ?? '-', 'not running', '-', '-']
            : [m.label, m.pid ?? '-', m.processes, mib(m.rssMiB), mib(m.pssMiB)],
        ),
        ['total', '', total('processes'), mib(total('rssMiB')), mib(total('pssMiB'))],
      ],
    ),
    '',
  ];
  console.log(lines.join('\n'));
}

// ------------------------------------------------------------------ lifecycle

ensureDependencies();
ensureGoServices();
for (const dir of ['packages/db', 'packages/minio-admin', 'packages/local-services', 'apps/api']) {
  if (!fs.existsSync(path.join(root, dir, 'dist'))) {
    log(`no build of ${dir}: building`);
    buildWorkspaces();
    break;
  }
}

benchEnvironment(runId);
process.env.QUOTA_CHECK_INTERVAL_SECONDS = String(interval);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-quota-'));
const { startPlatform } = await import('../scripts/lib/platform.mjs');
let starting;
let cleaning;

function cleanup() {
  cleaning ??= (async () => {
    const platform = await starting?.catch(() => undefined);
    if (platform) {
      log('stopping the platform');
      await platform.stop();
    }
    if (args.keep) log(`data dir kept: ${dataDir} (logs in ${path.join(dataDir, 'logs')})`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  })();
  return cleaning;
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(signal, () => {
    if (cleaning) process.exit(code);
    log(`${signal}: stopping`);
    cleanup().finally(() => process.exit(code));
  });
}

try {
  log(`starting the platform without the web app (data in ${dataDir})`);
  starting = startPlatform({ dataDir, web: false, log: (line) => line.startsWith('[mail]') || log(line) });
  const platform = await starting;
  // Each simulated customer's address reaches the API as the web server reports it.
  Session.webProxySecret = platform.env.WEB_PROXY_SECRET;
  if (!cleaning) await run(platform);
  await cleanup();
} catch (error) {
  if (!cleaning) {
    console.error(`\nbenchmark failed: ${error.stack ?? error}`);
    if (!args.keep) console.error('(run with --keep to keep the data dir and its logs)');
  }
  await cleanup();
  process.exitCode = 1;
}
process.exit();
