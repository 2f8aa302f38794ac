#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { listMail, startServices } from './index';
import { ALL_SERVICES, type ServiceEndpoints, type ServiceName } from './types';

const USAGE = `Usage: node packages/local-services/dist/cli.js <command> [options]

Commands:
  up     start the development services and stay in the foreground (Ctrl-C stops them)
           --data-dir <dir>   state directory (default .local)
           --only <list>      comma-separated subset of ${ALL_SERVICES.join(',')}
  mail   print recent messages of the running mail catcher
           --data-dir <dir>   as for up (default .local)
           --to <address>     only messages to this address
           --limit <n>        how many (default 10)

DATABASE_URL, or MINIO_ENDPOINT with MINIO_ROOT_USER/MINIO_ROOT_PASSWORD, use existing servers.`;

function describe(endpoints: ServiceEndpoints): string {
  const lines: string[] = [];
  const { postgres, minio, sftpgo, mail } = endpoints;
  if (postgres) lines.push(`PostgreSQL   ${postgres.url}`);
  if (minio) {
    lines.push(
      `MinIO S3     ${minio.endpoint}  (root user ${minio.rootUser}, password ${minio.rootPassword})`,
    );
    if (minio.consoleUrl) lines.push(`MinIO UI     ${minio.consoleUrl}`);
  }
  if (sftpgo) {
    lines.push(
      `SFTPGo API   ${sftpgo.apiUrl}/api/v2  (admin ${sftpgo.adminUser}, password ${sftpgo.adminPassword})`,
    );
    lines.push(`SFTP         127.0.0.1:${sftpgo.sftpPort}`);
    lines.push(
      `FTPS         127.0.0.1:${sftpgo.ftpsPort} (explicit TLS, passive ${sftpgo.passivePortRange.join('-')})`,
    );
  }
  if (mail) {
    lines.push(`SMTP         ${mail.smtpHost}:${mail.smtpPort}`);
    lines.push(`Mail UI      ${mail.webUrl}`);
  }
  return lines.join('\n');
}

async function up(dataDir: string, only: ServiceName[] | undefined): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  const log = (line: string): void => console.log(line);
  const services = await startServices({ dataDir, only, log });
  const servicesFile = path.join(dataDir, 'services.json');
  // Holds passwords: readable by this user only.
  fs.writeFileSync(servicesFile, JSON.stringify(services.endpoints, null, 2) + '\n', { mode: 0o600 });
  console.log(
    `\n${describe(services.endpoints)}\n\nEndpoints in ${servicesFile}. Logs in ${path.join(dataDir, 'logs')}.`,
  );
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      console.log(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping services...`);
    services
      .stop()
      .then(() => {
        fs.rmSync(servicesFile, { force: true });
        console.log('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
}

async function mail(dataDir: string, to: string | undefined, limit: number): Promise<void> {
  const servicesFile = path.join(dataDir, 'services.json');
  if (!fs.existsSync(servicesFile))
    throw new Error(`${servicesFile} not found: start the services with "up" first`);
  const endpoints = JSON.parse(fs.readFileSync(servicesFile, 'utf8')) as ServiceEndpoints;
  if (!endpoints.mail) throw new Error('the running services have no mail catcher');
  const messages = (await listMail(endpoints.mail.webUrl, to)).slice(0, limit);
  if (messages.length === 0) {
    console.log(`no messages${to ? ` to ${to}` : ''} (web UI: ${endpoints.mail.webUrl})`);
    return;
  }
  for (const m of messages) {
    console.log(`--- ${m.date}  ${m.from} -> ${m.to.join(', ')}`);
    console.log(`Subject: ${m.subject}\n`);
    console.log(m.text.trim() || '(no text part; open the web UI for the HTML)');
    console.log();
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string', default: '.local' },
      only: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string', default: '10' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const dataDir = path.resolve(values['data-dir']);
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  if (command === 'up') {
    const only = values.only?.split(',').map((s) => s.trim()) as ServiceName[] | undefined;
    const unknown = only?.filter((name) => !ALL_SERVICES.includes(name));
    if (unknown?.length) throw new Error(`unknown service(s): ${unknown.join(', ')}`);
    await up(dataDir, only);
  } else if (command === 'mail') {
    await mail(dataDir, values.to, Number(values.limit) || 10);
  } else {
    throw new Error(`unknown command "${command}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
