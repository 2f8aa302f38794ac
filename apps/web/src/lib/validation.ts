// Pure validators shared by the forms. The API validates again; these only give early feedback.

export type DocumentType = 'cpf' | 'cnpj';

export interface ParsedDocument {
  type: DocumentType;
  /** Digits (CPF) or 14 uppercase characters (CNPJ), without punctuation. */
  value: string;
}

/** Removes the punctuation people type in CPF/CNPJ (dots, dashes, slashes, spaces) and uppercases. */
export function normalizeDocument(input: string): string {
  return input.replace(/[\s.\-/]/g, '').toUpperCase();
}

function allSameCharacter(value: string): boolean {
  return /^(.)\1*$/.test(value);
}

export function isValidCpf(input: string): boolean {
  const cpf = normalizeDocument(input);
  if (!/^\d{11}$/.test(cpf) || allSameCharacter(cpf)) return false;
  const digits = [...cpf].map(Number);
  const checkDigit = (length: number): number => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += digits[i] * (length + 1 - i);
    const remainder = sum % 11;
    return remainder < 2 ? 0 : 11 - remainder;
  };
  return checkDigit(9) === digits[9] && checkDigit(10) === digits[10];
}

const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * CNPJ, numeric or the alphanumeric form (from July 2026): 12 characters [0-9A-Z] plus 2 numeric
 * check digits; each character is worth its ASCII code minus 48 (so A = 17), mod 11.
 */
export function isValidCnpj(input: string): boolean {
  const cnpj = normalizeDocument(input);
  if (!/^[0-9A-Z]{12}\d{2}$/.test(cnpj) || allSameCharacter(cnpj)) return false;
  const values = [...cnpj].map((ch) => ch.charCodeAt(0) - 48);
  const checkDigit = (weights: number[]): number => {
    const sum = weights.reduce((acc, weight, i) => acc + values[i] * weight, 0);
    const remainder = sum % 11;
    return remainder < 2 ? 0 : 11 - remainder;
  };
  return checkDigit(CNPJ_WEIGHTS_1) === values[12] && checkDigit(CNPJ_WEIGHTS_2) === values[13];
}

/** Tells a CPF from a CNPJ by length and validates its check digits; null when neither is valid. */
export function parseDocument(input: string): ParsedDocument | null {
  const value = normalizeDocument(input);
  if (value.length === 11 && isValidCpf(value)) return { type: 'cpf', value };
  if (value.length === 14 && isValidCnpj(value)) return { type: 'cnpj', value };
  return null;
}

/** 000.000.000-00 or XX.XXX.XXX/XXXX-00; anything else is returned unchanged. */
export function formatDocument(input: string): string {
  const value = normalizeDocument(input);
  if (/^\d{11}$/.test(value)) {
    return `${value.slice(0, 3)}.${value.slice(3, 6)}.${value.slice(6, 9)}-${value.slice(9)}`;
  }
  if (/^[0-9A-Z]{12}\d{2}$/.test(value)) {
    return `${value.slice(0, 2)}.${value.slice(2, 5)}.${value.slice(5, 8)}/${value.slice(8, 12)}-${value.slice(12)}`;
  }
  return input;
}

// Password policy (PRD): 8+ characters, a digit, an uppercase letter; up to 128 (PRODUCT.md).
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordChecks {
  length: boolean;
  digit: boolean;
  uppercase: boolean;
}

export function checkPassword(password: string): PasswordChecks {
  // Count code points so an emoji is one character, as the user sees it.
  const length = [...password].length;
  return {
    length: length >= PASSWORD_MIN_LENGTH && length <= PASSWORD_MAX_LENGTH,
    digit: /\d/.test(password),
    uppercase: /\p{Lu}/u.test(password),
  };
}

export function isValidPassword(password: string): boolean {
  const checks = checkPassword(password);
  return checks.length && checks.digit && checks.uppercase;
}

export function isValidEmail(email: string): boolean {
  const value = email.trim();
  return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value);
}

/** Full name: at least two words (first and last name). */
export function isValidFullName(name: string): boolean {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words.length >= 2 && name.trim().length <= 200;
}

export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** Brazilian phone with area code (10 or 11 digits), optionally prefixed with the country code 55. */
export function isValidPhone(phone: string): boolean {
  if (/[^\d\s()+\-.]/.test(phone)) return false;
  let digits = phoneDigits(phone);
  if ((digits.length === 12 || digits.length === 13) && digits.startsWith('55')) digits = digits.slice(2);
  if (digits.length !== 10 && digits.length !== 11) return false;
  // Area codes go from 11 to 99; mobile numbers (11 digits) start with 9.
  if (digits[0] === '0' || digits[1] === '0') return false;
  return digits.length === 10 || digits[2] === '9';
}

/** (11) 98765-4321 / (11) 3456-7890; unknown shapes are returned unchanged. */
export function formatPhone(phone: string): string {
  let digits = phoneDigits(phone);
  if ((digits.length === 12 || digits.length === 13) && digits.startsWith('55')) digits = digits.slice(2);
  if (digits.length === 11) return `(${digits.slice(0, 2)}) ${digits.slice(2, 7)}-${digits.slice(7)}`;
  if (digits.length === 10) return `(${digits.slice(0, 2)}) ${digits.slice(2, 6)}-${digits.slice(6)}`;
  return phone;
}

export function isValidVerificationCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

// Bucket names (PRD F3.2): 3-63 characters, lowercase letters, digits and hyphens,
// no hyphen at either end, no consecutive hyphens.
export interface BucketNameChecks {
  length: boolean;
  charset: boolean;
  edges: boolean;
  noDoubleHyphen: boolean;
}

export type BucketNameError = 'length' | 'charset' | 'edges' | 'doubleHyphen';

export function checkBucketName(name: string): BucketNameChecks {
  return {
    length: name.length >= 3 && name.length <= 63,
    charset: name.length > 0 && /^[a-z0-9-]+$/.test(name),
    edges: name.length > 0 && !name.startsWith('-') && !name.endsWith('-'),
    noDoubleHyphen: !name.includes('--'),
  };
}

/** The first rule the name breaks, in the PRD's order, or null when the name is valid. */
export function validateBucketName(name: string): BucketNameError | null {
  const checks = checkBucketName(name);
  if (!checks.length) return 'length';
  if (!checks.charset) return 'charset';
  if (!checks.edges) return 'edges';
  if (!checks.noDoubleHyphen) return 'doubleHyphen';
  return null;
}
