import { createCipheriv, createDecipheriv, pbkdf2, randomBytes } from 'node:crypto';
import { hashRaw, type Algorithm, type Version } from '@node-rs/argon2';

/**
 * madmin EncryptData / DecryptData: the payload format of encrypted admin API bodies.
 * Layout: salt[32] | algId[1] | nonce[8] | sio stream.
 */

export const ALG_ARGON2ID_AES_GCM = 0;
export const ALG_ARGON2ID_CHACHA20_POLY1305 = 1;
export const ALG_PBKDF2_AES_GCM = 2;

/** sio-go default fragment size. */
export const SIO_BUF_SIZE = 16384;
const TAG_SIZE = 16;
const SALT_SIZE = 32;
const NONCE_SIZE = 8;
const HEADER_SIZE = SALT_SIZE + 1 + NONCE_SIZE;

// @node-rs/argon2 declares these as const enums, which are empty objects at runtime
// (and not inlined by SWC/esbuild), so the numeric values are spelled out.
const ARGON2ID = 2 as Algorithm;
const ARGON2_V0X13 = 1 as Version;

/** An AEAD with a 16-byte tag appended to the ciphertext. */
export interface Aead {
  readonly nonceSize: number;
  seal(nonce: Uint8Array, plaintext: Uint8Array, ad: Uint8Array): Buffer;
  /** Throws when the tag does not verify. */
  open(nonce: Uint8Array, ciphertext: Uint8Array, ad: Uint8Array): Buffer;
}

function nodeAead(cipherName: 'aes-128-gcm' | 'aes-256-gcm' | 'chacha20-poly1305', key: Uint8Array): Aead {
  return {
    nonceSize: 12,
    seal(nonce, plaintext, ad) {
      const c = createCipheriv(cipherName as 'aes-256-gcm', key, nonce, { authTagLength: TAG_SIZE });
      c.setAAD(ad);
      return Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]);
    },
    open(nonce, ciphertext, ad) {
      if (ciphertext.byteLength < TAG_SIZE) throw new Error('sio: fragment shorter than its tag');
      const d = createDecipheriv(cipherName as 'aes-256-gcm', key, nonce, { authTagLength: TAG_SIZE });
      d.setAAD(ad);
      d.setAuthTag(ciphertext.subarray(ciphertext.byteLength - TAG_SIZE));
      return Buffer.concat([d.update(ciphertext.subarray(0, ciphertext.byteLength - TAG_SIZE)), d.final()]);
    },
  };
}

/** AES-GCM with a 16- or 32-byte key (AES-128 / AES-256). */
export function aesGcm(key: Uint8Array): Aead {
  if (key.byteLength === 16) return nodeAead('aes-128-gcm', key);
  if (key.byteLength === 32) return nodeAead('aes-256-gcm', key);
  throw new Error('AES-GCM key must be 16 or 32 bytes');
}

/** IETF ChaCha20-Poly1305 (12-byte nonce), as Go's chacha20poly1305.New. */
export function chacha20Poly1305(key: Uint8Array): Aead {
  if (key.byteLength !== 32) throw new Error('ChaCha20-Poly1305 key must be 32 bytes');
  return nodeAead('chacha20-poly1305', key);
}

function fragmentNonce(prefix: Uint8Array, seq: number, size: number): Buffer {
  const n = Buffer.alloc(size);
  n.set(prefix, 0);
  n.writeUInt32LE(seq, size - 4);
  return n;
}

function streamSetup(aead: Aead, nonce: Uint8Array, ad: Uint8Array, bufSize: number) {
  if (nonce.byteLength !== aead.nonceSize - 4)
    throw new Error(`sio: nonce must be ${aead.nonceSize - 4} bytes`);
  if (!Number.isInteger(bufSize) || bufSize <= 0) throw new Error('sio: invalid fragment size');
  // Every fragment authenticates flag || adTag, where adTag binds the stream-level AD under sequence 0.
  const fragmentAd = Buffer.alloc(1 + TAG_SIZE);
  aead.seal(fragmentNonce(nonce, 0, aead.nonceSize), Buffer.alloc(0), ad).copy(fragmentAd, 1);
  return fragmentAd;
}

/**
 * sio-go stream encryption: fragments of `bufSize` bytes, fragment nonce = nonce || uint32le(seq),
 * the final fragment flagged 0x80. A non-empty plaintext never ends with an empty fragment.
 */
