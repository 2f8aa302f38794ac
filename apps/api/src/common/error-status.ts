import type { MessageCode } from './messages';

/**
 * The HTTP status of every error code, in one place: AppExceptionFilter answers with the status
 * given here, whatever a throw site passed, and a unit test (error-status.spec.ts) fails when a
 * throw site names a code with another status or a code missing here. A code listed with two
 * statuses means the same thing in two situations; the throw site picks one of them.
 */
export const ERROR_STATUS = {
  // 400: Bad input
  access_key_bucket_not_found: 400,
  access_key_scope_too_large: 400,
  captcha_invalid: 400,
  captcha_required: 400,
  current_password_invalid: 400,
  field_invalid: 400,
  object_marker_invalid: 400,
  object_parts_mismatch: 400,
  team_password_confirm_invalid: 400,
  invalid_code: 400,
  passkey_challenge_expired: 400,
  passkey_invalid: 400,
  passkey_not_allowed: 400,
  password_needs_digit: 400,
  password_needs_uppercase: 400,
  password_too_common: 400,
  password_too_long: 400,
  password_too_short: 400,
  quota_request_same: 400,
  reset_token_invalid: 400,
  session_current: 400,
  staff_self_change: 400,
  team_cannot_target_self: 400,
  two_factor_setup_missing: 400,
  validation_failed: 400,
  // 401: Not signed in, or the credentials are wrong
  api_token_invalid: 401,
  invalid_credentials: 401,
  second_factor_expired: 401,
  unauthenticated: 401,
  // 403: Signed in, but not allowed
  account_canceled: 403,
  account_pending: 403,
  account_rejected: 403,
  account_suspended: 403,
  api_token_not_allowed: 403,
  forbidden: 403,
  grant_inactive: 403,
  grant_not_allowed: 403,
  grant_persistent_access_not_allowed: 403,
  object_write_not_allowed: 403,
  origin_not_allowed: 403,
  staff_ip_not_allowed: 403,
  staff_outside_hours: 403,
  staff_two_factor_required: 403,
  two_factor_enrolment_required: 403,
  user_disabled: 403,
  // 404: Nothing this caller can reach
  connection_test_key_not_found: 404,
  not_found: 404,
  object_not_found: 404,
  object_upload_invalid: 404,
  route_not_found: 404,
  team_invitation_invalid: 404,
  // 409: Conflicts with the current state
  access_key_already_rotated: 409,
  access_key_expired: 409,
  access_key_limit_reached: 409,
  access_key_not_active: 409,
  access_key_revoked: 409,
  account_not_pending: 409,
  api_token_limit_reached: 409,
  bucket_limit_reached: 409,
  bucket_name_taken: 409,
  bucket_not_empty: 409,
  bucket_not_empty_locked: 409,
  bucket_not_empty_versions: 409,
  bucket_object_lock_off: 409,
  bucket_versioning_locked: 409,
  document_taken: 409,
  email_taken: 409,
  object_folder_exists: 409,
  object_writes_blocked: 409,
  passkey_exists: 409,
  provisioning_in_progress: 409,
  quota_account_inactive: 409,
  quota_request_not_pending: 409,
  quota_request_pending: 409,
  reconciler_already_running: 409,
  signup_already_verified: 409,
  team_email_has_user: 409,
  team_email_is_member: 409,
  team_invitation_open: 409,
  team_invitation_send_limit: 409,
  team_owner_immutable: 409,
  team_transfer_target_invalid: 409,
  two_factor_already_enabled: 409,
  two_factor_not_enabled: 409,
  // 410: Gone: used, expired or spent
  code_expired: 410,
  secret_already_revealed: 410,
  team_invitation_expired: 410,
  too_many_attempts: 410,
  // 429: Too many, wait
  login_locked: 429,
  rate_limited: 429,
  reauth_locked: 429,
  team_invitation_resend_wait: 429,
  // 500: Our fault
  internal_error: 500,
  response_invalid: 500,
  // 502: The storage backend failed
  provisioning_failed: 502,
  // 503: Unavailable for now, retry
  server_busy: 503,
  storage_unavailable: 503,
  // A request Fastify refused before any handler: unreadable (400), too large (413), not JSON (415).
  payload_invalid: [400, 413, 415],
  // 401 when a sign-in's second step fails, 400 when a code confirming an action while signed in is wrong.
  second_factor_invalid: [400, 401],
} as const satisfies Partial<Record<MessageCode, number | readonly number[]>>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The status to answer for `code`: the table's; a status the thrown error had only for codes not in it. */
export function statusFor(code: MessageCode, thrown: number): number {
  const entry = (ERROR_STATUS as Partial<Record<MessageCode, number | readonly number[]>>)[code];
  if (entry === undefined) return thrown;
  if (typeof entry === 'number') return entry;
  return entry.includes(thrown) ? thrown : entry[0];
}
