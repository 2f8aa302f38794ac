#!/usr/bin/env node
// `npm run bench`: how long a customer waits between a staff member pressing "approve" and a
// first object landing in their bucket, compared with the same MinIO calls made directly.
//
//   npm run bench                      10 accounts, temp data dir removed at the end
//   npm run bench -- --accounts 25     more samples
//   npm run bench -- --keep            keep the data dir (logs, database, MinIO data)
//
// See bench/README.md for what each figure means.
import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { MinioAdminClient, buildTenantPolicy } from '@csp/minio-admin';
import { readMail } from '@csp/local-services';
import {
  buildState,
  buildWorkspaces,
  ensureDependencies,
  ensureGoServices,
  log,
} from '../scripts/lib/prepare.mjs';
import {
  expectStatus,
  memoryOf,
  parentMap,
  randomCpf,
  Session,
  staffLogin,
  summary,
  table,
  benchEnvironment,
} from './lib.mjs';

const REGION = 'us-east-1';
const PUT_RETRY_MS = 50;
// Only a guard against a broken stack hanging the run; it is not a pass/fail threshold.
const PUT_GIVE_UP_MS = 30_000;
const SIGNUP_CONCURRENCY = 4;

// ------------------------------------------------------------------ arguments

const USAGE = 'usage: npm run bench -- [--accounts N] [--keep]';
let args;
try {
  ({ values: args } = parseArgs({
    options: {
      accounts: { type: 'string', default: '10' },
      keep: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
const accounts = Number(args.accounts);
if (!Number.isInteger(accounts) || accounts < 1) {
  console.error(`--accounts must be a positive integer (got ${args.accounts})\n${USAGE}`);
  process.exit(2);
}

// ------------------------------------------------------------------ small helpers

const now = () => performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const runId = randomBytes(3).toString('hex');

/** Splits one timed run into named steps; `total()` is the time since it was made. */
function stopwatch() {
  const start = now();
  let mark = start;
  const steps = {};
  return {
    steps,
    step(name) {
      const t = now();
      steps[name] = t - mark;
      mark = t;
    },
    total: () => now() - start,
  };
}

function randomFrom(alphabet, length) {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(0, alphabet.length)];
  return out;
}

/** What a customer's script builds from the revealed key (and what the floor builds too). */
function tenantS3(endpoint, accessKeyId, secretAccessKey) {
  return new S3Client({
    endpoint,
    region: REGION,
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
    // Our own 50 ms loop does the retrying: the SDK's backoff would blur the propagation delay.
    maxAttempts: 1,
  });
}

/**
 * PutObject every 50 ms until MinIO accepts it, so any delay before fresh IAM state (user,
 * policy, service account, bucket in the policy) is visible everywhere is part of the figure.
 */
async function putUntilSuccess(s3, bucket) {
  const started = now();
  const errors = new Set();
  for (let attempts = 1; ; attempts++) {
    try {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'bench/first.txt', Body: 'first object' }));
      return { attempts, errors: [...errors] };
    } catch (error) {
      errors.add(error.name ?? String(error));
      if (now() - started > PUT_GIVE_UP_MS) {
        throw new Error(
          `PUT to ${bucket} still failing after ${PUT_GIVE_UP_MS} ms (${[...errors].join(', ')})`,
        );
      }
      await sleep(PUT_RETRY_MS);
    }
  }
}

// ------------------------------------------------------------------ statistics and memory

// ------------------------------------------------------------------ the benchmark

/** Sign-up -> 6-digit code from the mail catcher -> verified account waiting for approval. */
async function verifiedSignup(apiUrl, mailUrl, index) {
  const ip = `10.42.${Math.floor(index / 250)}.${(index % 250) + 1}`;
  const input = {
    fullName: 'Bench Customer',
    companyName: `Bench ${runId} ${index}`,
    email: `bench-${runId}-${index}@bench.test`,
    document: randomCpf(),
    phone: '(11) 98765-4321',
    password: `Bench-${randomBytes(6).toString('hex')}-2026`,
    acceptTerms: true,
  };
  const anon = new Session(apiUrl, ip);
  const since = new Date(Date.now() - 1000);
  const { signupId } = expectStatus(await anon.post('/api/v1/signup', input), 202, 'sign-up');
  const mail = await readMail(mailUrl, { to: input.email, since, timeoutMs: 30_000 });
  const code = /\b(\d{6})\b/.exec(mail.subject + '\n' + mail.text)?.[1];
  if (!code) throw new Error(`no 6-digit code in the mail to ${input.email}`);
  const { accountId } = expectStatus(
    await anon.post('/api/v1/signup/verify', { signupId, code }),
    201,
    'sign-up verification',
  );
  return { index, ip, input, accountId };
}

async function prepareSignups(apiUrl, mailUrl, count) {
  const done = [];
  let next = 0;
  // A few at a time: sign-up hashes a password (Argon2) and waits for the worker to send the mail.
  const lane = async () => {
    while (next < count) done.push(await verifiedSignup(apiUrl, mailUrl, next++));
  };
  await Promise.all(Array.from({ length: Math.min(SIGNUP_CONCURRENCY, count) }, lane));
  return done.sort((a, b) => a.index - b.index);
}

/** Approve, then everything a customer's script does until its first object is stored. */
async function platformSample(platform, staff, signup) {
  const s3Endpoint = platform.endpoints.minio.endpoint;
  const owner = new Session(platform.apiUrl, signup.ip);
  // t0: just before the approve request.
  const { steps, step, total } = stopwatch();
  expectStatus(await staff.post(`/api/v1/staff/accounts/${signup.accountId}/approve`), 200, 'approve');
  step('approve');
  expectStatus(
    await owner.post('/api/v1/auth/login', { email: signup.input.email, password: signup.input.password }),
    200,
    'owner login',
  );
  step('login');
  const keys = expectStatus(await owner.get('/api/v1/access-keys'), 200, 'list access keys');
  const initial = keys.items.find((k) => k.secretRevealable);
  if (!initial) throw new Error(`account ${signup.accountId} has no revealable initial key`);
  step('listKeys');
  const revealed = expectStatus(
    await owner.post(`/api/v1/access-keys/${initial.id}/reveal`),
    200,
    'reveal initial key',
  );
  step('reveal');
  const bucket = `bench-${runId}-${signup.index}`;
  expectStatus(
    await owner.post('/api/v1/buckets', { name: bucket, versioning: false }),
    201,
    'create bucket',
  );
  step('createBucket');
  const s3 = tenantS3(s3Endpoint, revealed.key.accessKeyId, revealed.secretAccessKey);
  try {
    const put = await putUntilSuccess(s3, bucket);
    step('firstPut');
    return { total: total(), steps, ...put };
  } finally {
    s3.destroy();
  }
}

/**
 * The floor: the MinIO calls approval (ProvisioningService.provisionAccount) and bucket creation
 * (BucketsService.create) make, in the same order, with nothing else around them.
 */
async function floorSample(admin, rootS3, endpoint, quotaBytes, index) {
  const name = `bench-floor-${runId}-${index}`;
  const bucket = `floor-${runId}-${index}`;
  const accessKey = 'FLR' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 17);
  const secretKey = randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 40);
  const { steps, step, total } = stopwatch();
  // Approval: policy (no buckets yet), parent user, attachment, initial service account.
  await admin.addCannedPolicy(name, buildTenantPolicy([], 'full'));
  step('addPolicy');
  const existingUser = await admin.getUserInfo(name);
  step('userInfo');
  if (!existingUser) await admin.addUser(name, randomBytes(20).toString('hex'));
  step('addUser');
  await admin.attachPolicy({ user: name, policies: [name] });
  step('attachPolicy');
  const existingKey = await admin.infoServiceAccount(accessKey);
  step('keyInfo');
  if (!existingKey) await admin.addServiceAccount({ targetUser: name, accessKey, secretKey });
  step('addKey');
  // Bucket creation: the bucket, its quota, then the policy rewritten to include it.
  await rootS3.send(new CreateBucketCommand({ Bucket: bucket }));
  step('createBucket');
  await admin.setBucketQuota(bucket, quotaBytes);
  step('setQuota');
  await admin.addCannedPolicy(name, buildTenantPolicy([bucket], 'full'));
  step('updatePolicy');
  const s3 = tenantS3(endpoint, accessKey, secretKey);
  try {
    const put = await putUntilSuccess(s3, bucket);
    step('firstPut');
    return { total: total(), steps, ...put };
  } finally {
    s3.destroy();
  }
}

