import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

type GoService = 'minio' | 'sftpgo';

// Same depth from src/ (vitest) and dist/ (compiled): packages/local-services/<dir>/.
const BUILD_SCRIPT = path.resolve(__dirname, '..', '..', '..', 'scripts', 'build-services.sh');
const ENV_VAR: Record<GoService, string> = { minio: 'MINIO_BIN', sftpgo: 'SFTPGO_BIN' };

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The path the build script builds to; it owns the pinned versions. */
function pinnedPath(service: GoService): string {
  if (!fs.existsSync(BUILD_SCRIPT)) {
    throw new Error(`${ENV_VAR[service]} is not set and ${BUILD_SCRIPT} is missing`);
  }
  const result = spawnSync('bash', [BUILD_SCRIPT, 'paths'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${BUILD_SCRIPT} paths failed: ${result.stderr}`);
  const line = result.stdout.split('\n').find((l) => l.startsWith(`${ENV_VAR[service]}=`));
  if (!line) throw new Error(`${BUILD_SCRIPT} paths printed no ${ENV_VAR[service]}`);
  return line.slice(ENV_VAR[service].length + 1);
}

function runBuild(service: GoService, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    log(`[${service}] binary missing, running ${BUILD_SCRIPT} ${service} (can take minutes)`);
    const child = spawn('bash', [BUILD_SCRIPT, service], { stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const forward = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) log(line);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`building ${service} failed (exit code ${code}):\n${tail}`));
    });
  });
}

// One build at a time: MinIO and SFTPGo share the Go caches and 2 cores.
let buildQueue: Promise<unknown> = Promise.resolve();

/** The service binary: $MINIO_BIN / $SFTPGO_BIN, else the cached build (built when missing). */
export async function resolveBinary(service: GoService, log: (line: string) => void): Promise<string> {
  const fromEnv = process.env[ENV_VAR[service]];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`${ENV_VAR[service]}=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  const file = pinnedPath(service);
  if (isExecutable(file)) return file;
  const build = buildQueue.then(() => (isExecutable(file) ? undefined : runBuild(service, log)));
  buildQueue = build.catch(() => undefined);
  await build;
  if (!isExecutable(file)) throw new Error(`the build did not produce ${file}`);
  return file;
}
