// The credential files the portal generates (apps/web/src/lib/credential-files.ts), used by the
// real programs customers run: Debian's rclone, restic and AWS CLI, against real MinIO with a key
// the API issued. `npm test` installs the three packages (or says to); a missing one fails its test.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  awsConfigFile,
  awsCredentialsFile,
  profileName,
  rcloneConfigFile,
  resticEnvFile,
  type S3Credentials,
} from '../../../web/src/lib/credential-files';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';

const run = promisify(execFile);
const RCLONE = '/usr/bin/rclone';
const RESTIC = '/usr/bin/restic';
const AWS = '/usr/bin/aws';
const BRAND = 'CloudStorage Pro';

/** Fails the test with what to install when a client is missing (never skips it). */
function requireProgram(binary: string, debianPackage: string) {
  if (!existsSync(binary))
    throw new Error(
      `${binary} is not installed: apt-get install -y ${debianPackage} (npm test does this as root)`,
    );
}

let api: TestApi;
let home: string;
let bucket: string;
let credentials: S3Credentials;
beforeAll(async () => {
  api = await startTestApi();
  const { owner } = await approvedAccount(api, 'clients');
  bucket = `clients-${Date.now().toString(36)}`;
  const created = await owner.post<{ id: string }>('/api/v1/buckets', { name: bucket });
  expect(created.status).toBe(201);
  // A key scoped to the bucket (Full): what a customer makes for one backup job.
  const key = await owner.post<{
    key: { accessKeyId: string };
    secretAccessKey: string;
    s3Endpoint: string;
    region: string;
  }>('/api/v1/access-keys', { name: 'clients', scope: [{ bucketId: created.body.id, access: 'full' }] });
  expect(key.status).toBe(201);
  credentials = {
    brandName: BRAND,
    endpoint: key.body.s3Endpoint,
    region: key.body.region,
    accessKeyId: key.body.key.accessKeyId,
    secretAccessKey: key.body.secretAccessKey,
  };
  home = await mkdtemp(join(tmpdir(), 'csp-clients-'));
});
afterAll(async () => {
  if (home) await rm(home, { recursive: true, force: true });
  await api?.close();
});

/** A clean environment: the temp HOME, no credentials or CA bundle inherited from the machine. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8' };
  return { ...env, ...extra };
}

/** KEY=value lines of a generated env file (comments and blanks skipped, double quotes undone). */
function parseEnvFile(content: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of content.split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!match) continue;
    const raw = match[2];
    out[match[1]] = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
  }
  return out;
}

async function sampleTree(dir: string) {
  await mkdir(join(dir, 'nested'), { recursive: true });
  const files: Record<string, Buffer> = {
    'hello.txt': Buffer.from('olá, mundo\n'),
    'nested/random.bin': randomBytes(300_000),
  };
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
  return files;
}

async function expectSameFiles(dir: string, files: Record<string, Buffer>) {
  for (const [name, bytes] of Object.entries(files)) {
    expect((await readFile(join(dir, name))).equals(bytes), name).toBe(true);
  }
}

describe('generated credential files with the real clients', () => {
  it('rclone.conf: copy up, list, copy down, same bytes', async () => {
    requireProgram(RCLONE, 'rclone');
    const file = rcloneConfigFile(credentials);
    const config = join(home, file.filename);
    await writeFile(config, file.content, { mode: 0o600 });
    const remote = `${profileName(BRAND)}:${bucket}/rclone`;
    const src = join(home, 'rclone-src');
    const files = await sampleTree(src);
    // rclone 1.60 fails on an AWS_CA_BUNDLE it cannot read; cleanEnv drops it.
    const env = cleanEnv();
    await run(RCLONE, ['--config', config, 'copy', src, remote], { env });
    const { stdout } = await run(RCLONE, ['--config', config, 'lsf', '-R', '--files-only', remote], { env });
    expect(stdout.split('\n').filter(Boolean).sort()).toEqual(['hello.txt', 'nested/random.bin']);
    const back = join(home, 'rclone-back');
    await run(RCLONE, ['--config', config, 'copy', remote, back], { env });
    await expectSameFiles(back, files);
  });

  it('restic.env: init, backup, snapshots, restore, same bytes', async () => {
    requireProgram(RESTIC, 'restic');
    const file = resticEnvFile(credentials, bucket);
    await writeFile(join(home, file.filename), file.content, { mode: 0o600 });
    const settings = parseEnvFile(file.content);
    expect(settings.RESTIC_PASSWORD).toBeUndefined();
    // The repository password is the customer's own (the file only has a commented placeholder).
    const env = cleanEnv({
      ...settings,
      RESTIC_PASSWORD: 'customer-own-password',
      RESTIC_CACHE_DIR: join(home, 'restic-cache'),
    });
    const src = join(home, 'restic-src');
    const files = await sampleTree(src);
    await run(RESTIC, ['init'], { env });
    await run(RESTIC, ['backup', '--host', 'test', src], { env });
    const { stdout } = await run(RESTIC, ['snapshots', '--json'], { env });
    const snapshots = JSON.parse(stdout) as Array<{ id: string; paths: string[] }>;
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0].paths).toEqual([src]);
    const target = join(home, 'restic-back');
    await run(RESTIC, ['restore', 'latest', '--target', target], { env });
    await expectSameFiles(join(target, src), files);
  });

  it('AWS credentials + config: s3 cp up, ls, cp down, same bytes', async () => {
    requireProgram(AWS, 'awscli');
    const dir = join(home, '.aws');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'credentials'), awsCredentialsFile(credentials).content, { mode: 0o600 });
    await writeFile(join(dir, 'config'), awsConfigFile(credentials).content, { mode: 0o600 });
    const env = cleanEnv();
    const { stdout: version } = await run(AWS, ['--version'], { env });
    // endpoint_url in ~/.aws/config needs AWS CLI >= 2.13; Debian 12 ships 2.9, which ignores it.
    // The generated config says so, and older CLIs get --endpoint-url (which every version honours).
    const [major, minor] = (/aws-cli\/(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
    const readsEndpointFromConfig = major > 2 || (major === 2 && minor >= 13);
    const endpointArgs = readsEndpointFromConfig ? [] : ['--endpoint-url', credentials.endpoint];
    const aws = (...args: string[]) =>
      run(AWS, ['--profile', profileName(BRAND), ...endpointArgs, ...args], { env });

    const src = join(home, 'aws-src.bin');
    const bytes = randomBytes(200_000);
    await writeFile(src, bytes);
    await aws('s3', 'cp', src, `s3://${bucket}/aws/object.bin`);
    const { stdout } = await aws('s3', 'ls', `s3://${bucket}/aws/`);
    expect(stdout).toContain('object.bin');
    const back = join(home, 'aws-back.bin');
    await aws('s3', 'cp', `s3://${bucket}/aws/object.bin`, back);
    expect((await readFile(back)).equals(bytes)).toBe(true);
    // The profile's region and credentials came from the files (nothing in the environment).
    const { stdout: region } = await run(
      AWS,
      ['configure', 'get', 'region', '--profile', profileName(BRAND)],
      {
        env,
      },
    );
    expect(region.trim()).toBe(credentials.region);
  });
});
