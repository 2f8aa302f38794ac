import net from 'node:net';
import tls from 'node:tls';
import { describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { CreateBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import nodemailer from 'nodemailer';
import { clearMail, listMail, readMail } from '../../src/index';

const services = inject('services');

/** Reads from a socket until `pattern` matches what arrived so far. */
function readUntil(socket: net.Socket, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    const onData = (chunk: Buffer): void => {
      received += chunk.toString('latin1');
      if (pattern.test(received)) {
        socket.off('data', onData);
        resolve(received);
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

describe('local services', () => {
  it('exposes the data directory to tests', () => {
    expect(process.env.CSP_TEST_DATA_DIR).toBeTruthy();
  });

  it('PostgreSQL answers select 1 in the cloudstorage database', async () => {
    const client = new pg.Client({ connectionString: services.postgres!.url });
    await client.connect();
    try {
      const result = await client.query<{ one: number; db: string }>(
        'select 1 as one, current_database() as db',
      );
      expect(result.rows[0]).toEqual({ one: 1, db: 'cloudstorage' });
    } finally {
      await client.end();
    }
  });

  it('MinIO is healthy and creates a bucket with the root credentials', async () => {
    const { endpoint, rootUser, rootPassword } = services.minio!;
    expect((await fetch(`${endpoint}/minio/health/live`)).status).toBe(200);
    const s3 = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: rootUser, secretAccessKey: rootPassword },
    });
    const bucket = `it-${Date.now()}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const { Buckets } = await s3.send(new ListBucketsCommand({}));
    expect(Buckets?.map((b) => b.Name)).toContain(bucket);
    s3.destroy();
  });

  it('SFTPGo issues an admin token that the REST API accepts', async () => {
    const { apiUrl, adminUser, adminPassword } = services.sftpgo!;
    const basic = Buffer.from(`${adminUser}:${adminPassword}`).toString('base64');
    const tokenResponse = await fetch(`${apiUrl}/api/v2/token`, {
      headers: { authorization: `Basic ${basic}` },
    });
    expect(tokenResponse.status).toBe(200);
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    expect(token).toMatch(/^ey/);
    const version = await fetch(`${apiUrl}/api/v2/version`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(version.status).toBe(200);
    expect(((await version.json()) as { version: string }).version).toMatch(/^2\./);
  });

  it('SFTPGo speaks SSH on the SFTP port and upgrades FTP to TLS', async () => {
    const { sftpPort, ftpsPort } = services.sftpgo!;
    const ssh = net.connect(sftpPort, '127.0.0.1');
    expect(await readUntil(ssh, /\r?\n/)).toMatch(/^SSH-2\.0-/);
    ssh.destroy();

    const ftp = net.connect(ftpsPort, '127.0.0.1');
    expect(await readUntil(ftp, /^220 .*\r\n/m)).toMatch(/^220/);
    ftp.write('AUTH TLS\r\n');
    expect(await readUntil(ftp, /^234 .*\r\n/m)).toMatch(/^234/);
    const secure = tls.connect({ socket: ftp, servername: 'localhost', rejectUnauthorized: false });
    await new Promise<void>((resolve, reject) => secure.once('secureConnect', resolve).once('error', reject));
    expect(secure.getPeerCertificate().subject.CN).toBe('localhost');
    secure.destroy();
  });

  it('the mail catcher receives what nodemailer sends, and readMail finds it', async () => {
    const { smtpHost, smtpPort, webUrl } = services.mail!;
    const to = `user-${Date.now()}@example.test`;
    const transport = nodemailer.createTransport({
      host: smtpHost,
      port: smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({
      from: 'CloudStorage Pro <no-reply@example.test>',
      to,
      subject: 'Your sign-up code',
      text: 'Your code is 493817.',
      html: '<p>Your code is <b>493817</b>.</p>',
    });
    transport.close();

    const message = await readMail(webUrl, {
      to: to.toUpperCase(),
      subjectIncludes: 'sign-up',
      timeoutMs: 5000,
    });
    expect(message.text).toMatch(/\b493817\b/);
    expect(message.html).toContain('<b>493817</b>');
    expect(message.from).toContain('no-reply@example.test');
    expect(message.to).toEqual([to]);

    const byId = await fetch(`${webUrl}/api/messages/${message.id}`);
    expect(((await byId.json()) as { subject: string }).subject).toBe('Your sign-up code');
    const listPage = await (await fetch(webUrl)).text();
    expect(listPage).toContain('Your sign-up code');
    const messagePage = await (await fetch(`${webUrl}/messages/${message.id}`)).text();
    expect(messagePage).toContain('493817');

    await clearMail(webUrl);
    expect(await listMail(webUrl, to)).toEqual([]);
    await expect(readMail(webUrl, { to, timeoutMs: 300 })).rejects.toThrow(/no mail to/);
  });
});
