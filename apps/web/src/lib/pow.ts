// Proof-of-work captcha solver (self-hosted, no third party): finds a nonce such that
// sha256(prefix + nonce) starts with `difficulty` zero bits, with WebCrypto.

function leadingZeroBits(bytes: Uint8Array): number {
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

export async function solvePow(prefix: string, difficulty: number): Promise<string> {
  const encoder = new TextEncoder();
  const batch = 512;
  for (let start = 0; ; start += batch) {
    const nonces = Array.from({ length: batch }, (_, i) => (start + i).toString(36));
    const digests = await Promise.all(
      nonces.map((nonce) => crypto.subtle.digest('SHA-256', encoder.encode(prefix + nonce))),
    );
    const found = digests.findIndex((d) => leadingZeroBits(new Uint8Array(d)) >= difficulty);
    if (found >= 0) return nonces[found];
  }
}
