import { randomBytes } from 'node:crypto';
import { readMail } from '@csp/local-services';
import type { TestApi } from './harness';
import type { HttpSession } from './http';

export type CustomerRole = 'owner' | 'admin' | 'developer' | 'external_client';
export const MEMBER_PASSWORD = 'Convite-Seguro-2026';

let counter = 0;
export function newMemberEmail(label: string) {
  counter += 1;
  return `${label}-${Date.now().toString(36)}${counter}${randomBytes(2).toString('hex')}@membro.test`;
}

/** The invitation link's token, from the real e-mail. */
export async function invitationTokenFromMail(api: TestApi, to: string, since: Date) {
  const mail = await readMail(api.mailUrl, { to, since, subjectIncludes: 'onvite' });
  const match = /\/convite\?token=([A-Za-z0-9_%-]+)/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in: ${mail.text}`);
  return { token: decodeURIComponent(match[1]), mail };
}

/**
 * A real member of the owner's account, made through the invitation flow: invite -> e-mail ->
 * accept with name and password -> sign in.
 */
export async function inviteMember(
  api: TestApi,
  owner: HttpSession,
  role: Exclude<CustomerRole, 'owner'>,
  buckets: Array<{ bucketId: string; access: 'read' | 'full' }> = [],
) {
  const email = newMemberEmail(role.replace('_', '-'));
  const since = new Date(Date.now() - 1000);
  const invited = await owner.post<{ id: string }>('/api/v1/team/invitations', { email, role, buckets });
  if (invited.status !== 201)
    throw new Error(`invite answered ${invited.status}: ${JSON.stringify(invited.body)}`);
  const { token } = await invitationTokenFromMail(api, email, since);
  const anon = api.session();
  const accepted = await anon.post('/api/v1/invitations/accept', {
    token,
    fullName: `Membro ${role} Teste`,
    password: MEMBER_PASSWORD,
  });
  if (accepted.status !== 201)
    throw new Error(`accept answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
  const session = await signIn(api, email);
  const me = await session.get<{ user: { id: string } }>('/api/v1/me');
  return { email, session, userId: me.body.user.id, invitationId: invited.body.id };
}

export async function signIn(api: TestApi, email: string, password = MEMBER_PASSWORD) {
  const session = api.session();
  const login = await session.post('/api/v1/auth/login', { email, password });
  if (login.status !== 200)
    throw new Error(`login of ${email} answered ${login.status}: ${JSON.stringify(login.body)}`);
  return session;
}
