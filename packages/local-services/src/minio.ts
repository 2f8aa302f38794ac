import fs from 'node:fs';
import path from 'node:path';
import { resolveBinary } from './binaries';
import { getFreePort } from './ports';
import { ManagedChild, httpOk, waitUntilReady } from './process';
import type { StartedService } from './postgres';
import type { MinioEndpoint } from './types';

export async function startMinio(opts: {
  dataDir: string;
  rootUser: string;
  rootPassword: string;
  log: (line: string) => void;
}): Promise<StartedService<MinioEndpoint>> {
  const external = process.env.MINIO_ENDPOINT;
  if (external) {
    const rootUser = process.env.MINIO_ROOT_USER;
    const rootPassword = process.env.MINIO_ROOT_PASSWORD;
    if (!rootUser || !rootPassword) {
      throw new Error('MINIO_ENDPOINT is set: MINIO_ROOT_USER and MINIO_ROOT_PASSWORD must be set too');
    }
    opts.log(`[minio] using MINIO_ENDPOINT=${external}, starting nothing`);
    const consoleUrl = process.env.MINIO_CONSOLE_URL ?? '';
    return {
      endpoint: { endpoint: external, rootUser, rootPassword, consoleUrl },
      stop: async () => undefined,
    };
  }

  const binary = await resolveBinary('minio', opts.log);
  const dir = path.join(opts.dataDir, 'minio');
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  const [port, consolePort] = [await getFreePort(), await getFreePort()];
  const endpoint = `http://127.0.0.1:${port}`;

  const env: NodeJS.ProcessEnv = {};
  // Inherited MINIO_* settings (e.g. a developer's MINIO_ROOT_USER for another server) must not
  // leak in; everything else (PATH, proxies, CA bundles) may.
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('MINIO_')) env[key] = value;
  Object.assign(env, {
    MINIO_ROOT_USER: opts.rootUser,
    MINIO_ROOT_PASSWORD: opts.rootPassword,
    MINIO_SCANNER_SPEED: 'fastest',
    MINIO_PROMETHEUS_AUTH_TYPE: 'public',
    MINIO_UPDATE: 'off',
  });

  const child = new ManagedChild({
    name: 'minio',
    command: binary,
    args: [
      'server',
      path.join(dir, 'data'),
      '--address',
      `127.0.0.1:${port}`,
      '--console-address',
      `127.0.0.1:${consolePort}`,
      // Default is ~/.minio/certs: keep everything inside the data directory.
      '--certs-dir',
      path.join(dir, 'certs'),
    ],
    logFile: path.join(opts.dataDir, 'logs', 'minio.log'),
    env,
  });

  try {
    // live = process up; ready = it can serve requests (drives online, IAM loaded).
    await waitUntilReady(child, () => httpOk(`${endpoint}/minio/health/live`), 60_000);
    await waitUntilReady(child, () => httpOk(`${endpoint}/minio/health/ready`), 60_000);
  } catch (error) {
    await child.stop();
    throw error;
  }

  return {
    endpoint: {
      endpoint,
      rootUser: opts.rootUser,
      rootPassword: opts.rootPassword,
      consoleUrl: `http://127.0.0.1:${consolePort}`,
    },
    child,
    stop: () => child.stop(),
  };
}
