// Proof-of-work captcha solver (self-hosted, no third party): finds a nonce such that
// sha256(prefix + nonce) starts with `difficulty` zero bits. A synchronous SHA-256 (@noble/hashes)
// in slices: WebCrypto's per-call promise costs more than the hash itself at this input size.
import { sha256 } from '@noble/hashes/sha2.js';

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

/** Hashes per slice before yielding to the page (keeps the form responsive while it works). */
const SLICE = 20_000;

export async function solvePow(prefix: string, difficulty: number): Promise<string> {
  const encoder = new TextEncoder();
  const head = encoder.encode(prefix);
  const buffer = new Uint8Array(head.length + 16);
  buffer.set(head);
  for (let n = 0; ;) {
    for (const end = n + SLICE; n < end; n++) {
      const nonce = n.toString(36);
      const tail = encoder.encode(nonce);
      buffer.set(tail, head.length);
      if (leadingZeroBits(sha256(buffer.subarray(0, head.length + tail.length))) >= difficulty) return nonce;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
