import { describe, expect, it } from 'vitest';
import { classifyDocument, formatDocument, isValidCnpj, isValidCpf, normalizeDocument } from './document';

describe('CPF', () => {
  it.each(['529.982.247-25', '52998224725', '111.444.777-35'])('accepts %s', (cpf) => {
    expect(isValidCpf(cpf)).toBe(true);
  });
  it.each(['529.982.247-24', '111.111.111-11', '000.000.000-00', '1234567890', '123456789012', 'abc'])(
    'rejects %s',
    (cpf) => {
      expect(isValidCpf(cpf)).toBe(false);
    },
  );
  it('detects a wrong first check digit too', () => {
    expect(isValidCpf('529.982.247-35')).toBe(false);
  });
});

describe('CNPJ', () => {
  it.each(['11.222.333/0001-81', '11222333000181', '04.252.011/0001-10'])('accepts numeric %s', (cnpj) => {
    expect(isValidCnpj(cnpj)).toBe(true);
  });
  it('accepts the alphanumeric form (Receita Federal example)', () => {
    expect(isValidCnpj('12.ABC.345/01DE-35')).toBe(true);
    expect(isValidCnpj('12abc34501de35')).toBe(true);
  });
  it.each([
    '11.222.333/0001-82',
    '00.000.000/0000-00',
    '12.ABC.345/01DE-36',
    '12.ABC.345/01DE-3A',
    '1122233300018',
  ])('rejects %s', (cnpj) => {
    expect(isValidCnpj(cnpj)).toBe(false);
  });
});

describe('classifyDocument', () => {
  it('tells CPF from CNPJ by length and check digits', () => {
    expect(classifyDocument('529.982.247-25')).toBe('cpf');
    expect(classifyDocument('11.222.333/0001-81')).toBe('cnpj');
    expect(classifyDocument('12.ABC.345/01DE-35')).toBe('cnpj');
    expect(classifyDocument('529.982.247-26')).toBeNull();
    expect(classifyDocument('')).toBeNull();
  });
  it('formats normalised documents', () => {
    expect(formatDocument('cpf', normalizeDocument('52998224725'))).toBe('529.982.247-25');
    expect(formatDocument('cnpj', normalizeDocument('12abc34501de35'))).toBe('12.ABC.345/01DE-35');
  });
});
