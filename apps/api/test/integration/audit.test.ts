import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditEntries } from '@csp/db';
import { approvedAccount, staffSession, startTestApi, type TestApi } from '../support/harness';
import { createMember, createStaff, inHours, openSession } from '../support/grants';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

interface Entry {
  id: string;
  action: string;
  createdAt: string;
  resourceType: string | null;
  actor: { type: string; id: string | null; name: string | null; email: string | null };
  grant: { id: string } | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
  account: { id: string } | null;
}
interface Page {
  items: Entry[];
  nextCursor: string | null;
  storageOnly: boolean;
}

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF), for reading the export back. */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('the account audit log', () => {
  it('the Owner sees every entry with filters and pagination; the export reads back and is audited itself', async () => {
    const { accountId, owner, input } = await approvedAccount(api, 'audit');
    const bucket = `audit-${Date.now().toString(36)}`;
    expect((await owner.post('/api/v1/buckets', { name: bucket })).status).toBe(201);
    // A name crafted to break naive CSV and spreadsheets: separator, quotes, a formula.
    const trickyName = '=HYPERLINK("x";"y"), a;b';
    expect((await owner.post('/api/v1/access-keys', { name: trickyName })).status).toBe(201);

    const all = await owner.get<Page>('/api/v1/audit');
    expect(all.status).toBe(200);
    expect(all.body.storageOnly).toBe(false);
    const actions = all.body.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['account.signup', 'account.approved', 'bucket.created', 'access_key.created']),
    );
    expect(all.body.items.every((e) => e.account?.id === accountId)).toBe(true);
    const created = all.body.items.find((e) => e.action === 'bucket.created')!;
    expect(created.actor).toMatchObject({ type: 'user', email: input.email, name: input.fullName });
    expect(created.ip).toMatch(/^10\./);
    expect(created.resourceType).toBe('bucket');

    // Filters
    const byAction = await owner.get<Page>('/api/v1/audit?action=bucket.created');
    expect(byAction.body.items.map((e) => e.action)).toEqual(['bucket.created']);
    const byType = await owner.get<Page>('/api/v1/audit?resourceType=access_key');
    expect(byType.body.items.every((e) => e.resourceType === 'access_key')).toBe(true);
    expect(byType.body.items.map((e) => e.action)).toContain('access_key.created');
    const byActor = await owner.get<Page>(
      `/api/v1/audit?actor=${encodeURIComponent(input.email.slice(0, 12))}`,
    );
    expect(byActor.body.items.length).toBeGreaterThan(0);
    expect(byActor.body.items.every((e) => e.actor.email === input.email)).toBe(true);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await owner.get<Page>(`/api/v1/audit?from=${tomorrow}`)).body.items).toEqual([]);
    const today = await owner.get<Page>(`/api/v1/audit?from=2020-01-01&to=${tomorrow}`);
    expect(today.body.items.length).toBe(all.body.items.length);
    expect((await owner.get('/api/v1/audit?from=2026-02-02&to=2026-01-01')).status).toBe(400);
    expect((await owner.get('/api/v1/audit?from=ontem')).status).toBe(400);
    expect(
      (await owner.get<Page>('/api/v1/audit?staffOnly=true')).body.items.every(
        (e) => e.actor.type === 'staff',
      ),
    ).toBe(true);

    // Pagination: pages of one, no overlap, in order.
    const first = await owner.get<Page>('/api/v1/audit?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBe(first.body.items[0].id);
    const second = await owner.get<Page>(`/api/v1/audit?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id).toBe(all.body.items[1].id);

    // CSV
    const csv = await owner.request<string>('GET', '/api/v1/audit/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="auditoria-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const rows = parseCsv(csv.body.replace(/^\uFEFF/, ''), ';');
    expect(rows[0][0]).toBe('Data/hora (Brasília)');
    expect(rows[0]).toContain('Ação');
    expect(rows).toHaveLength(all.body.items.length + 1);
    const actionCol = rows[0].indexOf('Ação');
    expect(rows.slice(1).map((r) => r[actionCol])).toEqual(all.body.items.map((e) => e.action));
    expect(rows[1][0]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    const keyRow = rows.find((r) => r[actionCol] === 'access_key.created')!;
    const details = JSON.parse(keyRow[rows[0].indexOf('Detalhes')]) as { name: string };
    expect(details.name).toBe(trickyName);
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true);

    const filtered = await owner.request<string>('GET', '/api/v1/audit/export.csv?action=bucket.created');
    expect(parseCsv(filtered.body.replace(/^\uFEFF/, ''), ';')).toHaveLength(2);
    const exported = await owner.get<Page>('/api/v1/audit?action=audit.exported');
    expect(exported.body.items).toHaveLength(2);
    expect(exported.body.items[0].details).toMatchObject({ filters: { action: 'bucket.created' } });
  });

  it('a formula-looking cell is neutralised in the CSV', async () => {
    const { owner } = await approvedAccount(api, 'auditf');
    expect((await owner.post('/api/v1/access-keys', { name: '=1+1' })).status).toBe(201);
    const csv = await owner.request<string>(
      'GET',
      '/api/v1/audit/export.csv?resourceType=access_key',
      undefined,
      {
        'accept-language': 'en',
      },
    );
    const rows = parseCsv(csv.body.replace(/^\uFEFF/, ''), ',');
    expect(rows[0][0]).toBe('Time (Brasília)');
    // The key name is inside the JSON details; the resource id cell never starts with "=" either.
    expect(rows.slice(1).every((r) => r.every((cell) => !/^[=+@]/.test(cell)))).toBe(true);
  });

  it('Admins see storage events only; developers are refused', async () => {
    const { accountId, owner } = await approvedAccount(api, 'auditadm');
    expect((await owner.post('/api/v1/buckets', { name: `adm-${Date.now().toString(36)}` })).status).toBe(
      201,
    );
    const admin = await createMember(api, accountId, 'admin');
    const page = await admin.session.get<Page>('/api/v1/audit');
    expect(page.status).toBe(200);
    expect(page.body.storageOnly).toBe(true);
    expect(page.body.items.length).toBeGreaterThan(0);
    expect(page.body.items.every((e) => e.resourceType === 'bucket' || e.resourceType === 'access_key')).toBe(
      true,
    );
    expect(page.body.items.map((e) => e.action)).not.toContain('account.signup');
    // Asking for more does not widen it.
    expect((await admin.session.get<Page>('/api/v1/audit?resourceType=account')).body.items).toEqual([]);
    const csv = await admin.session.request<string>('GET', '/api/v1/audit/export.csv');
    expect(csv.body).not.toContain('account.signup');

    const developer = await createMember(api, accountId, 'developer');
    expect((await developer.session.get('/api/v1/audit')).status).toBe(403);
    expect((await developer.session.get('/api/v1/audit/export.csv')).status).toBe(403);
  });

  it('work done under a grant is marked with the staff member and the grant, in the log and the CSV', async () => {
    const { owner } = await approvedAccount(api, 'auditgrant');
    const support = await createStaff(api, 'support', 'Carla Atendimento');
    const staff = await openSession(api, { staffId: support.id });
    const grant = await owner.post<{ id: string }>('/api/v1/grants', {
      staffId: support.id,
      scope: 'full',
      reason: 'Configurar backup',
      endsAt: inHours(1),
    });
    expect((await staff.post(`/api/v1/staff/grants/${grant.body.id}/enter`)).status).toBe(200);
    expect((await staff.post('/api/v1/buckets', { name: `ag-${Date.now().toString(36)}` })).status).toBe(201);

    const onlyStaff = await owner.get<Page>('/api/v1/audit?staffOnly=true');
    // Staff actions only: the approval by the super admin, and the work under the grant (the
    // bucket, and the access log entry of the request that made it).
    expect(onlyStaff.body.items.map((e) => e.action).sort()).toEqual([
      'account.approved',
      'bucket.created',
      'grant.entered',
      'grant.request',
    ]);
    expect(onlyStaff.body.items.every((e) => e.actor.type === 'staff')).toBe(true);
    const underGrant = await owner.get<Page>(`/api/v1/audit?grantId=${grant.body.id}`);
    expect(underGrant.body.items.map((e) => e.action).sort()).toEqual([
      'bucket.created',
      'grant.entered',
      'grant.request',
    ]);
    const byStaffName = await owner.get<Page>('/api/v1/audit?actor=Carla');
    expect(byStaffName.body.items).toHaveLength(3);
    const csv = await owner.request<string>('GET', `/api/v1/audit/export.csv?grantId=${grant.body.id}`);
    const rows = parseCsv(csv.body.replace(/^\uFEFF/, ''), ';');
    expect(rows[1][rows[0].indexOf('Ator')]).toBe('Carla Atendimento (via autorização)');
    expect(rows[1][rows[0].indexOf('Autorização')]).toContain(grant.body.id);
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    const { accountId } = await approvedAccount(api, 'auditro');
    const [entry] = await api.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.accountId, accountId))
      .limit(1);
    await expect(
      api.db.update(auditEntries).set({ action: 'tampered' }).where(eq(auditEntries.id, entry.id)),
    ).rejects.toThrow();
    await expect(api.db.delete(auditEntries).where(eq(auditEntries.id, entry.id))).rejects.toThrow();
    await expect(api.db.execute(sql`truncate audit_entries`)).rejects.toThrow();
    const [still] = await api.db.select().from(auditEntries).where(eq(auditEntries.id, entry.id));
    expect(still.action).toBe(entry.action);
  });
});

describe('the platform audit log (staff)', () => {
  it('super admins see every account, filter by one, and export; others are refused', async () => {
    const a = await approvedAccount(api, 'staffauda');
    await approvedAccount(api, 'staffaudb');
    const root = await staffSession(api);
    const all = await root.get<Page>('/api/v1/staff/audit?limit=200');
    expect(all.status).toBe(200);
    expect(new Set(all.body.items.map((e) => e.account?.id)).size).toBeGreaterThan(1);
    const one = await root.get<Page>(`/api/v1/staff/audit?accountId=${a.accountId}`);
    expect(one.body.items.length).toBeGreaterThan(0);
    expect(one.body.items.every((e) => e.account?.id === a.accountId)).toBe(true);
    const csv = await root.request<string>('GET', `/api/v1/staff/audit/export.csv?accountId=${a.accountId}`);
    expect(csv.status).toBe(200);
    const rows = parseCsv(csv.body.replace(/^\uFEFF/, ''), ';');
    expect(rows[0]).toContain('Conta');
    expect(rows).toHaveLength(one.body.items.length + 1);

    const support = await createStaff(api, 'support');
    const supportSession = await openSession(api, { staffId: support.id });
    expect((await supportSession.get('/api/v1/staff/audit')).status).toBe(403);
    // Customers never reach the staff log.
    expect((await a.owner.get('/api/v1/staff/audit')).status).toBe(401);
  });
});
