import { Inject, Injectable } from '@nestjs/common';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AppException } from '../../../common/app-exception';
import { ApiTokensService } from '../../api-tokens';
import { AuditService } from '../../audit';
import { AccountSecurityRepository } from '../profile/account-security.repository';
import type { RequestMeta } from '../../../common/request-meta';
import type { UserAuth } from '../../../access/auth.types';
import { clientDataChallenge, counterAcceptable, relyingParty } from './passkey';
import { PasskeyRepository } from './passkey.repository';
import { LoginSecurityRepository } from '../login/login-security.repository';
import { verifyPassword } from '../login/password';
import { SessionService } from '../sessions/session.service';
import { TwoFactorService } from './two-factor.service';

/** Re-authentication for a passkey removal: the password and one second factor. */
export interface PasskeyRemovalProof {
  password: string;
  code?: string;
  recoveryCode?: string;
  passkey?: AuthenticationResponseJSON;
}

const REGISTRATION_TTL_MS = 5 * 60_000;

type PasskeyRow = Awaited<ReturnType<PasskeyRepository['listForUser']>>[number];

function toPasskey(row: PasskeyRow) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** Passkeys (WebAuthn) as a second factor for customer users: registration, list, removal, checks. */
@Injectable()
export class PasskeyService {
  constructor(
    private readonly repo: PasskeyRepository,
    private readonly users: AccountSecurityRepository,
    private readonly challenges: LoginSecurityRepository,
    private readonly twoFactor: TwoFactorService,
    private readonly sessions: SessionService,
    private readonly apiTokens: ApiTokensService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private rp() {
    return relyingParty(this.config.APP_URL, this.config.BRAND_NAME);
  }

  async list(auth: UserAuth) {
    return { passkeys: (await this.repo.listForUser(auth.userId)).map(toPasskey) };
  }

  hasPasskeys(userId: string) {
    return this.repo.countForUser(userId).then((n) => n > 0);
  }

  /** Registration options; the WebAuthn challenge is kept 5 minutes (auth_challenges). */
  async registrationOptions(auth: UserAuth) {
    const user = await this.users.findUser(auth.userId);
    if (!user) throw AppException.unauthorized();
    const existing = await this.repo.listForUser(user.id);
    const { rpID, rpName } = this.rp();
    const options = await generateRegistrationOptions({
      rpName,
      rpID,
      userName: user.email,
      userDisplayName: user.fullName,
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      excludeCredentials: existing.map((c) => ({
        id: c.credentialId,
        transports: c.transports as AuthenticatorTransport[],
      })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    await this.challenges.createChallenge({
      kind: 'webauthn_register',
      userId: user.id,
      data: { challenge: options.challenge },
      expiresAt: new Date(Date.now() + REGISTRATION_TTL_MS),
    });
    return options;
  }

  async register(auth: UserAuth, name: string, response: RegistrationResponseJSON, meta: RequestMeta) {
    const challenge = clientDataChallenge(response.response?.clientDataJSON);
    if (!challenge) throw AppException.badRequest('passkey_invalid');
    const stored = await this.repo.consumeRegistrationChallenge(auth.userId, challenge);
    if (!stored) throw AppException.badRequest('passkey_challenge_expired');
    const { rpID, origin } = this.rp();
    let verification;
    try {
      verification = await verifyRegistrationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: false,
      });
    } catch {
      throw AppException.badRequest('passkey_invalid');
    }
    if (!verification.verified || !verification.registrationInfo)
      throw AppException.badRequest('passkey_invalid');
    const { credential } = verification.registrationInfo;
    const row = await this.repo.insert({
      userId: auth.userId,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? [],
      name,
    });
    if (!row) throw AppException.conflict('passkey_exists');
    // A second-factor change: other sessions and API tokens end (the current session goes on).
    const sessionsEnded = await this.sessions.endOtherSessionsOfUser(auth.userId, auth.sessionId);
    const tokensRevoked = await this.apiTokens.revokeAllOfUser(auth.userId);
    await this.audit.byUser(auth, meta, {
      action: 'user.passkey_added',
      resourceType: 'user',
      resourceId: auth.userId,
      details: { passkeyId: row.id, name, sessionsEnded, tokensRevoked },
    });
    return toPasskey(row);
  }

  /** Authentication options to prove a passkey before removing one (kept 5 minutes). */
  async reauthOptions(auth: UserAuth) {
    const credentials = await this.repo.listForUser(auth.userId);
    if (credentials.length === 0) throw AppException.badRequest('passkey_not_allowed');
    const options = await generateAuthenticationOptions({
      rpID: this.rp().rpID,
      allowCredentials: credentials.map((c) => ({
        id: c.credentialId,
        transports: c.transports as AuthenticatorTransport[],
      })),
      userVerification: 'preferred',
    });
    await this.challenges.createChallenge({
      kind: 'webauthn_reauth',
      userId: auth.userId,
      data: { challenge: options.challenge },
      expiresAt: new Date(Date.now() + REGISTRATION_TTL_MS),
    });
    return options;
  }

  /**
   * Removing a passkey weakens the account (for a passkey-only user it turns 2FA off), so it asks
   * what TOTP disable asks: the password and a second factor (a TOTP or recovery code when TOTP is
   * on, or an assertion of one of the user's passkeys). Then other sessions and API tokens end.
   */
  async remove(auth: UserAuth, id: string, proof: PasskeyRemovalProof, meta: RequestMeta) {
    const user = await this.users.findUser(auth.userId);
    if (!user) throw AppException.unauthorized();
    if (!(await this.repo.findByIdForUser(auth.userId, id))) throw AppException.notFound();
    if ([proof.code, proof.recoveryCode, proof.passkey].filter(Boolean).length !== 1)
      throw AppException.validation({ code: 'field_required' });
    if (!(await verifyPassword(user.passwordHash, proof.password)))
      throw AppException.badRequest('current_password_invalid');
    if (!(await this.secondFactor(auth.userId, user, proof)))
      throw AppException.badRequest('second_factor_invalid');
    const row = await this.repo.deleteForUser(auth.userId, id);
    if (!row) throw AppException.notFound();
    const sessionsEnded = await this.sessions.endOtherSessionsOfUser(auth.userId, auth.sessionId);
    const tokensRevoked = await this.apiTokens.revokeAllOfUser(auth.userId);
    await this.audit.byUser(auth, meta, {
      action: 'user.passkey_removed',
      resourceType: 'user',
      resourceId: auth.userId,
      details: { passkeyId: row.id, name: row.name, sessionsEnded, tokensRevoked },
    });
  }

  private async secondFactor(
    userId: string,
    user: { totpSecret: string | null; totpEnabledAt: Date | null },
    proof: PasskeyRemovalProof,
  ): Promise<boolean> {
    if (proof.passkey) {
      const challenge = clientDataChallenge(proof.passkey.response?.clientDataJSON);
      if (!challenge) return false;
      const stored = await this.repo.consumeRegistrationChallenge(userId, challenge, 'webauthn_reauth');
      if (!stored) return false;
      return this.verifyAuthentication(userId, challenge, proof.passkey);
    }
    if (!user.totpEnabledAt) return false;
    return (await this.twoFactor.verify({ userId }, user.totpSecret, proof)) !== null;
  }

  liveLoginChallenge(tokenHash: string, kind: string, maxAttempts: number) {
    return this.repo.findLiveLoginChallenge(tokenHash, kind, maxAttempts);
  }

  /** Authentication options for a login challenge; the WebAuthn challenge is kept with it. */
  async authenticationOptions(challengeId: string, userId: string) {
    const credentials = await this.repo.listForUser(userId);
    const options = await generateAuthenticationOptions({
      rpID: this.rp().rpID,
      allowCredentials: credentials.map((c) => ({
        id: c.credentialId,
        transports: c.transports as AuthenticatorTransport[],
      })),
      userVerification: 'preferred',
    });
    await this.repo.setLoginChallengeWebauthn(challengeId, options.challenge);
    return options;
  }

  /** Verifies an assertion against the user's credential and advances its counter. */
  async verifyAuthentication(
    userId: string,
    expectedChallenge: string | undefined,
    response: AuthenticationResponseJSON,
  ): Promise<boolean> {
    if (!expectedChallenge) return false;
    const credential = await this.repo.findForUser(userId, response.id);
    if (!credential) return false;
    const { rpID, origin } = this.rp();
    let verification;
    try {
      verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        credential: {
          id: credential.credentialId,
          publicKey: new Uint8Array(Buffer.from(credential.publicKey, 'base64url')),
          counter: credential.counter,
          transports: credential.transports,
        },
        requireUserVerification: false,
      });
    } catch {
      return false;
    }
    if (!verification.verified) return false;
    const newCounter = verification.authenticationInfo.newCounter;
    if (!counterAcceptable(credential.counter, newCounter)) return false;
    return this.repo.advanceCounter(credential.id, newCounter);
  }
}
