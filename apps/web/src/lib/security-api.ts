// Calls of the security feature (login steps, recovery, 2FA, sessions, profile), over the same
// generated client as lib/api.ts, with the same error handling (ApiError, translated message).
import { createApiClient as createGeneratedClient, type paths } from '@csp/api-client';
import { ApiError, type ApiErrorBody } from './api';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Path extends keyof paths, M extends 'get' | 'post' | 'patch'> = paths[Path][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer X }
    ? Json<X>
    : R extends { 201: infer X }
      ? Json<X>
      : never
  : never;

export type LoginResult = Ok<'/api/v1/auth/login', 'post'>;
export type PasskeyItem = Ok<'/api/v1/me/two-factor/passkeys', 'get'>['passkeys'][number];
type PasskeyAssertion = NonNullable<
  NonNullable<
    paths['/api/v1/auth/login/second-factor']['post']['requestBody']
  >['content']['application/json']['passkey']
>;
type PasskeyAttestation = NonNullable<
  paths['/api/v1/me/two-factor/passkeys']['post']['requestBody']
>['content']['application/json']['response'];
export type SecurityOverview = Ok<'/api/v1/me/security', 'get'>;
export type TotpSetup = Ok<'/api/v1/me/two-factor/totp/setup', 'post'>;
export type SessionItem = Ok<'/api/v1/me/sessions', 'get'>['items'][number];
export type LoginHistoryItem = Ok<'/api/v1/me/login-history', 'get'>['items'][number];
export type Profile = Ok<'/api/v1/me/profile', 'get'>;
export type StaffLoginSettings = Ok<'/api/v1/staff/settings/login', 'get'>;
export type StaffMemberItem = Ok<'/api/v1/staff/members', 'get'>['items'][number];

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, { code: 'network_error' });
  }
  if (result.response.ok) return result.data as T;
  const raw = (result.error && typeof result.error === 'object' ? result.error : {}) as ApiErrorBody & {
    fields?: unknown;
  };
  const fields: Record<string, string> = {};
  if (raw.fields && typeof raw.fields === 'object')
    for (const [k, v] of Object.entries(raw.fields)) if (typeof v === 'string') fields[k] = v;
  throw new ApiError(result.response.status, {
    ...raw,
    message: typeof raw.message === 'string' ? raw.message : undefined,
    fields,
  });
}

const client = createGeneratedClient('', {
  headers: { accept: 'application/json' },
  fetch: (request: Request) => fetch(request, { cache: 'no-store' }),
});

