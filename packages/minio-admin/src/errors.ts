/** Error thrown by every MinioAdminClient call; `code` is MinIO's error Code or one of ours. */
export class MinioAdminError extends Error {
  /** MinIO's `Code` (e.g. `XMinioAdminNoSuchUser`), or `NetworkError` / `InvalidResponse` from the client. */
  readonly code: string;
  /** HTTP status; 0 when no response was received. */
  readonly statusCode: number;
  readonly requestId?: string;

  constructor(init: {
    code: string;
    statusCode: number;
    message: string;
    requestId?: string;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'MinioAdminError';
    this.code = init.code;
    this.statusCode = init.statusCode;
    this.requestId = init.requestId;
  }
}

export function isMinioAdminError(err: unknown, code?: string): err is MinioAdminError {
  return err instanceof MinioAdminError && (code === undefined || err.code === code);
}

/** MinIO's codes for a service account it does not have (deleted, or never made). */
export const SERVICE_ACCOUNT_NOT_FOUND_CODES = [
  'XMinioInvalidIAMCredentials',
  'XMinioAdminServiceAccountNotFound',
];

/** Whether MinIO answered that the service account does not exist. */
export function isServiceAccountNotFound(err: unknown): err is MinioAdminError {
  return err instanceof MinioAdminError && SERVICE_ACCOUNT_NOT_FOUND_CODES.includes(err.code);
}
