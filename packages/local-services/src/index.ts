import fs from 'node:fs';
import path from 'node:path';
import { startMailCatcher } from './mail-catcher';
import { startMinio } from './minio';
import { startPostgres, type StartedService } from './postgres';
import { loadSecrets } from './secrets';
import { startSftpgo } from './sftpgo';
import {
  ALL_SERVICES,
  type RunningServices,
  type ServiceEndpoints,
  type ServiceName,
  type StartServicesOptions,
} from './types';

export * from './types';
export { readMail, listMail, clearMail, type ReadMailOptions } from './mail-client';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Two stacks on one data directory would corrupt it (MinIO has no lock of its own). */
function acquireLock(dataDir: string): () => void {
  const file = path.join(dataDir, 'services.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (pid && isAlive(pid)) {
        throw new Error(`services are already running on ${dataDir} (pid ${pid}); stop them first`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${file}`);
}

/**
 * Starts the development services on free loopback ports, with their state in `dataDir`.
 * DATABASE_URL / MINIO_ENDPOINT switch PostgreSQL / MinIO to existing servers.
 */
export async function startServices(opts: StartServicesOptions): Promise<RunningServices> {
  const dataDir = path.resolve(opts.dataDir);
  const wanted = new Set<ServiceName>(opts.only ?? ALL_SERVICES);
  const log = opts.log ?? (() => undefined);
  fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
  if (wanted.has('postgres') && !process.env.DATABASE_URL && process.getuid?.() === 0) {
    // PostgreSQL runs as the postgres user and must be able to enter the data directory
    // (mkdtemp makes it 0700).
    fs.chmodSync(dataDir, fs.statSync(dataDir).mode | 0o011);
  }
  const releaseLock = acquireLock(dataDir);
  let secrets: ReturnType<typeof loadSecrets>;
  try {
    secrets = loadSecrets(dataDir);
  } catch (error) {
    releaseLock();
    throw error;
  }

  const starters: { [K in ServiceName]: () => Promise<StartedService<NonNullable<ServiceEndpoints[K]>>> } = {
    postgres: () => startPostgres({ dataDir, password: secrets.postgresPassword, log }),
    minio: () =>
      startMinio({ dataDir, rootUser: secrets.minioRootUser, rootPassword: secrets.minioRootPassword, log }),
    sftpgo: () =>
      startSftpgo({
        dataDir,
        adminPassword: secrets.sftpgoAdminPassword,
        signingPassphrase: secrets.sftpgoSigningPassphrase,
        kmsMasterKey: secrets.sftpgoKmsMasterKey,
        log,
      }),
    mail: () => startMailCatcher({ dataDir, log }),
  };

  const names = ALL_SERVICES.filter((name) => wanted.has(name));
  // In parallel: each one mostly waits for its own process.
  const results = await Promise.allSettled(
    names.map(async (name) => {
      const started = Date.now();
      const service = await starters[name]();
      log(`[${name}] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return service;
    }),
  );

  const services = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= Promise.allSettled(services.map((s) => s.stop())).then(releaseLock);
    return stopping;
  };

  const failures = results.flatMap((r, i) =>
    r.status === 'rejected' ? [`${names[i]}: ${String(r.reason)}`] : [],
  );
  if (failures.length > 0) {
    await stop();
    throw new Error(`could not start ${failures.join('\n')}`);
  }

  const endpoints: ServiceEndpoints = {};
  const pids: RunningServices['pids'] = {};
  names.forEach((name, i) => {
    const service = services[i];
    (endpoints as Record<string, unknown>)[name] = service.endpoint;
    if (service.child?.pid) pids[name] = service.child.pid;
  });
  return { endpoints, pids, stop };
}