/** Loads the SDK's lazily imported modules and opens connections before anything is timed. */
async function warmUp(admin, rootS3) {
  await admin.serverInfo();
  await rootS3.send(new CreateBucketCommand({ Bucket: `warmup-${runId}` }));
  await rootS3.send(new PutObjectCommand({ Bucket: `warmup-${runId}`, Key: 'warmup', Body: 'x' }));
}

async function run(platform) {
  const { minio } = platform.endpoints;
  // The same singletons the API builds (storage.clients.ts).
  const admin = new MinioAdminClient({
    endpoint: minio.endpoint,
    accessKey: minio.rootUser,
    secretKey: minio.rootPassword,
    region: REGION,
    timeoutMs: 15_000,
  });
  const rootS3 = new S3Client({
    endpoint: minio.endpoint,
    region: REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: minio.rootUser, secretAccessKey: minio.rootPassword },
    maxAttempts: 2,
  });

  try {
    log(`preparing ${accounts} verified sign-ups (not timed)`);
    const signups = await prepareSignups(platform.apiUrl, platform.mailUrl, accounts);
    const staff = await staffLogin(platform.apiUrl);
    const pending = expectStatus(
      await staff.get('/api/v1/staff/accounts?status=pending_approval'),
      200,
      'list pending accounts',
    );
    // The floor sets the same quota the platform gives these accounts (their plan's).
    const quotaBytes = pending.items.find((a) => a.id === signups[0].accountId)?.quotaBytes ?? 1e12;
    await warmUp(admin, rootS3);

    // One platform account and one floor tenant per round, never overlapping, the first of the
    // pair alternating. Run as two blocks, the later block would meet a fuller IAM store and a
    // different background load; interleaved, whatever those cost lands on both series alike.
    log('timing approval -> first PUT (platform) and the same MinIO calls made directly (floor)');
    const platformSamples = [];
    const floorSamples = [];
    const runPlatform = async (signup) => platformSamples.push(await platformSample(platform, staff, signup));
    const runFloor = async (i) =>
      floorSamples.push(await floorSample(admin, rootS3, minio.endpoint, quotaBytes, i));
    for (const [i, signup] of signups.entries()) {
      if (i % 2 === 0) {
        await runPlatform(signup);
        await runFloor(i);
      } else {
        await runFloor(i);
        await runPlatform(signup);
      }
      const p = platformSamples.at(-1);
      const f = floorSamples.at(-1);
      log(
        `  ${i + 1}/${accounts}: platform approve ${p.steps.approve.toFixed(0)} ms, first PUT at ` +
          `${p.total.toFixed(0)} ms (${plural(p.attempts, 'attempt')}); ` +
          `floor first PUT at ${f.total.toFixed(0)} ms (${plural(f.attempts, 'attempt')})`,
      );
    }

    // Measured now, after the run, while every process of the stack is still up.
    const parents = parentMap();
    const memory = [
      ['postgres (postmaster + backends)', platform.servicePids.postgres],
      ['minio', platform.servicePids.minio],
      ['sftpgo', platform.servicePids.sftpgo],
      ['api', platform.pids.api],
      ['worker', platform.pids.worker],
      ['web front server', platform.pids.web],
      ['web (next start + children)', platform.pids.next],
      // Alone: every other row is a child of this process.
      ['bench (this process, incl. mail catcher)', process.pid, { alone: true }],
    ].map(([label, pid, options]) => ({ label, pid, ...memoryOf(pid, parents, options) }));

    report({ platformSamples, floorSamples, memory, quotaBytes });
  } finally {
    rootS3.destroy();
  }
}

