import { Reflector } from '@nestjs/core';
import { lastValueFrom, of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppConfig } from '../config/config';
import { AppException } from './app-exception';
import { RESPONSE_SCHEMA } from './endpoint.decorator';
import { ResponseValidationInterceptor } from './response-validation.interceptor';

const Schema = z.object({ id: z.uuid(), createdAt: z.string(), size: z.number() });
const handler = () => undefined;
Reflect.defineMetadata(RESPONSE_SCHEMA, Schema, handler);

const context = {
  getHandler: () => handler,
  switchToHttp: () => ({ getRequest: () => ({ method: 'GET', url: '/x', routeOptions: { url: '/x' } }) }),
} as never;

function answer(value: unknown, mode?: AppConfig['RESPONSE_VALIDATION'], env = 'test') {
  const interceptor = new ResponseValidationInterceptor(new Reflector(), {
    NODE_ENV: env,
    RESPONSE_VALIDATION: mode,
  } as AppConfig);
  return lastValueFrom(interceptor.intercept(context, { handle: () => of(value) }));
}

const good = { id: '6a1f1e1e-8a5b-4b52-9c3e-1f2d3c4b5a69', createdAt: new Date(0), size: 3 };

describe('ResponseValidationInterceptor', () => {
  it('passes an answer that matches its schema as the client reads it (a Date is a string on the wire)', async () => {
    await expect(answer(good)).resolves.toBe(good);
  });

  it('answers 500 response_invalid outside production when the answer breaks its schema', async () => {
    const error = await answer({ ...good, size: '3' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppException);
    expect((error as AppException).status).toBe(500);
    expect((error as AppException).code).toBe('response_invalid');
  });

  it('only logs in `log` mode, and is off by default in production', async () => {
    const bad = { ...good, id: 'nope' };
    await expect(answer(bad, 'log')).resolves.toBe(bad);
    await expect(answer(bad, undefined, 'production')).resolves.toBe(bad);
    await expect(answer(bad, 'strict', 'production')).rejects.toBeInstanceOf(AppException);
  });
});
