// Imperius Backup's storage definition (PRD F6.1, "Download config.xml"): a pure generator, run in
// the browser so a pasted secret never travels back to the server.
import type { CredentialFile } from './credential-files';

export interface ImperiusConfigInput {
  /** Shown in Imperius' storage list (the white-label brand name). */
  displayName: string;
  /** The public S3 endpoint URL, e.g. https://s3.cloudstoragepro.com.br */
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
}

/**
 * Escapes text for an XML element or attribute value. Characters XML 1.0 cannot carry at all
 * (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) are dropped, so the file
 * always parses.
 */
export function xmlEscape(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Port and TLS as Imperius asks for them, from the endpoint URL (default ports by scheme). */
export function endpointParts(endpoint: string): { serviceUrl: string; useSsl: boolean; port: number } {
  const serviceUrl = endpoint.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return { serviceUrl, useSsl: true, port: 443 };
  }
  const useSsl = url.protocol !== 'http:';
  return { serviceUrl, useSsl, port: url.port ? Number(url.port) : useSsl ? 443 : 80 };
}

/** config.xml in the PRD's layout: ImperiusBackupConfig/CloudStorage with Provider S3Compatible. */
export function imperiusConfigXml(input: ImperiusConfigInput): CredentialFile {
  const { serviceUrl, useSsl, port } = endpointParts(input.endpoint);
  const element = (name: string, value: string) => `    <${name}>${xmlEscape(value)}</${name}>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ImperiusBackupConfig>',
    '  <CloudStorage>',
    element('Provider', 'S3Compatible'),
    element('DisplayName', input.displayName),
    element('ServiceURL', serviceUrl),
    element('Region', input.region),
    element('AccessKeyID', input.accessKeyId),
    element('SecretAccessKey', input.secretAccessKey),
    element('BucketName', input.bucket),
    element('UseSSL', String(useSsl)),
    element('Port', String(port)),
    '  </CloudStorage>',
    '</ImperiusBackupConfig>',
  ];
  return { filename: 'config.xml', mimeType: 'application/xml', content: lines.join('\n') + '\n' };
}
