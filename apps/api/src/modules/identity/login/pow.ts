import { createHash } from 'node:crypto';

/** Leading zero bits of a byte string (most significant bit first). */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/**
 * Self-hosted proof-of-work captcha: the client must find a nonce such that
 * sha256(prefix + nonce) starts with `difficulty` zero bits. Cheap to check, costly to forge in bulk.
 */
export function verifyPow(prefix: string, nonce: string, difficulty: number): boolean {
  if (!/^[0-9a-zA-Z]{1,32}$/.test(nonce)) return false;
  const digest = createHash('sha256')
    .update(prefix + nonce)
    .digest();
  return leadingZeroBits(digest) >= difficulty;
}

/** Brute-forces a nonce (tests and tools; the browser does the same with WebCrypto). */
export function solvePow(prefix: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    const nonce = n.toString(36);
    if (verifyPow(prefix, nonce, difficulty)) return nonce;
  }
}
