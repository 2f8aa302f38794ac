import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { MinioAdminClient } from '@csp/minio-admin';
import { AdjustableClock } from '../../src/common/clock';
import { AccessKeysService } from '../../src/modules/storage/access-keys.service';
import { WorkerModule } from '../../src/worker.module';
import { rootAdmin, approvedAccount, startTestApi, type TestApi } from '../support/harness';

/**
 * The business clock (ADR 0008): a deadline stored in business time passes when the clock is moved
 * forward and the scan runs, without waiting. Here the rotation grace of an access key (the
 * production default of 7 days).
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
});
