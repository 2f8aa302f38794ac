// Starts the whole platform (services, migrations, API, worker, web) as child processes.
// Used by `npm start`, the end-to-end tests and the benchmark.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { root } from './prepare.mjs';

const require = createRequire(import.meta.url);

export async function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const { port: got } = server.address();
        server.close(() => resolve(got));
      });
    });
  return (preferred && (await tryPort(preferred))) || tryPort(0);
}

/**
 * Platform secrets generated once per data directory: the encryption key of secrets at rest, and
 * the web server's secret that proves its client addresses to the API (added to older files).
 */
function platformSecrets(dataDir) {
  const file = path.join(dataDir, 'platform.json');
  const stored = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const secrets = {
    encryptionKey: randomBytes(32).toString('base64'),
    encryptionKeyId: 'k1',
    webProxySecret: randomBytes(32).toString('base64url'),
    ...stored,
  };
  if (Object.keys(secrets).length !== Object.keys(stored).length) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

async function waitFor(url, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${url}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * @param {{ dataDir: string, webPort?: number, apiPort?: number, web?: boolean, log?: (s: string) => void, quiet?: boolean }} options
 */
export async function startPlatform(options) {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
  const { startServices } = require(path.join(root, 'packages/local-services/dist/index.js'));
  const services = await startServices({ dataDir, log });
  const { postgres, minio, mail, sftpgo } = services.endpoints;
  // Lets `npm run mail` (local-services CLI) find the running mail catcher.
  const servicesFile = path.join(dataDir, 'services.json');
  fs.writeFileSync(servicesFile, JSON.stringify(services.endpoints, null, 2), { mode: 0o600 });
  const secrets = platformSecrets(dataDir);
  const apiPort = options.apiPort ?? (await freePort(3001));
  const webPort = options.webPort ?? (await freePort(3000));
  // "localhost", not an IP: WebAuthn (passkeys) refuses IP addresses as the relying party id.
  const appUrl = `http://localhost:${webPort}`;

  const env = {
    ...process.env,
    NODE_ENV: 'production',
    NODE_NO_WARNINGS: '1',
    DATABASE_URL: postgres.url,
    MINIO_ENDPOINT: minio.endpoint,
    MINIO_ROOT_USER: minio.rootUser,
    MINIO_ROOT_PASSWORD: minio.rootPassword,
    SMTP_HOST: mail.smtpHost,
    SMTP_PORT: String(mail.smtpPort),
    ENCRYPTION_KEY: secrets.encryptionKey,
    ENCRYPTION_KEY_ID: secrets.encryptionKeyId,
    // The front server sends it with each client address; the API believes none without it.
    // Tests that play the web server set their own.
    WEB_PROXY_SECRET: process.env.WEB_PROXY_SECRET ?? secrets.webProxySecret,
    // Local http: browsers keep Secure cookies only over https (production keeps the default).
    COOKIE_SECURE: 'false',
    API_HOST: '127.0.0.1',
    API_PORT: String(apiPort),
    APP_URL: appUrl,
  };

  const setup = spawnSync(process.execPath, ['apps/api/dist/cli.js', 'setup'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (setup.status !== 0) {
    await services.stop();
    throw new Error(`migrations/setup failed:\n${setup.stderr}`);
  }
  const setupResult = JSON.parse(setup.stdout.trim().split('\n').pop());

  const children = [];
  const startChild = (name, args, cwd, extraEnv = {}) => {
    const out = fs.openSync(path.join(dataDir, 'logs', `${name}.log`), 'a');
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...env, ...extraEnv },
      stdio: ['ignore', out, out],
    });
    children.push({ name, child });
    return child;
  };
  const api = startChild('api', ['apps/api/dist/main.js'], root);
  const worker = startChild('worker', ['apps/api/dist/worker.js'], root);
  let web;
  let next;
  let nextUrl;
  if (options.web !== false) {
    // Next on loopback, on a port only the front server is told about; the front server
    // (apps/web/server/front.mjs) owns the public port and decides the client's address.
    const nextPort = await freePort();
    nextUrl = `http://127.0.0.1:${nextPort}`;
    const nextBin = require.resolve('next/dist/bin/next', { paths: [path.join(root, 'apps/web')] });
    next = startChild(
      'next',
      [nextBin, 'start', '-H', '127.0.0.1', '-p', String(nextPort)],
      path.join(root, 'apps/web'),
      {
        API_URL: `http://127.0.0.1:${apiPort}`,
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(nextPort),
      },
    );
    web = startChild('web', ['server/front.mjs'], path.join(root, 'apps/web'), {
      HOST: '127.0.0.1',
      PORT: String(webPort),
      NEXT_URL: nextUrl,
    });
  }

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      await Promise.all(
        children.map(
          ({ child }) =>
            new Promise((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', resolve);
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 5000).unref();
            }),
        ),
      );
      await services.stop();
      fs.rmSync(servicesFile, { force: true });
    })();
    return stopping;
  };

  try {
    await waitFor(`http://127.0.0.1:${apiPort}/api/v1/health`, 60_000, api);
    if (next) await waitFor(`${nextUrl}/entrar`, 60_000, next);
    if (web) await waitFor(`${appUrl}/entrar`, 60_000, web);
    if (worker.exitCode !== null) throw new Error('worker exited');
  } catch (error) {
    await stop();
    throw new Error(`${error.message} (logs in ${path.join(dataDir, 'logs')})`);
  }

  return {
    appUrl,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    /** Next's own address behind the front server (for tests that go around the front). */
    nextUrl,
    env,
    endpoints: services.endpoints,
    servicePids: services.pids,
    pids: Object.fromEntries(children.map(({ name, child }) => [name, child.pid])),
    superAdmin: setupResult.superAdmin,
    mailUrl: mail.webUrl,
    sftpgo,
    stop,
  };
}