// ------------------------------------------------------------------ output

/** Step names of the two timed runs, in order, with how the report names them. */
const PLATFORM_STEPS = [
  ['approve', 'POST /staff/accounts/{id}/approve'],
  ['login', 'POST /auth/login (owner)'],
  ['listKeys', 'GET /access-keys'],
  ['reveal', 'POST /access-keys/{id}/reveal'],
  ['createBucket', 'POST /buckets'],
  ['firstPut', 'PutObject until it succeeds'],
];
const FLOOR_STEPS = [
  ['addPolicy', 'add-canned-policy (no bucket)'],
  ['userInfo', 'user-info'],
  ['addUser', 'add-user'],
  ['attachPolicy', 'idp/builtin/policy/attach'],
  ['keyInfo', 'info-service-account'],
  ['addKey', 'add-service-account'],
  ['createBucket', 'CreateBucket'],
  ['setQuota', 'set-bucket-quota'],
  ['updatePolicy', 'add-canned-policy (with bucket)'],
  ['firstPut', 'PutObject until it succeeds'],
];

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function report({ platformSamples, floorSamples, memory, quotaBytes }) {
  const approve = platformSamples.map((s) => s.steps.approve);
  const platformTotal = platformSamples.map((s) => s.total);
  const floorTotal = floorSamples.map((s) => s.total);
  const latencyRow = (label, values) => {
    const s = summary(values);
    return [label, ...[s.median, s.p90, s.min, s.max].map((v) => v.toFixed(1))];
  };
  const platformMedian = summary(platformTotal).median;
  const floorMedian = summary(floorTotal).median;
  const stepRow = (samples, key, label) => {
    const s = summary(samples.map((sample) => sample.steps[key]));
    return [label, s.median.toFixed(1), s.max.toFixed(1)];
  };
  const retries = (samples) => {
    const retried = samples.filter((s) => s.attempts > 1);
    if (retried.length === 0) return 'every first PUT succeeded at once';
    const most = Math.max(...samples.map((s) => s.attempts));
    const errors = [...new Set(retried.flatMap((s) => s.errors))].join(', ');
    return `${retried.length}/${samples.length} needed retries (at most ${most} attempts; ${errors})`;
  };
  const mib = (v) => v.toFixed(1);
  const total = (key) => memory.reduce((acc, m) => acc + m[key], 0);

  const lines = [
    '',
    `Approval to working credentials: ${plural(accounts, 'account')}, sequential, platform and floor interleaved`,
    `  machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown model'}), ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.arch()}`,
    `  bucket quota ${(quotaBytes / 1e9).toLocaleString('en')} GB; first PUT retried every ${PUT_RETRY_MS} ms`,
    '',
    ...table(
      ['latency (ms)', 'median', 'p90', 'min', 'max'],
      [
        latencyRow('approve request (staff POST .../approve)', approve),
        latencyRow('approval -> first PUT, platform', platformTotal),
        latencyRow('same MinIO calls -> first PUT, floor', floorTotal),
      ],
    ),
    '',
    `  overhead: ${(platformMedian - floorMedian).toFixed(1)} ms (median platform - median floor); ` +
      `platform median = ${(platformMedian / floorMedian).toFixed(1)} x floor median`,
    '',
    ...table(
      ['platform steps (ms)', 'median', 'max'],
      PLATFORM_STEPS.map(([key, label]) => stepRow(platformSamples, key, label)),
    ),
    '',
    ...table(
      ['floor steps (ms)', 'median', 'max'],
      FLOOR_STEPS.map(([key, label]) => stepRow(floorSamples, key, label)),
    ),
    '',
    `  PUT retries: platform: ${retries(platformSamples)}; floor: ${retries(floorSamples)}`,
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
    ...(memory.some((m) => m.processes === 0)
      ? ['  A process of the stack had exited before the measurement: see its log (run with --keep).']
      : []),
    '',
  ];
  console.log(lines.join('\n'));
}

