import { describe, expect, it } from 'vitest';
import {
  awsConfigFile,
  awsCredentialsFile,
  credentialsJson,
  envFile,
  profileName,
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
      '[profile cloudstoragepro]\n' +
        'region = us-east-1\n' +
        'endpoint_url = https://s3.cloudstoragepro.com.br\n' +
        's3 =\n' +
        '  addressing_style = path\n',
    );
  });
});
