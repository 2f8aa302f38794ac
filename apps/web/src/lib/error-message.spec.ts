import { describe, expect, it } from 'vitest';
import { ptBR } from '../i18n/pt-BR';
import { ApiError } from './api';
import { errorMessage } from './error-message';

describe('errorMessage', () => {
  it("prefers the API's own message", () => {
    const error = new ApiError(409, { code: 'bucket_not_empty', message: 'O bucket não está vazio.' });
    expect(errorMessage(error, ptBR)).toBe('O bucket não está vazio.');
  });

  it('explains network failures and a down API', () => {
    expect(errorMessage(new ApiError(0, {}), ptBR)).toBe(ptBR.errors.network);
    expect(errorMessage(new ApiError(502, {}), ptBR)).toBe(ptBR.errors.serviceUnavailable);
  });

  it('falls back to a generic message', () => {
    expect(errorMessage(new ApiError(400, {}), ptBR)).toBe(ptBR.errors.generic);
    expect(errorMessage(new Error('boom'), ptBR)).toBe(ptBR.errors.generic);
  });
});
