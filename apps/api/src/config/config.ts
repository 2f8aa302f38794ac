import { z } from 'zod';
import { addressList } from '../common/client-address';

const schema = z
  .object({
    NODE_ENV: z.string().default('development'),
    API_HOST: z.string().default('127.0.0.1'),
    API_PORT: z.coerce.number().int().default(3001),
    /** Public URL of the web app (links in e-mails, Origin check). */
    APP_URL: z.string().url().default('http://127.0.0.1:3000'),
    BRAND_NAME: z.string().default('CloudStorage Pro'),
    DATABASE_URL: z.string().min(1),
    MINIO_ENDPOINT: z.string().url(),
    MINIO_ROOT_USER: z.string().min(3),
    MINIO_ROOT_PASSWORD: z.string().min(8),
    MINIO_ADMIN_API_VERSION: z.string().default('v3'),
    /** The S3 endpoint shown to customers (may differ from the internal one behind a proxy). */
    S3_PUBLIC_ENDPOINT: z.string().url().optional(),
    S3_REGION: z.string().default('us-east-1'),
    /**
     * A request header set by the trusted reverse proxy with the client's location (e.g.
     * "CF-IPCountry" behind Cloudflare); sessions show it as their place. Unset: places stay empty.
     */
    GEO_HEADER: z.string().optional(),
    /**
     * Shared secret of the web server (its front server sends it with the client address, see
     * common/client-address.ts). Unset: no request's address claim is believed, every client is its
     * socket address. `npm start` generates one into the data directory's platform.json.
     */
    WEB_PROXY_SECRET: z.string().min(32, 'WEB_PROXY_SECRET must have at least 32 characters').optional(),
    /**
     * Where the web server connects from (comma-separated IPs or CIDRs; loopback by default). Set
     * it to the web container's address when the two run in different containers.
     */
    WEB_PROXY_ADDRESSES: z
      .string()
      .default('127.0.0.0/8,::1')
      .refine((v) => {
        try {
          addressList(v);
          return true;
        } catch {
          return false;
        }
      }, 'WEB_PROXY_ADDRESSES must be comma-separated IP addresses or CIDRs'),
    /** How long a rotated-out access key keeps working (default 7 days). */
    KEY_ROTATION_GRACE_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .default(7 * 24 * 3600),
    /**
     * Lifetime of the temporary (STS) credentials that sign the object browser's URLs and make its
     * calls, cached per account, bucket and operation (MinIO: at least 900 s; each mint writes its IAM
     * store, so not too short). A URL is signed only with one whose remaining life covers the URL's.
     */
    STORAGE_CREDENTIAL_SECONDS: z.coerce.number().int().min(900).max(43_200).default(3600),
    /** Per-account caps (name squatting, MinIO metadata growth, credential sprawl). */
    MAX_BUCKETS_PER_ACCOUNT: z.coerce.number().int().positive().default(100),
    MAX_ACCESS_KEYS_PER_ACCOUNT: z.coerce.number().int().positive().default(100),
    MAX_API_TOKENS_PER_ACCOUNT: z.coerce.number().int().positive().default(50),
    SMTP_HOST: z.string().default('127.0.0.1'),
    SMTP_PORT: z.coerce.number().int().default(1025),
    SMTP_SECURE: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    MAIL_FROM: z.string().default('CloudStorage Pro <noreply@cloudstoragepro.local>'),
    /** Where staff notifications (new sign-ups) go; comma-separated. Falls back to active super admins. */
    STAFF_NOTIFY_EMAILS: z.string().optional(),
    /** base64 of 32 random bytes: AES-256-GCM key for secrets kept at rest. */
    ENCRYPTION_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'ENCRYPTION_KEY must be base64 of 32 bytes'),
    ENCRYPTION_KEY_ID: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,32}$/, 'ENCRYPTION_KEY_ID: letters, digits, _ . - (at most 32)')
      .default('k1'),
    /**
     * Former keys, `id:base64,id:base64`: they open what they sealed (TOTP secrets, pending secrets,
     * queued e-mails) after ENCRYPTION_KEY is rotated; nothing new is sealed with them.
     */
    ENCRYPTION_KEYS_OLD: z
      .string()
      .optional()
      .refine(
        (v) =>
          !v ||
          v
            .split(',')
            .map((e) => e.trim())
            .filter(Boolean)
            .every(
              (e) =>
                /^[A-Za-z0-9_.-]{1,32}:/.test(e) &&
                Buffer.from(e.slice(e.indexOf(':') + 1), 'base64').length === 32,
            ),
        'ENCRYPTION_KEYS_OLD must be id:base64-of-32-bytes, comma-separated',
      ),
    /**
     * Leading zero bits of the login captcha's proof of work. 20 bits is about a million SHA-256 in
     * the browser, ~1 s on a current desktop (bench/captcha.mjs measures it); each extra bit doubles it.
     */
    CAPTCHA_DIFFICULTY: z.coerce.number().int().min(8).max(28).default(20),
    /** Argon2id hashes/verifies running at once in one API process (default: the CPU count). */
    ARGON2_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
    /** How many more may wait for a slot before the API answers 503 (default: 16 per slot). */
    ARGON2_MAX_QUEUE: z.coerce.number().int().min(0).max(100000).optional(),
    /** Cron (America/Sao_Paulo) of the scheduled reconciler run (database vs. MinIO); 'off' disables it. */
    RECONCILER_SCHEDULE: z.string().trim().min(1).default('*/15 * * * *'),
    /** Whether scheduled reconciler runs repair drift (true) or only report it. */
    RECONCILER_REPAIR: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    /** How often the worker compares account usage (MinIO scanner data) with quotas. */
    QUOTA_CHECK_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /**
     * The business clock (common/clock.ts, ADR 0008): `system` (real time), or `adjustable` for
     * tests that move business time forward. Production refuses `adjustable`.
     */
    BUSINESS_CLOCK: z.enum(['system', 'adjustable']).default('system'),
    /**
     * Whether each answer is checked against the response schema its @Endpoint declares:
     * `strict` (a mismatch is logged and answers 500, so a test sees it), `log` (logged only) or
     * `off`. Unset: `strict` outside production, `off` in production.
     */
    RESPONSE_VALIDATION: z.enum(['strict', 'log', 'off']).optional(),
    /**
     * How long one delivery of a domain event may run before pg-boss counts it as failed and
     * retries it (a worker that died mid-delivery is noticed this long after it took the job).
     */
    EVENT_DELIVERY_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    /** How often the worker's pg-boss supervisor expires, retries and archives jobs. */
    JOB_MAINTENANCE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
    /**
     * General API rate limit per session, API token or (with neither) client address, per minute:
     * room for the portal, multipart uploads at LAN speed (a part-URL batch per 8 parts) and scripts.
     */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
    /** Ceiling per client address whatever the credentials (an office behind one NAT shares it). */
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).default(3000),
    /** Secure cookies need HTTPS; off only for local http development. */
    COOKIE_SECURE: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
  })
  // Without the web server's secret every visitor would share the web server's address, and with
  // it every per-address limit: production refuses to start that way.
  .refine((c) => c.NODE_ENV !== 'production' || c.WEB_PROXY_SECRET, {
    path: ['WEB_PROXY_SECRET'],
    message: 'WEB_PROXY_SECRET is required in production (the same value as the web server)',
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.BUSINESS_CLOCK === 'system', {
    path: ['BUSINESS_CLOCK'],
    message: 'BUSINESS_CLOCK=adjustable is for tests: production runs on real time',
  });

export type AppConfig = z.infer<typeof schema> & { s3PublicEndpoint: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return { ...parsed.data, s3PublicEndpoint: parsed.data.S3_PUBLIC_ENDPOINT ?? parsed.data.MINIO_ENDPOINT };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
