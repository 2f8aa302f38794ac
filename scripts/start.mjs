#!/usr/bin/env node
// `npm start`: the whole platform on the embedded defaults, from a fresh clone.
import path from 'node:path';
import { buildWorkspaces, ensureDependencies, ensureGoServices, log, root } from './lib/prepare.mjs';

ensureDependencies();
ensureGoServices();
buildWorkspaces();

const { startPlatform } = await import('./lib/platform.mjs');
const dataDir = process.env.CSP_DATA_DIR ?? path.join(root, '.local');
log(`starting services, API, worker and web (data in ${dataDir})`);
const platform = await startPlatform({
  dataDir,
  webPort: process.env.PORT ? Number(process.env.PORT) : undefined,
  log: (line) => log(line),
});

const admin = platform.superAdmin;
console.log(`
  CloudStorage Pro is running.

  Portal (customers)   ${platform.appUrl}/cadastro   and   ${platform.appUrl}/entrar
  Staff panel          ${platform.appUrl}/staff/entrar
  API                  ${platform.apiUrl}/api/v1/health
  Mail catcher         ${platform.mailUrl}   (or: npm run mail)
  MinIO S3             ${platform.endpoints.minio.endpoint}
  SFTPGo REST API      ${platform.endpoints.sftpgo.apiUrl}
  Logs                 ${path.join(dataDir, 'logs')}
`);
if (admin) {
  console.log(`  First super admin    ${admin.email}`);
  console.log(
    admin.generated
      ? `  Password             ${admin.password}   (shown only now; set SUPER_ADMIN_PASSWORD to choose it)\n`
      : '  Password             from SUPER_ADMIN_PASSWORD\n',
  );
  console.log('  Staff sign-in requires an authenticator app (TOTP): the first sign-in enrols it.\n');
} else {
  console.log('  Staff already exists: sign in with the super admin created on the first start.\n');
}
console.log('  Ctrl-C stops everything.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    await platform.stop();
    process.exit(0);
  });
}
