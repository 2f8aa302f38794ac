// Shared by start.mjs, test.mjs and the benchmark: make sure dependencies, Go services and the
// TypeScript builds are in place. Uses only Node's standard library (runs before `npm ci`).
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function log(message) {
  console.log(`\x1b[36m[cloudstorage]\x1b[0m ${message}`);
}

export function run(command, options = {}) {
  const result = spawnSync(command, { cwd: root, stdio: 'inherit', shell: true, ...options });
  if (result.status !== 0) {
    console.error(`\n"${command}" failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

/** npm ci when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  log('installing dependencies (npm ci)');
  run('npm ci --no-audit --no-fund');
}

/** MinIO and SFTPGo from the Go module proxy into ~/.cache (skipped when already built). */
export function ensureGoServices() {
  run('bash scripts/build-services.sh all');
}

export function buildWorkspaces({ web = true } = {}) {
  log('building packages and API');
  run('npm run build --silent -w @csp/db -w @csp/minio-admin -w @csp/local-services -w @csp/api');
  if (web) {
    log('building the web app');
    run('npm run build --silent -w @csp/web', { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  }
}

export function nodeMajor() {
  return Number(process.versions.node.split('.')[0]);
}

export function hasCommand(name) {
  try {
    execSync(`command -v ${name}`, { stdio: 'ignore', shell: '/bin/bash' });
    return true;
  } catch {
    return false;
  }
}
