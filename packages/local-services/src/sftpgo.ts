import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';
import { resolveBinary } from './binaries';
import { getFreePort, getFreePortRange } from './ports';
import { ManagedChild, httpOk, runToCompletion, tcpOpen, waitUntilReady } from './process';
import type { StartedService } from './postgres';
import type { SftpgoEndpoint } from './types';

const ADMIN_USER = 'admin';
const PASSIVE_PORTS = 16;

/**
 * `serve` always loads the e-mail templates from <config dir>/templates/email, even with SMTP
 * unconfigured, and exits without them. Our binary is built without the `bundle` tag, so they are
 * not embedded: write minimal ones (SFTPGo never sends mail here).
 */
const EMAIL_TEMPLATES: Record<string, string> = {
  'reset-password.html': '<p>Your SFTPGo verification code is "{{.Code}}". It is valid for 10 minutes.</p>\n',
  'password-expiration.html':
    '<p>{{.Username}}: your SFTPGo password {{if le .Days 0}}has expired{{else}}expires in {{.Days}} day(s){{end}}.</p>\n',
};

function writeEmailTemplates(configDir: string): void {
  const dir = path.join(configDir, 'templates', 'email');
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(EMAIL_TEMPLATES)) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) fs.writeFileSync(file, content);
  }
}

/** SFTPGo never makes FTP certificates: a self-signed one, made once and renewed near expiry. */
async function ensureCertificate(configDir: string): Promise<{ certFile: string; keyFile: string }> {
  const certFile = path.join(configDir, 'ftps-cert.pem');
  const keyFile = path.join(configDir, 'ftps-key.pem');
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const validTo = new Date(new crypto.X509Certificate(fs.readFileSync(certFile)).validTo).getTime();
    if (validTo - Date.now() > 30 * 24 * 3600 * 1000) return { certFile, keyFile };
  }
  const notBeforeDate = new Date(Date.now() - 3600 * 1000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 3 * 365 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
  fs.writeFileSync(certFile, pems.cert);
  return { certFile, keyFile };
}

export async function startSftpgo(opts: {
  dataDir: string;
  adminPassword: string;
  signingPassphrase: string;
  kmsMasterKey: string;
  log: (line: string) => void;
}): Promise<StartedService<SftpgoEndpoint>> {
  const binary = await resolveBinary('sftpgo', opts.log);
  const configDir = path.join(opts.dataDir, 'sftpgo');
  const logFile = path.join(opts.dataDir, 'logs', 'sftpgo.log');
  fs.mkdirSync(configDir, { recursive: true });
  writeEmailTemplates(configDir);
  const { certFile, keyFile } = await ensureCertificate(configDir);
  const [httpPort, sftpPort, ftpsPort] = [await getFreePort(), await getFreePort(), await getFreePort()];
  const passivePortRange = await getFreePortRange(PASSIVE_PORTS);

  const env: NodeJS.ProcessEnv = {};
  // A developer's own SFTPGO_* settings would silently change this server.
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('SFTPGO_')) env[key] = value;
  Object.assign(env, {
    NO_COLOR: '1',
    SFTPGO_DATA_PROVIDER__DRIVER: 'bolt',
    SFTPGO_DATA_PROVIDER__NAME: 'sftpgo.db',
    SFTPGO_DATA_PROVIDER__USERS_BASE_DIR: path.join(configDir, 'users'),
    SFTPGO_DATA_PROVIDER__BACKUPS_PATH: path.join(configDir, 'backups'),
    SFTPGO_DATA_PROVIDER__CREATE_DEFAULT_ADMIN: 'true',
    SFTPGO_DEFAULT_ADMIN_USERNAME: ADMIN_USER,
    SFTPGO_DEFAULT_ADMIN_PASSWORD: opts.adminPassword,
    // Stable across restarts: tokens stay valid and stored secrets stay decryptable.
    SFTPGO_HTTPD__SIGNING_PASSPHRASE: opts.signingPassphrase,
    SFTPGO_KMS__SECRETS__MASTER_KEY: opts.kmsMasterKey,
    // Same as production, where users live on S3 virtual folders.
    SFTPGO_COMMON__SETSTAT_MODE: '2',
    SFTPGO_COMMON__TEMP_PATH: path.join(configDir, 'tmp'),
    // Every binding defaults to all interfaces: pin each to loopback.
    SFTPGO_SFTPD__BINDINGS__0__ADDRESS: '127.0.0.1',
    SFTPGO_SFTPD__BINDINGS__0__PORT: String(sftpPort),
    SFTPGO_FTPD__BINDINGS__0__ADDRESS: '127.0.0.1',
    SFTPGO_FTPD__BINDINGS__0__PORT: String(ftpsPort),
    SFTPGO_FTPD__BINDINGS__0__TLS_MODE: '1',
    SFTPGO_FTPD__BINDINGS__0__CERTIFICATE_FILE: certFile,
    SFTPGO_FTPD__BINDINGS__0__CERTIFICATE_KEY_FILE: keyFile,
    // The FTP library listens for passive data on 0.0.0.0 whatever the binding; the default
    // passive_connections_security (0) still only accepts the control connection's IP.
    SFTPGO_FTPD__PASSIVE_PORT_RANGE__START: String(passivePortRange[0]),
    SFTPGO_FTPD__PASSIVE_PORT_RANGE__END: String(passivePortRange[1]),
    SFTPGO_HTTPD__BINDINGS__0__ADDRESS: '127.0.0.1',
    SFTPGO_HTTPD__BINDINGS__0__PORT: String(httpPort),
    SFTPGO_HTTPD__BINDINGS__0__ENABLE_REST_API: 'true',
    // The module zip lacks the web UI assets, and our portal is the UI anyway.
    SFTPGO_HTTPD__BINDINGS__0__ENABLE_WEB_ADMIN: 'false',
    SFTPGO_HTTPD__BINDINGS__0__ENABLE_WEB_CLIENT: 'false',
  });
  fs.mkdirSync(env.SFTPGO_COMMON__TEMP_PATH as string, { recursive: true });

  // With bolt, initprovider must never run next to serve: only once, before the first serve.
  if (!fs.existsSync(path.join(configDir, 'sftpgo.db'))) {
    opts.log('[sftpgo] initialising the data provider');
    await runToCompletion({
      name: 'sftpgo initprovider',
      command: binary,
      args: ['initprovider', '--config-dir', configDir],
      logFile,
      env,
    });
  }

  const child = new ManagedChild({
    name: 'sftpgo',
    command: binary,
    // Empty log file path = JSON lines on stdout, which goes to our log file.
    args: ['serve', '--config-dir', configDir, '--log-file-path', '', '--log-level', 'info'],
    logFile,
    env,
  });

  const apiUrl = `http://127.0.0.1:${httpPort}`;
  try {
    // /healthz can answer before the SFTP listener is up (host keys are generated first).
    const ready = async (): Promise<boolean> =>
      (await httpOk(`${apiUrl}/healthz`)) && (await tcpOpen(sftpPort)) && (await tcpOpen(ftpsPort));
    await waitUntilReady(child, ready, 60_000);
  } catch (error) {
    await child.stop();
    throw error;
  }

  return {
    endpoint: {
      apiUrl,
      adminUser: ADMIN_USER,
      adminPassword: opts.adminPassword,
      sftpPort,
      ftpsPort,
      passivePortRange,
    },
    child,
    stop: () => child.stop(),
  };
}
