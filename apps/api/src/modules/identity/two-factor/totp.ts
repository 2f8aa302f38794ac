import { generateSecret, generateURI, verify } from 'otplib';

/** TOTP (RFC 6238, 30 s, 6 digits), one step of clock drift tolerated each way. */
export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, label: string, issuer: string): string {
  return generateURI({ issuer, label, secret });
}

/** The time step of a valid code, or null. Replay protection is the caller's (totp_last_step). */
export async function totpStep(secret: string, code: string): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({ secret, token: code, epochTolerance: 30 });
    if (!result.valid) return null;
    return 'timeStep' in result && typeof result.timeStep === 'number'
      ? result.timeStep
      : Math.floor(Date.now() / 30_000) + result.delta;
  } catch {
    return null;
  }
}
