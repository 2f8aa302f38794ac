// TEMPORARY: starts a private MinIO for this package's integration test until the shared
// integration globalSetup exists. Delete together with vitest.integration.config.mts.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const BIN =
  process.env.MINIO_BIN ??
  path.join(os.homedir(), '.cache/cloudstorage-pro/bin/minio-v0.0.0-20260212201848-7aac2a2c5b7c/minio');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

let child: ChildProcess | undefined;
let dir: string | undefined;

export async function setup(project: TestProject) {
  dir = mkdtempSync(path.join(os.tmpdir(), 'csp-minio-admin-it-'));
  const [port, consolePort] = [await freePort(), await freePort()];
  const rootUser = 'it-root';
  const rootPassword = 'it-root-password-123';
  child = spawn(
    BIN,
    ['server', dir, '--address', `127.0.0.1:${port}`, '--console-address', `127.0.0.1:${consolePort}`],
    {
      env: { ...process.env, MINIO_ROOT_USER: rootUser, MINIO_ROOT_PASSWORD: rootPassword },
      stdio: 'ignore',
    },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const ok = await fetch(`${endpoint}/minio/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 150) throw new Error('MinIO did not become ready');
    await new Promise((r) => setTimeout(r, 200));
  }
  project.provide('services' as never, { minio: { endpoint, rootUser, rootPassword } } as never);
}

export async function teardown() {
  child?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
}
