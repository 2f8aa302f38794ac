import { describe, expect, it } from 'vitest';
import { endpointParts, imperiusConfigXml, xmlEscape } from './imperius-config';

const input = {
  displayName: 'CloudStorage Pro',
  endpoint: 'https://s3.cloudstoragepro.com.br',
  region: 'us-east-1',
  accessKeyId: 'AKI8X7N2P4Q9R1S5T6U',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  bucket: 'backup-servidor-01',
};

describe('imperiusConfigXml', () => {
  it('produces the PRD file byte for byte for the PRD example', () => {
    const file = imperiusConfigXml(input);
    expect(file.filename).toBe('config.xml');
    expect(file.mimeType).toBe('application/xml');
    expect(file.content).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<ImperiusBackupConfig>',
        '  <CloudStorage>',
        '    <Provider>S3Compatible</Provider>',
        '    <DisplayName>CloudStorage Pro</DisplayName>',
        '    <ServiceURL>https://s3.cloudstoragepro.com.br</ServiceURL>',
        '    <Region>us-east-1</Region>',
        '    <AccessKeyID>AKI8X7N2P4Q9R1S5T6U</AccessKeyID>',
        '    <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</SecretAccessKey>',
        '    <BucketName>backup-servidor-01</BucketName>',
        '    <UseSSL>true</UseSSL>',
        '    <Port>443</Port>',
        '  </CloudStorage>',
        '</ImperiusBackupConfig>',
        '',
      ].join('\n'),
    );
  });

  it('escapes every value, so markup in a brand or secret cannot break or inject elements', () => {
    const file = imperiusConfigXml({
      ...input,
      displayName: 'Nuvem <A&B> "Pro" \'BR\'',
      secretAccessKey: 'a</SecretAccessKey><Evil>1</Evil>&x',
    });
    expect(file.content).toContain(
      '<DisplayName>Nuvem &lt;A&amp;B&gt; &quot;Pro&quot; &apos;BR&apos;</DisplayName>',
    );
    expect(file.content).toContain(
      '<SecretAccessKey>a&lt;/SecretAccessKey&gt;&lt;Evil&gt;1&lt;/Evil&gt;&amp;x</SecretAccessKey>',
    );
    expect(file.content).not.toContain('<Evil>');
    expect(file.content.match(/<SecretAccessKey>/g)).toHaveLength(1);
  });

  it('takes port and TLS from the endpoint', () => {
    const local = imperiusConfigXml({ ...input, endpoint: 'http://127.0.0.1:9000/' });
    expect(local.content).toContain('<ServiceURL>http://127.0.0.1:9000</ServiceURL>');
    expect(local.content).toContain('<UseSSL>false</UseSSL>');
    expect(local.content).toContain('<Port>9000</Port>');
    expect(endpointParts('https://s3.example.com:8443')).toEqual({
      serviceUrl: 'https://s3.example.com:8443',
      useSsl: true,
      port: 8443,
    });
    expect(endpointParts('http://s3.example.com')).toMatchObject({ useSsl: false, port: 80 });
  });
});

describe('xmlEscape', () => {
  it('drops characters XML 1.0 cannot carry and keeps the rest', () => {
    expect(xmlEscape('a\u0000b\u0008c\td\ne\uFFFEf')).toBe('abc\td\nef');
    expect(xmlEscape('São João ✓ 😀')).toBe('São João ✓ 😀');
  });
});
