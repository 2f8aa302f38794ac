/** CPF and CNPJ (numeric and the alphanumeric CNPJ from July 2026) check-digit validation. */

export type DocumentType = 'cpf' | 'cnpj';

/** Strips punctuation and uppercases; keeps only [0-9A-Z]. */
export function normalizeDocument(raw: string): string {
  return raw.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export function isValidCpf(raw: string): boolean {
  const cpf = normalizeDocument(raw);
  if (!/^\d{11}$/.test(cpf) || /^(\d)\1{10}$/.test(cpf)) return false;
  const digits = [...cpf].map(Number);
  const check = (length: number) => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += digits[i] * (length + 1 - i);
    const rest = sum % 11;
    return rest < 2 ? 0 : 11 - rest;
  };
  return check(9) === digits[9] && check(10) === digits[10];
}

const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

export function isValidCnpj(raw: string): boolean {
  const cnpj = normalizeDocument(raw);
  if (!/^[0-9A-Z]{12}\d{2}$/.test(cnpj) || /^(\d)\1{13}$/.test(cnpj)) return false;
  // Each character's value is its ASCII code minus 48, so digits keep their value and A = 17.
  const values = [...cnpj].map((c) => c.charCodeAt(0) - 48);
  const check = (weights: number[]) => {
    const sum = weights.reduce((acc, w, i) => acc + values[i] * w, 0);
    const rest = sum % 11;
    return rest < 2 ? 0 : 11 - rest;
  };
  return check(CNPJ_WEIGHTS_1) === values[12] && check(CNPJ_WEIGHTS_2) === values[13];
}

/** The document's type when it is a valid CPF or CNPJ, else null. */
export function classifyDocument(raw: string): DocumentType | null {
  const doc = normalizeDocument(raw);
  if (doc.length === 11 && isValidCpf(doc)) return 'cpf';
  if (doc.length === 14 && isValidCnpj(doc)) return 'cnpj';
  return null;
}

export function formatDocument(type: DocumentType, doc: string): string {
  return type === 'cpf'
    ? doc.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4')
    : doc.replace(/^(\w{2})(\w{3})(\w{3})(\w{4})(\d{2})$/, '$1.$2.$3/$4-$5');
}
