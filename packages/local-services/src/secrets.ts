import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Generated once per data directory and reused: the data on disk depends on them. */
export interface Secrets {
  postgresPassword: string;
  minioRootUser: string;
  minioRootPassword: string;
  sftpgoAdminPassword: string;
  sftpgoSigningPassphrase: string;
  sftpgoKmsMasterKey: string;
}

const token = (bytes: number): string => crypto.randomBytes(bytes).toString('base64url');

const generators: { [K in keyof Secrets]: () => string } = {
  postgresPassword: () => token(18),
  minioRootUser: () => `root-${crypto.randomBytes(4).toString('hex')}`,
  minioRootPassword: () => token(24),
  sftpgoAdminPassword: () => token(18),
  sftpgoSigningPassphrase: () => token(32),
  sftpgoKmsMasterKey: () => token(32),
};

export function loadSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>;
  const secrets = { ...stored } as Secrets;
  let changed = false;
  for (const key of Object.keys(generators) as (keyof Secrets)[]) {
    if (typeof secrets[key] !== 'string' || secrets[key] === '') {
      secrets[key] = generators[key]();
      changed = true;
    }
  }
  if (changed) {
    // Write then rename, so a crash never leaves half a file that would lose the credentials.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
  fs.chmodSync(file, 0o600);
  return secrets;
}