export function sioEncrypt(
  aead: Aead,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  ad: Uint8Array = Buffer.alloc(0),
  bufSize = SIO_BUF_SIZE,
): Buffer {
  const fragmentAd = streamSetup(aead, nonce, ad, bufSize);
  const out: Buffer[] = [];
  let seq = 1;
  let offset = 0;
  while (plaintext.byteLength - offset > bufSize) {
    out.push(
      aead.seal(
        fragmentNonce(nonce, seq++, aead.nonceSize),
        plaintext.subarray(offset, offset + bufSize),
        fragmentAd,
      ),
    );
    offset += bufSize;
  }
  fragmentAd[0] = 0x80;
  out.push(aead.seal(fragmentNonce(nonce, seq, aead.nonceSize), plaintext.subarray(offset), fragmentAd));
  return Buffer.concat(out);
}

/** Inverse of sioEncrypt; throws on any authentication failure or truncation. */
export function sioDecrypt(
  aead: Aead,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
  ad: Uint8Array = Buffer.alloc(0),
  bufSize = SIO_BUF_SIZE,
): Buffer {
  const fragmentAd = streamSetup(aead, nonce, ad, bufSize);
  const full = bufSize + TAG_SIZE;
  const out: Buffer[] = [];
  let seq = 1;
  let offset = 0;
  try {
    while (ciphertext.byteLength - offset > full) {
      out.push(
        aead.open(
          fragmentNonce(nonce, seq++, aead.nonceSize),
          ciphertext.subarray(offset, offset + full),
          fragmentAd,
        ),
      );
      offset += full;
    }
    if (ciphertext.byteLength - offset < TAG_SIZE) throw new Error('truncated');
    fragmentAd[0] = 0x80;
    out.push(aead.open(fragmentNonce(nonce, seq, aead.nonceSize), ciphertext.subarray(offset), fragmentAd));
  } catch (cause) {
    throw new Error('sio: data is not authentic (wrong key or corrupted stream)', { cause });
  }
  return Buffer.concat(out);
}

// Argon2id with 64 MiB is CPU- and memory-heavy: run one derivation at a time, like madmin's mutex.
let argon2Tail: Promise<unknown> = Promise.resolve();

function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = argon2Tail.then(task, task);
  argon2Tail = run.catch(() => undefined);
  return run;
}

export function deriveArgon2idKey(password: string, salt: Uint8Array): Promise<Buffer> {
  return serialized(() =>
    hashRaw(Buffer.from(password, 'utf8'), {
      algorithm: ARGON2ID,
      version: ARGON2_V0X13,
      salt,
      timeCost: 1,
      memoryCost: 64 * 1024,
      parallelism: 4,
      outputLen: 32,
    }),
  );
}

export function derivePbkdf2Key(password: string, salt: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    pbkdf2(Buffer.from(password, 'utf8'), salt, 8192, 32, 'sha256', (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** madmin EncryptData with algorithm 0 (Argon2id + AES-256-GCM). */
export async function encryptData(password: string, plaintext: Uint8Array): Promise<Buffer> {
  const salt = randomBytes(SALT_SIZE);
  const nonce = randomBytes(NONCE_SIZE);
  const key = await deriveArgon2idKey(password, salt);
  const stream = sioEncrypt(aesGcm(key), nonce, plaintext);
  return Buffer.concat([salt, Buffer.from([ALG_ARGON2ID_AES_GCM]), nonce, stream]);
}

/** madmin DecryptData; accepts algorithms 0, 1 and 2. */
export async function decryptData(password: string, data: Uint8Array): Promise<Buffer> {
  if (data.byteLength < HEADER_SIZE) throw new Error('madmin: encrypted data has an incomplete header');
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const salt = buf.subarray(0, SALT_SIZE);
  const algId = buf[SALT_SIZE];
  const nonce = buf.subarray(SALT_SIZE + 1, HEADER_SIZE);
  const stream = buf.subarray(HEADER_SIZE);
  switch (algId) {
    case ALG_ARGON2ID_AES_GCM:
      return sioDecrypt(aesGcm(await deriveArgon2idKey(password, salt)), nonce, stream);
    case ALG_ARGON2ID_CHACHA20_POLY1305:
      return sioDecrypt(chacha20Poly1305(await deriveArgon2idKey(password, salt)), nonce, stream);
    case ALG_PBKDF2_AES_GCM:
      return sioDecrypt(aesGcm(await derivePbkdf2Key(password, salt)), nonce, stream);
    default:
      throw new Error(`madmin: unknown encryption algorithm id ${algId}`);
  }
}
