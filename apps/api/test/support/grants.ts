import { randomBytes } from 'node:crypto';
import { sessions, staffMembers, users } from '@csp/db';
import { randomToken, sha256Hex } from '../../src/common/crypto';
import { hashPassword } from '../../src/modules/identity/login/password';
import type { TestApi } from './harness';
import type { HttpSession } from './http';

const HOUR = 3_600_000;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${++counter}${randomBytes(2).toString('hex')}`;

/**
 * A provider staff member made directly in the database (support and partner staff have no
 * self-service sign-up), with a staff session opened directly too: these tests are about grants,
 * not about the staff login and its second factor.
 */
export async function createStaff(
  api: TestApi,
  role: 'support' | 'partner',
  fullName = `Suporte ${unique()}`,
) {
  const email = `${role}-${unique()}@staff.test`;
  const [row] = await api.db
    .insert(staffMembers)
    // Enrolled in TOTP (mandatory for staff): these tests open sessions directly, never with the code.
    .values({
      fullName,
      email,
      role,
      passwordHash: await hashPassword('Staff-Password-2026'),
      totpSecret: 'unused',
      totpEnabledAt: new Date(),
    })
    .returning();
  return { id: row.id, email, fullName };
}

/** A customer member of the account made directly in the database, with an open session. */
export async function createMember(api: TestApi, accountId: string, role: 'admin' | 'developer') {
  const email = `${role}-${unique()}@membro.test`;
  const [row] = await api.db
    .insert(users)
    .values({
      accountId,
      fullName: `Membro ${role}`,
      email,
      role,
      passwordHash: await hashPassword('Membro-Seguro-2026'),
    })
    .returning();
  return { id: row.id, email, session: await openSession(api, { userId: row.id }) };
}

/** A session row made in the database and its cookie in a fresh HttpSession. */
export async function openSession(api: TestApi, subject: { userId: string } | { staffId: string }) {
  const token = randomToken(32);
  const now = Date.now();
  await api.db.insert(sessions).values({
    tokenHash: sha256Hex(token),
    userId: 'userId' in subject ? subject.userId : null,
    staffId: 'staffId' in subject ? subject.staffId : null,
    idleExpiresAt: new Date(now + HOUR),
    absoluteExpiresAt: new Date(now + 8 * HOUR),
  });
  const session: HttpSession = api.session();
  session.setCookie('userId' in subject ? 'csp_session' : 'csp_staff_session', token);
  return session;
}

export function inHours(hours: number) {
  return new Date(Date.now() + hours * HOUR).toISOString();
}
