import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';

/** 256-bit random token, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomDigits(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String(randomInt(0, 10));
  return out;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SECRET_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(0, alphabet.length)];
  return out;
}

/** S3-style access key id: 20 uppercase alphanumerics starting with a recognisable prefix. */
export function newAccessKeyId(): string {
  return 'CSP' + randomFrom(ALNUM, 17);
}

/** 40-character secret (~238 bits). */
export function newSecretKey(): string {
  return randomFrom(SECRET_CHARS, 40);
}

/**
 * AES-256-GCM for secrets the platform must keep. Format: `keyId:iv:tag:ciphertext` (base64url parts),
 * so keys can be rotated: old ciphertexts name the key that opens them.
 */
export class SecretBox {
  private readonly keys: Map<string, Buffer>;

  constructor(
    private readonly currentKeyId: string,
    keys: Record<string, Buffer>,
  ) {
    this.keys = new Map(Object.entries(keys));
    if (!this.keys.has(currentKeyId)) throw new Error(`encryption key ${currentKeyId} missing`);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [this.currentKeyId, iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join(':');
  }

  open(sealed: string): string {
    const [keyId, iv, tag, data] = sealed.split(':');
    const key = this.keys.get(keyId);
    if (!key || !iv || !tag || data === undefined) throw new Error('unreadable sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}
