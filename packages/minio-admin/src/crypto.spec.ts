import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ALG_ARGON2ID_CHACHA20_POLY1305,
  ALG_PBKDF2_AES_GCM,
  SIO_BUF_SIZE,
  aesGcm,
  chacha20Poly1305,
  decryptData,
  deriveArgon2idKey,
  derivePbkdf2Key,
  encryptData,
  sioDecrypt,
  sioEncrypt,
  type Aead,
} from './crypto';

// Shared test data lives outside the product (../shared in the workspace); tests skip without it.
const VECTORS_DIR =
  process.env.CSP_VECTORS_DIR ?? path.resolve(__dirname, '../../../../shared/reference/vectors');
const haveVectors = existsSync(VECTORS_DIR);
if (!haveVectors) {
  console.warn(`[minio-admin] ${VECTORS_DIR} not found: skipping madmin/sio test-vector checks`);
}

const hex = (s: string) => Buffer.from(s, 'hex');

// --- XChaCha20-Poly1305, only to check the generic sio stream against sio-go's vectors ---
function hchacha20(key: Uint8Array, nonce16: Uint8Array): Buffer {
  const s = new Uint32Array(16);
  s.set([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);
  const k = Buffer.from(key);
  const n = Buffer.from(nonce16);
  for (let i = 0; i < 8; i++) s[4 + i] = k.readUInt32LE(i * 4);
  for (let i = 0; i < 4; i++) s[12 + i] = n.readUInt32LE(i * 4);
  const rotl = (v: number, c: number) => ((v << c) | (v >>> (32 - c))) >>> 0;
  const qr = (a: number, b: number, c: number, d: number) => {
    s[a] += s[b];
    s[d] = rotl(s[d] ^ s[a], 16);
    s[c] += s[d];
    s[b] = rotl(s[b] ^ s[c], 12);
    s[a] += s[b];
    s[d] = rotl(s[d] ^ s[a], 8);
    s[c] += s[d];
    s[b] = rotl(s[b] ^ s[c], 7);
  };
  for (let i = 0; i < 10; i++) {
    qr(0, 4, 8, 12);
    qr(1, 5, 9, 13);
    qr(2, 6, 10, 14);
    qr(3, 7, 11, 15);
    qr(0, 5, 10, 15);
    qr(1, 6, 11, 12);
    qr(2, 7, 8, 13);
    qr(3, 4, 9, 14);
  }
  const out = Buffer.alloc(32);
  [0, 1, 2, 3, 12, 13, 14, 15].forEach((w, i) => out.writeUInt32LE(s[w], i * 4));
  return out;
}

function xchacha20Poly1305(key: Uint8Array): Aead {
  const inner = (nonce: Uint8Array) => {
    const sub = chacha20Poly1305(hchacha20(key, nonce.subarray(0, 16)));
    const n12 = Buffer.concat([Buffer.alloc(4), nonce.subarray(16, 24)]);
    return { sub, n12 };
  };
  return {
    nonceSize: 24,
    seal(nonce, pt, ad) {
      const { sub, n12 } = inner(nonce);
      return sub.seal(n12, pt, ad);
    },
    open(nonce, ct, ad) {
      const { sub, n12 } = inner(nonce);
      return sub.open(n12, ct, ad);
    },
  };
}

interface SioVector {
  Algorithm: 'AES-128-GCM' | 'XChaCha20-Poly1305';
  BufSize: number;
  Key: string;
  Nonce: string;
  AssociatedData: string;
  Plaintext: string;
  Ciphertext: string;
}

interface MadminVector {
  password: string;
  ciphertextHex: string;
  plaintext: { zeroBytes: number };
}

function loadVectors<T>(file: string): T[] {
  if (!haveVectors) return [];
  return (JSON.parse(readFileSync(path.join(VECTORS_DIR, file), 'utf8')) as { vectors: T[] }).vectors;
}

describe.skipIf(!haveVectors)('test vectors (../shared/reference/vectors)', () => {
  const sio = loadVectors<SioVector>('sio-stream.json');
  const madmin = loadVectors<MadminVector>('madmin-decrypt.json');

  it('has vectors', () => {
    expect(sio.length).toBeGreaterThan(0);
    expect(madmin.length).toBeGreaterThan(0);
  });

  it.each(sio.map((v, i) => [i, v] as const))('sio-go stream vector %i', (_i, v) => {
    const aead = v.Algorithm === 'AES-128-GCM' ? aesGcm(hex(v.Key)) : xchacha20Poly1305(hex(v.Key));
    const ct = sioEncrypt(aead, hex(v.Nonce), hex(v.Plaintext), hex(v.AssociatedData), v.BufSize);
    expect(ct.toString('hex')).toBe(v.Ciphertext);
    const pt = sioDecrypt(aead, hex(v.Nonce), hex(v.Ciphertext), hex(v.AssociatedData), v.BufSize);
    expect(pt.toString('hex')).toBe(v.Plaintext);
  });

  it.each(madmin.map((v, i) => [i, v] as const))('madmin DecryptData vector %i', async (_i, v) => {
    const pt = await decryptData(v.password, hex(v.ciphertextHex));
    expect(pt.equals(Buffer.alloc(v.plaintext.zeroBytes))).toBe(true);
  });

  it('rejects a vector with the wrong password or a flipped byte', async () => {
    const v = madmin[0];
    await expect(decryptData(v.password + 'x', hex(v.ciphertextHex))).rejects.toThrow(/not authentic/);
    const bad = hex(v.ciphertextHex);
    bad[bad.length - 1] ^= 1;
    await expect(decryptData(v.password, bad)).rejects.toThrow(/not authentic/);
  });
});

describe('madmin EncryptData/DecryptData round trips', () => {
  const password = 'round-trip-secret-key';

  it.each([0, 1, SIO_BUF_SIZE, SIO_BUF_SIZE * 2 + 5])('%i bytes', async (size) => {
    const plaintext = randomBytes(size);
    const ct = await encryptData(password, plaintext);
    // salt + algId + nonce + one 16-byte tag per fragment (an empty plaintext still has one).
    const fragments = Math.max(1, Math.ceil(size / SIO_BUF_SIZE));
    expect(ct.length).toBe(41 + size + 16 * fragments);
    expect(ct[32]).toBe(0);
    const back = await decryptData(password, ct);
    expect(back.equals(plaintext)).toBe(true);
  });

  it('detects truncation of a multi-fragment stream at a fragment boundary', async () => {
    const ct = await encryptData(password, randomBytes(SIO_BUF_SIZE * 2 + 5));
    // Dropping the final fragment leaves a well-formed but non-final last fragment.
    await expect(decryptData(password, ct.subarray(0, 41 + 2 * (SIO_BUF_SIZE + 16)))).rejects.toThrow(
      /not authentic/,
    );
  });

  it('rejects a short header and an unknown algorithm id', async () => {
    await expect(decryptData(password, Buffer.alloc(40))).rejects.toThrow(/header/);
    const ct = await encryptData(password, Buffer.from('x'));
    ct[32] = 7;
    await expect(decryptData(password, ct)).rejects.toThrow(/algorithm id 7/);
  });

  it('decrypts algorithm 1 (Argon2id + ChaCha20-Poly1305) and 2 (PBKDF2 + AES-GCM)', async () => {
    const plaintext = randomBytes(SIO_BUF_SIZE + 1);
    const salt = randomBytes(32);
    const nonce = randomBytes(8);
    const chachaKey = await deriveArgon2idKey(password, salt);
    const c1 = Buffer.concat([
      salt,
      Buffer.from([ALG_ARGON2ID_CHACHA20_POLY1305]),
      nonce,
      sioEncrypt(chacha20Poly1305(chachaKey), nonce, plaintext),
    ]);
    expect((await decryptData(password, c1)).equals(plaintext)).toBe(true);
    const pbkdf2Key = await derivePbkdf2Key(password, salt);
    const c2 = Buffer.concat([
      salt,
      Buffer.from([ALG_PBKDF2_AES_GCM]),
      nonce,
      sioEncrypt(aesGcm(pbkdf2Key), nonce, plaintext),
    ]);
    expect((await decryptData(password, c2)).equals(plaintext)).toBe(true);
  });

  it('serialises concurrent key derivations without mixing results', async () => {
    const inputs = ['a', 'bb', 'ccc', 'dddd'].map((s) => Buffer.from(s.repeat(100)));
    const cts = await Promise.all(inputs.map((p) => encryptData(password, p)));
    const back = await Promise.all(cts.map((c) => decryptData(password, c)));
    back.forEach((b, i) => expect(b.equals(inputs[i])).toBe(true));
  });
});
