/**
 * The web app's Content-Security-Policy. Built per request by src/proxy.ts rather than in
 * next.config.ts: next.config headers are frozen at build time, while the S3 endpoint the object
 * browser uploads to and downloads from (presigned URLs, straight to MinIO) is deployment config,
 * known only when the server starts.
 *
 * The App Router streams inline scripts without nonces unless every page goes through a nonce
 * proxy; 'unsafe-inline' for scripts is the documented trade-off. Everything else is our own
 * origin (the API is reached through the /api route) plus the S3 origin for connect-src.
 */
export function contentSecurityPolicy(options: { isDev: boolean; s3Origin: string | null }): string {
  const { isDev, s3Origin } = options;
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${s3Origin ? ` ${s3Origin}` : ''}${isDev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The origin (scheme://host[:port]) of the public S3 endpoint, as the API signs URLs for it:
 * S3_PUBLIC_ENDPOINT, else MINIO_ENDPOINT (the API's own fallback). Null when unset or invalid, so
 * a misconfiguration shows up as blocked transfers, never as a wider policy.
 */
export function s3Origin(env: Record<string, string | undefined>): string | null {
  const raw = env.S3_PUBLIC_ENDPOINT || env.MINIO_ENDPOINT;
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}
