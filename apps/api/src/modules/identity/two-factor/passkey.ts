/** Pure helpers for the WebAuthn (passkey) second factor. */

/** rpID, rpName and the expected origin, all derived from the public app URL. */
export function relyingParty(appUrl: string, brandName: string) {
  const url = new URL(appUrl);
  return { rpID: url.hostname, rpName: brandName, origin: url.origin };
}

/** The `challenge` inside a base64url clientDataJSON; null when it cannot be read. */
export function clientDataChallenge(clientDataJSON: unknown): string | null {
  if (typeof clientDataJSON !== 'string' || clientDataJSON.length > 4096) return null;
  try {
    const parsed = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && 'challenge' in parsed) {
      const challenge = (parsed as { challenge: unknown }).challenge;
      return typeof challenge === 'string' && challenge.length > 0 ? challenge : null;
    }
  } catch {
    // not JSON
  }
  return null;
}

/**
 * Whether a signature counter reported by an authenticator may be accepted after `stored`:
 * it must grow, unless the authenticator does not count at all (both zero).
 */
export function counterAcceptable(stored: number, received: number): boolean {
  if (stored === 0 && received === 0) return true;
  return received > stored;
}
