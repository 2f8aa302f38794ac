import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { platformSettings } from '@csp/db';
import { approvedAccount, startTestApi, type TestApi } from '../support/harness';
import { createStaff, inHours, openSession } from '../support/grants';
import { HttpSession } from '../support/http';

/** Attacks on the limits of a grant: what staff inside an account must not be able to do. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterEach(async () => {
  // The staff login rules are platform-wide: never leave a restriction behind.
  await api.db.delete(platformSettings).where(eq(platformSettings.key, 'staff_login'));
});
afterAll(async () => {
  await api?.close();
});

async function enteredGrant(label: string, scope: 'read' | 'full') {
  const { accountId, owner } = await approvedAccount(api, label);
  const support = await createStaff(api, 'support');
  const staff = await openSession(api, { staffId: support.id });
  const created = await owner.post<{ id: string }>('/api/v1/grants', {
    staffId: support.id,
    scope,
    reason: 'Chamado #42: revisão de configuração',
    endsAt: inHours(2),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const entered = await staff.post(`/api/v1/staff/grants/${created.body.id}/enter`);
  expect(entered.status, JSON.stringify(entered.body)).toBe(200);
  return { accountId, owner, support, staff, grantId: created.body.id };
}

describe('a grant session is not a staff session (L6)', () => {
  it('the csp_session token of a grant does not open the staff API as csp_staff_session', async () => {
    const { staff } = await enteredGrant('l6', 'read');
    const token = staff.cookie('csp_session')!;
    const thief = new HttpSession(api.baseUrl);
    thief.setCookie('csp_staff_session', token);
    const res = await thief.get('/api/v1/staff/me');
    expect(res.status).toBe(401);
  });
});
