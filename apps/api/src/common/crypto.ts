import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  randomInt,
} from 'node:crypto';

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
 * AES-256-GCM for secrets the platform must keep, with several keys for rotation.
 *
 * Formats (base64url parts):
 * - `keyId:iv:tag:ciphertext` (legacy): no associated data; still opened, never produced again.
 * - `keyId:iv:tag:ciphertext:b` (bound): the tag also covers `csp-secret-box/v2|<aad>`, where `aad`
 *   names the row and column the value belongs to (for example `users.totp_secret:<id>`), so a value
 *   copied into another row or column does not open. The version prefix is always authenticated,
 *   so stripping the trailing `b` does not turn a bound value into a legacy one.
 * The part count tells the two apart. Old keys only open; new seals use the current key.
 */
export class SecretBox {
  private readonly keys: Map<string, Buffer>;

  constructor(
    private readonly currentKeyId: string,
    keys: Record<string, Buffer>,
  ) {
    this.keys = new Map(Object.entries(keys));
    if (!this.keys.has(currentKeyId)) throw new Error(`encryption key ${currentKeyId} missing`);
    for (const [id, key] of this.keys) {
      if (!/^[A-Za-z0-9_.-]{1,32}$/.test(id)) throw new Error(`invalid encryption key id ${id}`);
      if (key.length !== 32) throw new Error(`encryption key ${id} must be 32 bytes`);
    }
  }

  /** Seals `plaintext`, bound to `aad` (the row and column it is stored in; empty when omitted). */
  seal(plaintext: string, aad = ''): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(boundAad(aad));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [this.currentKeyId, iv, cipher.getAuthTag(), data, BOUND_MARK]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join(':');
  }

  /** Opens a sealed value; a bound one only with the `aad` it was sealed with. */
  open(sealed: string, aad = ''): string {
    const parts = sealed.split(':');
    const [keyId, iv, tag, data, mark] = parts;
    const key = this.keys.get(keyId);
    const bound = parts.length === 5 && mark === BOUND_MARK;
    if (!key || !iv || !tag || data === undefined || !(parts.length === 4 || bound))
      throw new Error('unreadable sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    if (bound) decipher.setAAD(boundAad(aad));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** Whether a sealed value is still in the legacy format or under an old key (re-encryption due). */
  needsReseal(sealed: string): boolean {
    const parts = sealed.split(':');
    return parts.length !== 5 || parts[0] !== this.currentKeyId;
  }

  /**
   * Keyed digests of `value` for lookups (recovery codes): one per key, current key first, each
   * prefixed with its key id, so values stored under an old key are still found after a rotation.
   */
  digests(purpose: string, value: string): string[] {
    const ids = [this.currentKeyId, ...[...this.keys.keys()].filter((id) => id !== this.currentKeyId)];
    return ids.map(
      (id) => `${id}$${createHmac('sha256', this.subkey(id, purpose)).update(value).digest('hex')}`,
    );
  }

  private subkey(id: string, purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.keys.get(id)!, Buffer.alloc(0), `csp-digest/${purpose}`, 32));
  }
}

const BOUND_MARK = 'b';
const boundAad = (aad: string) => Buffer.from(`csp-secret-box/v2|${aad}`, 'utf8');

/** `ENCRYPTION_KEYS_OLD`: `id:base64,id:base64` (keys that still open older ciphertexts). */
export function parseOldKeys(value: string | undefined): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const entry of (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.indexOf(':');
    if (at <= 0) throw new Error('ENCRYPTION_KEYS_OLD entries must be id:base64');
    out[entry.slice(0, at)] = Buffer.from(entry.slice(at + 1), 'base64');
  }
  return out;
}