export const securityApi = {
  /** A proof-of-work challenge for a login of `email` (it only works with that e-mail). */
  captcha: (email: string) => unwrap(client.GET('/api/v1/auth/captcha', { params: { query: { email } } })),
  login: (body: {
    email: string;
    password: string;
    remember?: boolean;
    captcha?: { id: string; nonce: string };
  }) => unwrap(client.POST('/api/v1/auth/login', { body })),
  secondFactor: (body: {
    challengeToken: string;
    code?: string;
    recoveryCode?: string;
    passkey?: PasskeyAssertion;
  }) => unwrap(client.POST('/api/v1/auth/login/second-factor', { body })),
  loginPasskeyOptions: (challengeToken: string) =>
    unwrap(client.POST('/api/v1/auth/login/second-factor/passkey-options', { body: { challengeToken } })),
  forgotPassword: (email: string) => unwrap(client.POST('/api/v1/auth/forgot-password', { body: { email } })),
  resetPassword: (token: string, password: string) =>
    unwrap(client.POST('/api/v1/auth/reset-password', { body: { token, password } })),

  staffLogin: (body: { email: string; password: string; captcha?: { id: string; nonce: string } }) =>
    unwrap(client.POST('/api/v1/staff/auth/login', { body })),
  staffSecondFactor: (body: { challengeToken: string; code?: string; recoveryCode?: string }) =>
    unwrap(client.POST('/api/v1/staff/auth/login/second-factor', { body })),
  staffOverview: () => unwrap(client.GET('/api/v1/staff/me/security')),
  staffChangePassword: (currentPassword: string, newPassword: string) =>
    unwrap(client.POST('/api/v1/staff/me/password', { body: { currentPassword, newPassword } })),
  staffRegenerateRecoveryCodes: (password: string, code: string) =>
    unwrap(client.POST('/api/v1/staff/me/two-factor/recovery-codes', { body: { password, code } })),
  staffStartTotp: () => unwrap(client.POST('/api/v1/staff/two-factor/totp/setup')),
  staffConfirmTotp: (code: string) =>
    unwrap(client.POST('/api/v1/staff/two-factor/totp/confirm', { body: { code } })),
  staffLoginSettings: () => unwrap(client.GET('/api/v1/staff/settings/login')),
  staffSetLoginSettings: (body: StaffLoginSettings) =>
    unwrap(client.PUT('/api/v1/staff/settings/login', { body })),

  staffMembers: () => unwrap(client.GET('/api/v1/staff/members')),
  staffCreateMember: (body: { fullName: string; email: string; role: StaffMemberItem['role'] }) =>
    unwrap(client.POST('/api/v1/staff/members', { body })),
  staffSetMemberRole: (id: string, role: StaffMemberItem['role']) =>
    unwrap(client.POST('/api/v1/staff/members/{id}/role', { params: { path: { id } }, body: { role } })),
  staffDisableMember: (id: string) =>
    unwrap(client.POST('/api/v1/staff/members/{id}/disable', { params: { path: { id } } })),
  staffEnableMember: (id: string) =>
    unwrap(client.POST('/api/v1/staff/members/{id}/enable', { params: { path: { id } } })),

  overview: () => unwrap(client.GET('/api/v1/me/security')),
  setTwoFactorPolicy: (requireTwoFactor: boolean) =>
    unwrap(client.PUT('/api/v1/account/two-factor-policy', { body: { requireTwoFactor } })),
  startTotp: () => unwrap(client.POST('/api/v1/me/two-factor/totp/setup')),
  confirmTotp: (code: string) =>
    unwrap(client.POST('/api/v1/me/two-factor/totp/confirm', { body: { code } })),
  disableTwoFactor: (password: string, code: string) =>
    unwrap(client.POST('/api/v1/me/two-factor/disable', { body: { password, code } })),
  regenerateRecoveryCodes: (password: string, code: string) =>
    unwrap(client.POST('/api/v1/me/two-factor/recovery-codes', { body: { password, code } })),
  passkeys: () => unwrap(client.GET('/api/v1/me/two-factor/passkeys')),
  passkeyOptions: () => unwrap(client.POST('/api/v1/me/two-factor/passkeys/options')),
  registerPasskey: (name: string, response: PasskeyAttestation) =>
    unwrap(client.POST('/api/v1/me/two-factor/passkeys', { body: { name, response } })),
  passkeyReauthOptions: () => unwrap(client.POST('/api/v1/me/two-factor/passkeys/reauth-options')),
  /** Removal asks for the password and one second factor (TOTP code, recovery code or a passkey). */
  removePasskey: (
    id: string,
    proof: { password: string; code?: string; recoveryCode?: string; passkey?: PasskeyAssertion },
  ) =>
    unwrap(client.DELETE('/api/v1/me/two-factor/passkeys/{id}', { params: { path: { id } }, body: proof })),
  sessions: () => unwrap(client.GET('/api/v1/me/sessions')),
  endSession: (id: string) => unwrap(client.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } })),
  endOtherSessions: () => unwrap(client.DELETE('/api/v1/me/sessions')),
  loginHistory: () => unwrap(client.GET('/api/v1/me/login-history')),
  changePassword: (currentPassword: string, newPassword: string) =>
    unwrap(client.POST('/api/v1/me/password', { body: { currentPassword, newPassword } })),
  startEmailChange: (newEmail: string, password: string) =>
    unwrap(client.POST('/api/v1/me/email-change', { body: { newEmail, password } })),
  confirmEmailChange: (requestId: string, code: string) =>
    unwrap(client.POST('/api/v1/me/email-change/confirm', { body: { requestId, code } })),
  profile: () => unwrap(client.GET('/api/v1/me/profile')),
  updateProfile: (body: Partial<Omit<Profile, 'email'>>) =>
    unwrap(client.PATCH('/api/v1/me/profile', { body })),
};
