import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { toDataURL } from 'qrcode';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppException } from '../../common/app-exception';
import { SecretBox, sha256Hex } from '../../common/crypto';
import { SECRET_BOX } from '../../common/secret-box.provider';
import { LoginSecurityRepository, type Subject } from './login-security.repository';
import { newTotpSecret, totpStep, totpUri } from './totp';

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCode(): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += RECOVERY_ALPHABET[randomInt(0, RECOVERY_ALPHABET.length)];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** Case, spaces and dashes do not matter when a recovery code is typed. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export interface SecondFactorProof {
  code?: string;
  recoveryCode?: string;
}

/** TOTP enrolment and checks, recovery codes. Works for customer users and staff alike. */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly repo: LoginSecurityRepository,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A fresh secret (sealed at rest) waiting for confirmation; shown once as QR and text. */
  async startTotp(subject: Subject, label: string, alreadyEnabled: boolean) {
    if (alreadyEnabled) throw AppException.conflict('two_factor_already_enabled');
    const secret = newTotpSecret();
    const sealed = this.box.seal(secret);
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
    const step = await totpStep(this.box.open(sealed), code);
    if (step === null) throw AppException.badRequest('second_factor_invalid');
    if ('userId' in subject) await this.repo.enableUserTotp(subject.userId, step);
    else await this.repo.enableStaffTotp(subject.staffId, step);
    return this.regenerateRecoveryCodes(subject);
  }

  async regenerateRecoveryCodes(subject: Subject) {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.repo.replaceRecoveryCodes(
      subject,
      codes.map((c) => sha256Hex(normalizeRecoveryCode(c))),
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
      const step = await totpStep(this.box.open(sealed), proof.code.trim());
      if (step !== null && (await this.repo.claimTotpStep(subject, step))) return 'totp';
      return null;
    }
    if (proof.recoveryCode) {
      const normalized = normalizeRecoveryCode(proof.recoveryCode);
      if (normalized.length !== 10) return null;
      return (await this.repo.useRecoveryCode(subject, sha256Hex(normalized))) ? 'recovery_code' : null;
    }
    return null;
  }

  remainingRecoveryCodes(subject: Subject) {
    return this.repo.remainingRecoveryCodes(subject);
  }
}
