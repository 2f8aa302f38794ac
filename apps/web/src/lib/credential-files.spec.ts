import { describe, expect, it } from 'vitest';
import {
  awsConfigFile,
  awsCredentialsFile,
  credentialsJson,
  envFile,
  profileName,
  rcloneConfigFile,
  RESTIC_BUCKET_PLACEHOLDER,
  resticEnvFile,
  type S3Credentials,
} from './credential-files';

const creds: S3Credentials = {
  brandName: 'CloudStorage Pro',
  endpoint: 'https://s3.cloudstoragepro.com.br',
  region: 'us-east-1',
  accessKeyId: 'AKI8X7N2P4Q9R1S5T6U',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

describe('profileName', () => {
  it('slugifies the brand', () => {
    expect(profileName('CloudStorage Pro')).toBe('cloudstoragepro');
    expect(profileName('Nuvem São João')).toBe('nuvemsaojoao');
    expect(profileName('!!!')).toBe('default');
  });
});

describe('.env', () => {
  it('has the S3_* and AWS_* variables', () => {
    const file = envFile(creds);
    expect(file.filename).toBe('cloudstoragepro.env');
    expect(file.content).toBe(
      [
        '# CloudStorage Pro - S3 Credentials',
        'S3_ENDPOINT=https://s3.cloudstoragepro.com.br',
        'S3_REGION=us-east-1',
        'S3_ACCESS_KEY_ID=AKI8X7N2P4Q9R1S5T6U',
        'S3_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        '',
        '# Same credentials under the names the AWS SDKs and CLI read',
        'AWS_ACCESS_KEY_ID=AKI8X7N2P4Q9R1S5T6U',
        'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'AWS_REGION=us-east-1',
        'AWS_ENDPOINT_URL=https://s3.cloudstoragepro.com.br',
        '',
      ].join('\n'),
    );
  });

  it('quotes values a dotenv parser could misread and keeps the brand on one line', () => {
    const file = envFile({ ...creds, brandName: 'Evil\nINJECTED=1', secretAccessKey: 'a b#"c' });
    expect(file.content).toContain('S3_SECRET_ACCESS_KEY="a b#\\"c"');
    expect(file.content).not.toMatch(/^INJECTED=1$/m);
  });
});

describe('credentials.json', () => {
  it('follows the PRD format', () => {
    const file = credentialsJson(creds);
    expect(file.filename).toBe('credentials.json');
    expect(file.mimeType).toBe('application/json');
    expect(JSON.parse(file.content)).toEqual({
      provider: 'CloudStorage Pro',
      endpoint: 'https://s3.cloudstoragepro.com.br',
      region: 'us-east-1',
      accessKeyId: 'AKI8X7N2P4Q9R1S5T6U',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
  });
});

describe('AWS shared files', () => {
  it('writes ~/.aws/credentials with the [cloudstoragepro] profile', () => {
    const file = awsCredentialsFile(creds);
    expect(file.filename).toBe('credentials');
    expect(file.content).toBe(
      '[cloudstoragepro]\n' +
        'aws_access_key_id = AKI8X7N2P4Q9R1S5T6U\n' +
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
    );
  });

  it('writes ~/.aws/config with region and endpoint_url', () => {
    const file = awsConfigFile(creds);
    expect(file.filename).toBe('config');
    expect(file.content).toBe(
      '# endpoint_url here needs AWS CLI >= 2.13 or a recent SDK. Older versions ignore it: pass\n' +
        '# --endpoint-url https://s3.cloudstoragepro.com.br on every command.\n' +
        '[profile cloudstoragepro]\n' +
        'region = us-east-1\n' +
        'endpoint_url = https://s3.cloudstoragepro.com.br\n' +
        's3 =\n' +
        '  addressing_style = path\n',
    );
  });
});

describe('rclone.conf', () => {
  it('defines an S3 remote named after the brand that never tries to create buckets', () => {
    const file = rcloneConfigFile(creds);
    expect(file.filename).toBe('rclone.conf');
    expect(file.mimeType).toBe('application/octet-stream');
    const lines = file.content.split('\n');
    expect(lines.filter((l) => !l.startsWith('#'))).toEqual([
      '[cloudstoragepro]',
      'type = s3',
      'provider = Minio',
      'access_key_id = AKI8X7N2P4Q9R1S5T6U',
      'secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'endpoint = https://s3.cloudstoragepro.com.br',
      'region = us-east-1',
      'force_path_style = true',
      'no_check_bucket = true',
      '',
    ]);
    expect(file.content).toContain('cloudstoragepro:<bucket>');
  });

  it('keeps every value on its own line', () => {
    const file = rcloneConfigFile({
      ...creds,
      brandName: 'Evil\n[other]',
      secretAccessKey: 'a\nendpoint = x',
    });
    expect(file.content).not.toMatch(/^\[other\]$/m);
    expect(file.content.match(/^endpoint = /gm)).toHaveLength(1);
  });
});

describe('restic.env', () => {
  it('points RESTIC_REPOSITORY at the chosen bucket and leaves the password to the customer', () => {
    const file = resticEnvFile({ ...creds, endpoint: 'https://s3.cloudstoragepro.com.br/' }, 'backups-01');
    expect(file.filename).toBe('restic.env');
    const settings = file.content.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(settings).toEqual([
      'RESTIC_REPOSITORY=s3:https://s3.cloudstoragepro.com.br/backups-01',
      'AWS_ACCESS_KEY_ID=AKI8X7N2P4Q9R1S5T6U',
      'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'AWS_DEFAULT_REGION=us-east-1',
    ]);
    expect(file.content).toContain('# RESTIC_PASSWORD=');
    expect(file.content).not.toContain(RESTIC_BUCKET_PLACEHOLDER);
  });

  it('uses a placeholder bucket, with a note, when none is chosen', () => {
    const file = resticEnvFile(creds);
    expect(file.content).toContain(
      `RESTIC_REPOSITORY=s3:https://s3.cloudstoragepro.com.br/${RESTIC_BUCKET_PLACEHOLDER}`,
    );
    expect(file.content).toContain(`# Replace ${RESTIC_BUCKET_PLACEHOLDER}`);
    expect(resticEnvFile(creds, '  ').content).toContain(`/${RESTIC_BUCKET_PLACEHOLDER}`);
  });
});
