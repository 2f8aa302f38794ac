import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { MinioAdminClient } from '@csp/minio-admin';
import { AdjustableClock } from '../../src/common/clock';
import { AccessKeysService } from '../../src/modules/storage/access-keys/access-keys.service';
import { WorkerModule } from '../../src/worker.module';
import { rootAdmin, approvedAccount, startTestApi, type TestApi } from '../support/harness';
import { createStaff, openSession } from '../support/grants';

/**
 * The business clock (ADR 0008): a deadline stored in business time passes when the clock is moved
 * forward and the scan runs, without waiting. Here the rotation grace of an access key (the
 * production default of 7 days), and a support grant's window.
 */
let api: TestApi;
let admin: MinioAdminClient;
let worker: INestApplicationContext;
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  api = await startTestApi({ BUSINESS_CLOCK: 'adjustable' });
  admin = rootAdmin(api);
  worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(api.config), { logger: false });
});
afterAll(async () => {
  AdjustableClock.reset();
  await worker?.close();
  await api?.close();
});

describe('the business clock', () => {
  it('a rotation grace of 7 days ends when the clock passes it and the sweep runs, not before', async () => {
    expect(api.config.KEY_ROTATION_GRACE_SECONDS).toBe(7 * 24 * 3600);
    const { owner } = await approvedAccount(api, 'clock');
    const made = await owner.post<{ key: { id: string; accessKeyId: string } }>('/api/v1/access-keys', {
      name: 'app',
    });
    expect(made.status).toBe(201);
    const rotated = await owner.post<{ previous: { graceEndsAt: string } }>(
      `/api/v1/access-keys/${made.body.key.id}/rotate`,
    );
    expect(rotated.status).toBe(201);
    const graceEndsAt = new Date(rotated.body.previous.graceEndsAt).getTime();
    expect(graceEndsAt - Date.now()).toBeGreaterThan(7 * DAY - 60_000);

    const sweep = () => worker.get(AccessKeysService).deactivateDueKeys();
    AdjustableClock.advance(6 * DAY);
    await sweep();
    expect((await admin.infoServiceAccount(made.body.key.accessKeyId))?.accountStatus).toBe('on');

    AdjustableClock.advance(DAY + 60_000);
    await sweep();
    expect((await admin.infoServiceAccount(made.body.key.accessKeyId))?.accountStatus).toBe('off');
    const keys = await owner.get<{
      items: Array<{ id: string; status: string; graceEndsAt: string | null }>;
    }>('/api/v1/access-keys');
    expect(keys.body.items.find((k) => k.id === made.body.key.id)).toMatchObject({
      status: 'inactive',
      graceEndsAt: null,
    });
  });
  it("a grant's window is business time: when the clock passes its end, its session and entering stop", async () => {
    const { owner } = await approvedAccount(api, 'clockgrant');
    const support = await createStaff(api, 'support');
    const staff = await openSession(api, { staffId: support.id });
    // Ends in 3 business days: longer than any staff session, so only the window can end it.
    const endsAt = new Date(new AdjustableClock().now().getTime() + 3 * DAY).toISOString();
    const grant = await owner.api.POST('/api/v1/grants', {
      body: {
        staffId: support.id,
        scope: 'read',
        reason: 'Chamado #77: conferir a configuração de backup',
        endsAt,
      },
    });
    expect(grant.response.status, JSON.stringify(grant.error)).toBe(201);
    const grantId = grant.data!.id;
    const entered = await staff.post(`/api/v1/staff/grants/${grantId}/enter`);
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    expect((await staff.get('/api/v1/buckets')).status).toBe(200);

    AdjustableClock.advance(2 * DAY);
    expect((await staff.get('/api/v1/buckets')).status).toBe(200);

    AdjustableClock.advance(DAY + 60_000);
    expect((await staff.get('/api/v1/buckets')).status).toBe(401);
    const again = await staff.post(`/api/v1/staff/grants/${grantId}/enter`);
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('grant_inactive');
    const listed = await owner.api.GET('/api/v1/grants');
    expect(listed.data?.items.find((g) => g.id === grantId)?.status).toBe('ended');
  });
});
