import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, s3Origin } from './content-security-policy';

describe('content security policy', () => {
  it('allows connections to the S3 origin only, besides our own', () => {
    const policy = contentSecurityPolicy({ isDev: false, s3Origin: 'https://s3.example.com.br' });
    expect(policy).toContain("connect-src 'self' https://s3.example.com.br;");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy({ isDev: false, s3Origin: null })).toContain("connect-src 'self';");
  });

  it('takes the origin of S3_PUBLIC_ENDPOINT, else MINIO_ENDPOINT, and nothing invalid', () => {
    expect(
      s3Origin({ S3_PUBLIC_ENDPOINT: 'https://s3.example.com.br/base/', MINIO_ENDPOINT: 'http://x:9000' }),
    ).toBe('https://s3.example.com.br');
    expect(s3Origin({ MINIO_ENDPOINT: 'http://127.0.0.1:9000' })).toBe('http://127.0.0.1:9000');
    expect(s3Origin({})).toBeNull();
    expect(s3Origin({ S3_PUBLIC_ENDPOINT: "https://a.b; script-src 'unsafe-eval'" })).toBeNull();
    expect(s3Origin({ S3_PUBLIC_ENDPOINT: 'javascript:alert(1)' })).toBeNull();
  });
});
