#!/usr/bin/env node
// `npm run bench:presign`: how long the API takes to issue the object browser's presigned URLs
// (upload, download, delete), warm (credential cached) and cold (first URL of a bucket, which
// mints an STS credential), against two floors measured in the same run: the API's bare health
// round trip and signing the same URL in-process with a static key (no network at all).
//
//   npm run bench:presign                     400 warm requests per kind, 20 cold buckets
//   npm run bench:presign -- --requests 1000 --concurrency 10 --cold 40
//   npm run bench:presign -- --keep           keep the data dir (logs, database, MinIO data)
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import pg from 'pg';
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

const USAGE = 'usage: npm run bench:presign -- [--requests N] [--concurrency C] [--cold B] [--keep]';
let args;
try {
  ({ values: args } = parseArgs({
    options: {
      requests: { type: 'string', default: '400' },
      concurrency: { type: 'string', default: '4' },
      cold: { type: 'string', default: '20' },
      keep: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
const requests = Number(args.requests);
const concurrency = Number(args.concurrency);
const cold = Number(args.cold);
if (![requests, concurrency, cold].every((n) => Number.isInteger(n) && n >= 1)) {
  console.error(`--requests, --concurrency and --cold must be positive integers\n${USAGE}`);
  process.exit(2);
}

const now = () => performance.now();
const runId = randomBytes(3).toString('hex');

/** Runs `fn` `count` times with `parallel` in flight; the latency of each call in ms. */
async function measure(count, parallel, fn) {
  const samples = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = now();
        await fn(i);
        samples.push(now() - t0);
      }
    }),
  );
  return samples;
}

async function run(platform) {
  const db = new pg.Client({ connectionString: platform.env.DATABASE_URL });
  await db.connect();
  try {
    const staff = await staffLogin(platform.apiUrl);
    const { accountId, owner } = await approvedCustomer(platform, staff, {
      label: `presign-${runId}`,
      ip: '10.43.0.1',
    });
    const newBucket = async (i) =>
      expectStatus(
        await owner.post('/api/v1/buckets', { name: `bench-presign-${runId}-${i}`, versioning: false }),
        201,
        'create bucket',
      );
    const bucket = await newBucket('warm');
    const base = `/api/v1/buckets/${bucket.id}/objects`;
    const kinds = {
      upload: (i) => owner.post(`${base}/upload-url`, { key: `k/${i}.bin`, size: 1024 }),
      download: () => owner.post(`${base}/download-url`, { key: 'k/seed.bin' }),
      delete: (i) => owner.post(`${base}/delete-url`, { key: `k/${i}.bin` }),
    };
    // A real object to download (HEAD is part of issuing a download URL).
    const seed = expectStatus(
      await owner.post(`${base}/upload-url`, { key: 'k/seed.bin', size: 4 }),
      200,
      'seed',
    );
    const put = await fetch(seed.url, { method: 'PUT', headers: seed.headers, body: 'seed' });
    if (put.status !== 200) throw new Error(`seed PUT answered ${put.status}`);

    // Warm-up: the first URL of each kind mints its credential; then everything is cached.
    for (const fn of Object.values(kinds)) expectStatus(await fn('warmup'), 200, 'warm-up');
    // Null on a build without the table (a run of this benchmark against an older commit).
    const minted = () =>
      db
        .query('select count(*) from storage_credentials where account_id = $1', [accountId])
        .then((r) => Number(r.rows[0].count))
        .catch(() => null);
    const mintedBefore = await minted();

    const results = {};
    results['floor: GET /health'] = await measure(requests, concurrency, () =>
      fetch(`${platform.apiUrl}/api/v1/health`).then((r) => r.text()),
    );
    const signer = new S3Client({
      endpoint: platform.endpoints.minio.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: {
        accessKeyId: 'AKIABENCHBENCHBENCH0',
        secretAccessKey: 'x'.repeat(40),
        sessionToken: 'y'.repeat(600),
      },
    });
    results['floor: in-process getSignedUrl'] = await measure(requests, concurrency, (i) =>
      getSignedUrl(
        signer,
        new PutObjectCommand({ Bucket: bucket.name, Key: `k/${i}`, ContentLength: 1024 }),
        {
          expiresIn: 300,
        },
      ),
    );
    for (const [kind, fn] of Object.entries(kinds)) {
      results[`${kind}-url (warm)`] = await measure(requests, concurrency, async (i) =>
        expectStatus(await fn(i), 200, kind),
      );
    }
    const mintedAfter = await minted();
    const mintedWarm = mintedAfter === null ? 'n/a' : mintedAfter - mintedBefore;

    // Cold: the first upload URL of a new bucket mints its STS credential (AssumeRole).
    const coldBuckets = [];
    for (let i = 0; i < cold; i++) coldBuckets.push(await newBucket(`cold${i}`));
    results['upload-url (cold: new bucket)'] = await measure(cold, 1, async (i) =>
      expectStatus(
        await owner.post(`/api/v1/buckets/${coldBuckets[i].id}/objects/upload-url`, { key: 'a', size: 1 }),
        200,
        'cold upload-url',
      ),
    );

    const parents = parentMap();
    const memory = [
      ['postgres (postmaster + backends)', platform.servicePids.postgres],
      ['minio', platform.servicePids.minio],
      ['sftpgo', platform.servicePids.sftpgo],
      ['api', platform.pids.api],
      ['worker', platform.pids.worker],
      ['bench (this process, incl. mail catcher)', process.pid, { alone: true }],
    ].map(([label, pid, options]) => ({ label, pid, ...memoryOf(pid, parents, options) }));
    report(results, mintedWarm, memory);
  } finally {
    await db.end();
  }
}

function report(results, mintedWarm, memory) {
  const health = summary(results['floor: GET /health']);
  const rows = Object.entries(results).map(([label, values]) => {
    const s = summary(values);
    return [
      label,
      values.length,
      s.median.toFixed(2),
      s.p90.toFixed(2),
      s.p95.toFixed(2),
      s.max.toFixed(1),
      (s.p95 / health.p95).toFixed(2),
    ];
  });
  const mib = (v) => v.toFixed(1);
  const total = (key) => memory.reduce((acc, m) => acc + m[key], 0);
  console.log(
    [
      '',
      `Presigned URL issuance: ${requests} warm requests per kind at concurrency ${concurrency}, ${cold} cold buckets`,
      `  machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown model'}), Node ${process.version}`,
      `  STS credentials minted during the warm runs: ${mintedWarm} (cached per account, bucket and operation)`,
      '',
      ...table(['latency (ms)', 'n', 'median', 'p90', 'p95', 'max', 'p95 / health p95'], rows),
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
    ].join('\n'),
  );
}

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

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-presign-'));
const { startPlatform } = await import('../scripts/lib/platform.mjs');
let platform;
try {
  log(`starting the platform without the web app (data in ${dataDir})`);
  platform = await startPlatform({ dataDir, web: false, log: (line) => log(line) });
  // Each simulated customer's address reaches the API as the web server reports it.
  Session.webProxySecret = platform.env.WEB_PROXY_SECRET;
  await run(platform);
} finally {
  await platform?.stop();
  if (args.keep) log(`data dir kept: ${dataDir}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
}
