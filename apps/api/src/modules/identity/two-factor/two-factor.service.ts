import { randomInt } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { toDataURL } from 'qrcode';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AppException } from '../../../common/app-exception';
import { SecretBox, sha256Hex } from '../../../common/crypto';
import { SECRET_BOX } from '../../../common/secret-box.provider';
import { LoginSecurityRepository, type Subject } from '../login/login-security.repository';
import { newTotpSecret, totpStep, totpUri } from './totp';

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_CODE_PURPOSE = 'recovery-code';

export function newRecoveryCode(): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += RECOVERY_ALPHABET[randomInt(0, RECOVERY_ALPHABET.length)];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** Case, spaces and dashes do not matter when a recovery code is typed. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** Binds a sealed TOTP secret to its row and column. */
export function totpSecretAad(subject: Subject): string {
  return 'userId' in subject
    ? `users.totp_secret:${subject.userId}`
    : `staff_members.totp_secret:${subject.staffId}`;
}

export interface SecondFactorProof {
  code?: string;
  recoveryCode?: string;
}

/** TOTP enrolment and checks, recovery codes. Works for customer users and staff alike. */
@Injectable()
export class TwoFactorService {
  private readonly logger = new Logger('TwoFactor');

  constructor(
    private readonly repo: LoginSecurityRepository,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A fresh secret (sealed at rest) waiting for confirmation; shown once as QR and text. */
  async startTotp(subject: Subject, label: string, alreadyEnabled: boolean) {
    if (alreadyEnabled) throw AppException.conflict('two_factor_already_enabled');
    const secret = newTotpSecret();
    const sealed = this.box.seal(secret, totpSecretAad(subject));
    if ('userId' in subject) await this.repo.setUserTotpSecret(subject.userId, sealed);
    else await this.repo.setStaffTotpSecret(subject.staffId, sealed);
    const uri = totpUri(secret, label, this.config.BRAND_NAME);
    const qrDataUrl = await toDataURL(uri, { margin: 1, width: 220 });
    return { secret, otpauthUri: uri, qrDataUrl };
  }

  /** Confirms enrolment with a code from the app; returns the recovery codes (shown once). */
  async confirmTotp(subject: Subject, sealed: string | null, enabled: boolean, code: string) {
    if (enabled) throw AppException.conflict('two_factor_already_enabled');
    if (!sealed) throw AppException.badRequest('two_factor_setup_missing');
    const secret = this.openSecret(subject, sealed);
    if (secret === null) throw AppException.badRequest('two_factor_setup_missing');
    const step = await totpStep(secret, code);
    if (step === null) throw AppException.badRequest('second_factor_invalid');
    if ('userId' in subject) await this.repo.enableUserTotp(subject.userId, step);
    else await this.repo.enableStaffTotp(subject.staffId, step);
    return this.regenerateRecoveryCodes(subject);
  }

  async regenerateRecoveryCodes(subject: Subject) {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    // Stored as HMAC-SHA-256 under a server key (derived from the current encryption key): a
    // database dump alone does not let anyone test the 50-bit codes offline.
    await this.repo.replaceRecoveryCodes(
      subject,
      codes.map((c) => this.box.digests(RECOVERY_CODE_PURPOSE, normalizeRecoveryCode(c))[0]),
    );
    return { recoveryCodes: codes };
  }

  async disable(subject: Subject) {
    if ('userId' in subject) await this.repo.setUserTotpSecret(subject.userId, null);
    else await this.repo.setStaffTotpSecret(subject.staffId, null);
    await this.repo.replaceRecoveryCodes(subject, []);
  }

  /**
   * A TOTP code (accepted once: its time step must be newer than the last accepted one) or an
   * unused recovery code (spent by this call).
   */
  async verify(
    subject: Subject,
    sealed: string | null,
    proof: SecondFactorProof,
  ): Promise<'totp' | 'recovery_code' | null> {
    if (proof.code && sealed) {
      const secret = this.openSecret(subject, sealed);
      if (secret === null) return null;
      const step = await totpStep(secret, proof.code.trim());
      if (step !== null && (await this.repo.claimTotpStep(subject, step))) return 'totp';
      return null;
    }
    if (proof.recoveryCode) {
      const normalized = normalizeRecoveryCode(proof.recoveryCode);
      if (normalized.length !== 10) return null;
      // HMAC under the current or an older key; plain SHA-256 for codes issued before HMAC (they
      // keep working until used or regenerated).
      const candidates = [...this.box.digests(RECOVERY_CODE_PURPOSE, normalized), sha256Hex(normalized)];
      return (await this.repo.useRecoveryCode(subject, candidates)) ? 'recovery_code' : null;
    }
    return null;
  }

  /**
   * The member's TOTP secret, or null when it does not open here: sealed for another row (copied
   * by someone with write access to the database) or under a key this process does not have.
   */
  private openSecret(subject: Subject, sealed: string): string | null {
    try {
      return this.box.open(sealed, totpSecretAad(subject));
    } catch {
      this.logger.warn(`TOTP secret of ${'userId' in subject ? 'user' : 'staff'} does not open`);
      return null;
    }
  }

  remainingRecoveryCodes(subject: Subject) {
    return this.repo.remainingRecoveryCodes(subject);
  }
}