// ------------------------------------------------------------------ lifecycle

// Build outputs: missing ones are built (nothing runs without them); ones older than their
// sources are only reported. Unlike `npm start`, the benchmark does not rebuild on its own: in a
// shared tree, a web build wipes .next under anyone else's `next start`, and half-edited sources
// would fail it. `npm run build` first measures the current code.
ensureDependencies();
ensureGoServices();
const builds = buildState();
if (builds.missing.length > 0) {
  log(`no build of ${builds.missing.map((w) => w.dir).join(', ')}: building`);
  buildWorkspaces();
} else if (builds.stale.length > 0) {
  log(
    `warning: the build of ${builds.stale.map((w) => w.dir).join(', ')} is older than its sources (npm run build to refresh)`,
  );
}

benchEnvironment(runId);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-'));
const { startPlatform } = await import('../scripts/lib/platform.mjs');
let starting;
let cleaning;

/** Stops the platform (also mid-start) and removes the data dir; safe to call more than once. */
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
    if (cleaning) process.exit(code); // a second Ctrl-C: stop waiting
    log(`${signal}: stopping`);
    cleanup().finally(() => process.exit(code));
  });
}

try {
  log(`starting the whole platform (data in ${dataDir})`);
  // The mail catcher logs every message; the benchmark's own progress lines are enough.
  starting = startPlatform({ dataDir, log: (line) => line.startsWith('[mail]') || log(line) });
  const platform = await starting;
  // Each simulated customer's address reaches the API as the web server reports it.
  Session.webProxySecret = platform.env.WEB_PROXY_SECRET;
  if (!cleaning) await run(platform);
  await cleanup();
} catch (error) {
  // After a signal the run fails because the stack went away: that needs no report.
  if (!cleaning) {
    console.error(`\nbenchmark failed: ${error.stack ?? error}`);
    if (!args.keep) console.error('(run with --keep to keep the data dir and its logs)');
  }
  await cleanup();
  process.exitCode = 1;
}
// Idle keep-alive sockets of the HTTP clients must not hold the process open.
process.exit();
