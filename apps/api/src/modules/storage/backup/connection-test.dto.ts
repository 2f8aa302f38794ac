import { z } from 'zod';

/** What the backup setup page needs to fill its guides: the customer's own endpoint, buckets, keys. */
export const BackupSetupSchema = z.object({
  s3Endpoint: z.string(),
  region: z.string(),
  /** Derived from the endpoint URL: the port and TLS setting backup programs ask for separately. */
  host: z.string(),
  port: z.number().int(),
  useSsl: z.boolean(),
  buckets: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      versioning: z.boolean(),
      objectLock: z.boolean(),
    }),
  ),
  /** Active keys only: a revoked or deactivated key is of no use in a backup program. */
  accessKeys: z.array(
    z.object({
      id: z.uuid(),
      accessKeyId: z.string(),
      name: z.string(),
    }),
  ),
});

export const ConnectionTestSchema = z.object({
  accessKeyId: z
    .string({ message: 'connection_test_key_id_invalid' })
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,128}$/, { message: 'connection_test_key_id_invalid' }),
  // Never trimmed or echoed: a secret is used exactly as given.
  secretAccessKey: z
    .string({ message: 'connection_test_secret_invalid' })
    .min(1, { message: 'connection_test_secret_invalid' })
    .max(256, { message: 'connection_test_secret_invalid' }),
  bucket: z
    .string({ message: 'connection_test_bucket_invalid' })
    .trim()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'connection_test_bucket_invalid' }),
  /** Also write, read back and delete a small probe object (what a backup program needs). */
  write: z.boolean().optional().default(false),
});
export type ConnectionTestInput = z.infer<typeof ConnectionTestSchema>;

export const CONNECTION_TEST_STEPS = ['list_buckets', 'bucket_access', 'write', 'read', 'delete'] as const;
export type ConnectionTestStepName = (typeof CONNECTION_TEST_STEPS)[number];

export const ConnectionTestResultSchema = z.object({
  ok: z.boolean(),
  /** The endpoint a backup program should use (the public one), for display. */
  endpoint: z.string(),
  bucket: z.string(),
  write: z.boolean(),
  /** One plain-words sentence in the caller's language. */
  summary: z.string(),
  steps: z.array(
    z.object({
      step: z.enum(CONNECTION_TEST_STEPS),
      status: z.enum(['ok', 'failed', 'skipped']),
      durationMs: z.number().int(),
      /** Machine code of the explanation (`connection_test_wrong_secret`…) when failed or skipped. */
      code: z.string().nullable(),
      /** The S3 error code the server answered, when there was one (`SignatureDoesNotMatch`…). */
      s3Code: z.string().nullable(),
      message: z.string().nullable(),
    }),
  ),
});
