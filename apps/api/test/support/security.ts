import { generate } from 'otplib';
import { solvePow } from '../../src/modules/identity/login/pow';
import type { HttpSession } from './http';

/**
 * Fetches a proof-of-work challenge for `email` and solves it like the login form does. It only
 * works for a login of that e-mail from the same client address (`session`).
 */
export async function solveCaptcha(session: HttpSession, email: string) {
  const challenge = await session.get<{ id: string; prefix: string; difficulty: number }>(
    `/api/v1/auth/captcha?email=${encodeURIComponent(email)}`,
  );
  if (challenge.status !== 200) throw new Error(`captcha answered ${challenge.status}`);
  return { id: challenge.body.id, nonce: solvePow(challenge.body.prefix, challenge.body.difficulty) };
}

/**
 * The TOTP code `steps` time steps from now (one step either way is accepted). A code for an
 * earlier step is only accepted until the server's clock reaches the next step, so when fewer
 * than five seconds of this step are left it first waits for the next one to begin: otherwise
 * the server may check it one step later and see it two steps old.
 */
export async function totpCode(secret: string, steps = 0): Promise<string> {
  if (steps < 0) {
    const left = 30_000 - (Date.now() % 30_000);
    if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
  }
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}

/** Enrols TOTP for the signed-in user of `session`; returns the secret and the recovery codes. */
export async function enableTotp(session: HttpSession) {
  const setup = await session.post<{ secret: string; qrDataUrl: string }>('/api/v1/me/two-factor/totp/setup');
  if (setup.status !== 200)
    throw new Error(`totp setup answered ${setup.status}: ${JSON.stringify(setup.body)}`);
  const confirm = await session.post<{ recoveryCodes: string[] }>('/api/v1/me/two-factor/totp/confirm', {
    code: await totpCode(setup.body.secret, -1),
  });
  if (confirm.status !== 200)
    throw new Error(`totp confirm answered ${confirm.status}: ${JSON.stringify(confirm.body)}`);
  return {
    secret: setup.body.secret,
    recoveryCodes: confirm.body.recoveryCodes,
    qrDataUrl: setup.body.qrDataUrl,
  };
}
