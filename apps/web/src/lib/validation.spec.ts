import { describe, expect, it } from 'vitest';
import {
  checkBucketName,
  checkPassword,
  formatDocument,
  formatPhone,
  isValidCnpj,
  isValidCpf,
  isValidEmail,
  isValidFullName,
  isValidPassword,
  isValidPhone,
  isValidVerificationCode,
  normalizeDocument,
  parseDocument,
  validateBucketName,
} from './validation';

describe('CPF', () => {
  it.each(['529.982.247-25', '52998224725', '111.444.777-35', ' 111 444 777 35 '])('accepts %s', (cpf) => {
    expect(isValidCpf(cpf)).toBe(true);
  });

  it.each([
    ['wrong first check digit', '529.982.247-15'],
    ['wrong second check digit', '529.982.247-24'],
    ['repeated digits', '111.111.111-11'],
    ['all zeros', '000.000.000-00'],
    ['too short', '5299822472'],
    ['too long', '529982247251'],
    ['letters', '5299822472A'],
    ['empty', ''],
  ])('rejects %s', (_why, cpf) => {
    expect(isValidCpf(cpf)).toBe(false);
  });
});

describe('CNPJ', () => {
  it.each(['11.222.333/0001-81', '11222333000181', '12.ABC.345/01DE-35', '12ABC34501DE35', '12abc34501de35'])(
    'accepts %s',
    (cnpj) => {
      expect(isValidCnpj(cnpj)).toBe(true);
    },
  );

  it.each([
    ['wrong check digits', '11.222.333/0001-82'],
    ['wrong alphanumeric check digit', '12.ABC.345/01DE-36'],
    ['letter in a check digit position', '12.ABC.345/01DE-3A'],
    ['repeated digits', '11.111.111/1111-11'],
    ['all zeros', '00.000.000/0000-00'],
    ['too short', '1122233300018'],
    ['symbols inside', '12ABC345#1DE35'],
    ['empty', ''],
  ])('rejects %s', (_why, cnpj) => {
    expect(isValidCnpj(cnpj)).toBe(false);
  });
});

describe('parseDocument', () => {
  it('tells CPF from CNPJ and strips punctuation', () => {
    expect(parseDocument('529.982.247-25')).toEqual({ type: 'cpf', value: '52998224725' });
    expect(parseDocument('11.222.333/0001-81')).toEqual({ type: 'cnpj', value: '11222333000181' });
    expect(parseDocument('12.abc.345/01de-35')).toEqual({ type: 'cnpj', value: '12ABC34501DE35' });
  });

  it('returns null for invalid documents', () => {
    expect(parseDocument('529.982.247-24')).toBeNull();
    expect(parseDocument('11.222.333/0001-80')).toBeNull();
    expect(parseDocument('abc')).toBeNull();
  });

  it('normalizes punctuation and case', () => {
    expect(normalizeDocument(' 12.abc.345/01de-35 ')).toBe('12ABC34501DE35');
  });
});

describe('formatDocument', () => {
  it('formats CPF and CNPJ (numeric and alphanumeric)', () => {
    expect(formatDocument('52998224725')).toBe('529.982.247-25');
    expect(formatDocument('11222333000181')).toBe('11.222.333/0001-81');
    expect(formatDocument('12ABC34501DE35')).toBe('12.ABC.345/01DE-35');
  });

  it('leaves unknown shapes alone', () => {
    expect(formatDocument('123')).toBe('123');
  });
});

describe('password policy', () => {
  it('reports each rule', () => {
    expect(checkPassword('')).toEqual({ length: false, digit: false, uppercase: false });
    expect(checkPassword('abcdefgh')).toEqual({ length: true, digit: false, uppercase: false });
    expect(checkPassword('Abcdefg1')).toEqual({ length: true, digit: true, uppercase: true });
  });

  it('needs 8 to 128 characters, a digit and an uppercase letter', () => {
    expect(isValidPassword('Senha123')).toBe(true);
    expect(isValidPassword('Senha12')).toBe(false);
    expect(isValidPassword('senha123')).toBe(false);
    expect(isValidPassword('SenhaForte')).toBe(false);
    expect(isValidPassword('A1' + 'a'.repeat(126))).toBe(true);
    expect(isValidPassword('A1' + 'a'.repeat(127))).toBe(false);
  });

  it('accepts accented uppercase letters and counts code points', () => {
    expect(isValidPassword('Ávila2024')).toBe(true);
    expect(checkPassword('A1😀😀😀😀😀😀').length).toBe(true);
  });
});

describe('contact fields', () => {
  it('validates e-mails', () => {
    expect(isValidEmail('joao@empresa.com.br')).toBe(true);
    expect(isValidEmail(' joao@empresa.com.br ')).toBe(true);
    expect(isValidEmail('joao@empresa')).toBe(false);
    expect(isValidEmail('joao empresa.com')).toBe(false);
  });

  it('needs first and last name', () => {
    expect(isValidFullName('João Silva')).toBe(true);
    expect(isValidFullName('João')).toBe(false);
    expect(isValidFullName('   ')).toBe(false);
  });

  it('validates Brazilian phones with area code', () => {
    expect(isValidPhone('(11) 98765-4321')).toBe(true);
    expect(isValidPhone('11987654321')).toBe(true);
    expect(isValidPhone('+55 11 98765-4321')).toBe(true);
    expect(isValidPhone('(11) 3456-7890')).toBe(true);
    expect(isValidPhone('98765-4321')).toBe(false);
    expect(isValidPhone('(11) 88765-4321')).toBe(false);
    expect(isValidPhone('(01) 3456-7890')).toBe(false);
    expect(isValidPhone('11 9876a-4321')).toBe(false);
  });

  it('formats phones', () => {
    expect(formatPhone('11987654321')).toBe('(11) 98765-4321');
    expect(formatPhone('+551134567890')).toBe('(11) 3456-7890');
    expect(formatPhone('123')).toBe('123');
  });

  it('accepts 6-digit verification codes only', () => {
    expect(isValidVerificationCode('123456')).toBe(true);
    expect(isValidVerificationCode('12345')).toBe(false);
    expect(isValidVerificationCode('12345a')).toBe(false);
  });
});

describe('bucket names (PRD F3.2)', () => {
  it.each(['abc', 'backup-producao', 'logs-2025', 'a'.repeat(63), '123'])('accepts %s', (name) => {
    expect(validateBucketName(name)).toBeNull();
  });

  it.each([
    ['ab', 'length'],
    ['a'.repeat(64), 'length'],
    ['', 'length'],
    ['Backup', 'charset'],
    ['meu_bucket', 'charset'],
    ['meu.bucket', 'charset'],
    ['meu bucket', 'charset'],
    ['-backup', 'edges'],
    ['backup-', 'edges'],
    ['back--up', 'doubleHyphen'],
  ])('rejects %s (%s)', (name, rule) => {
    expect(validateBucketName(name)).toBe(rule);
  });

  it('reports every rule for the live checklist', () => {
    expect(checkBucketName('Meu--Bucket-')).toEqual({
      length: true,
      charset: false,
      edges: false,
      noDoubleHyphen: false,
    });
    expect(checkBucketName('backup-prod')).toEqual({
      length: true,
      charset: true,
      edges: true,
      noDoubleHyphen: true,
    });
  });
});
