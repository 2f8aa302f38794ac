import { z } from 'zod';
import { EmailSchema } from '../../../common/account-fields';
import { PasskeyAssertionSchema } from '../identity.dto';

const password = z.string({ message: 'field_required' }).min(1, { message: 'field_required' }).max(1024);

export const NOTIFICATION_TYPES = ['newLoginAlert', 'usageAlerts', 'billing', 'productNews'] as const;

export const SecurityOverviewSchema = z.object({
  twoFactorEnabled: z.boolean(),
  recoveryCodesRemaining: z.number().int(),
  passwordChangedAt: z.string().nullable(),
  accountRequiresTwoFactor: z.boolean(),
  /** A registered passkey also satisfies an account's 2FA requirement. */
  hasPasskey: z.boolean(),
});

export const TotpSetupSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrDataUrl: z.string(),
});
export const CodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'code_format' }),
});
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const DisableTwoFactorSchema = z
  .object({ password, code: z.string().max(16).optional(), recoveryCode: z.string().max(32).optional() })
  .refine((v) => Boolean(v.code) !== Boolean(v.recoveryCode), { message: 'field_required', path: ['code'] });
/**
 * Removing a passkey: the password and one second factor (TOTP, recovery code or passkey). The
 * service asks for the factor after it found the passkey, so another user's id is a plain 404.
 */
export const RemovePasskeySchema = z.object({
  password,
  code: z.string().max(16).optional(),
  recoveryCode: z.string().max(32).optional(),
  passkey: PasskeyAssertionSchema.optional(),
});
export const RegenerateRecoveryCodesSchema = z.object({ password, code: z.string().trim().max(16) });

export const SessionItemSchema = z.object({
  id: z.uuid(),
  device: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  place: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});
export const SessionListSchema = z.object({ items: z.array(SessionItemSchema) });
export const EndedSchema = z.object({ ended: z.number().int() });

export const LoginHistorySchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      success: z.boolean(),
      reason: z.string().nullable(),
      device: z.string(),
      ip: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

export const ChangePasswordSchema = z.object({
  currentPassword: password,
  newPassword: z.string({ message: 'field_required' }).max(1024),
});

export const ForgotPasswordSchema = z.object({ email: EmailSchema });
export const ResetPasswordSchema = z.object({
  token: z.string().min(16, { message: 'field_invalid' }).max(128),
  password: z.string({ message: 'field_required' }).max(1024),
});

export const ProfileSchema = z.object({
  fullName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  language: z.enum(['pt-BR', 'en']),
  timezone: z.string(),
  theme: z.enum(['light', 'dark', 'system']),
  notificationPrefs: z.record(z.enum(NOTIFICATION_TYPES), z.boolean()),
});

export const UpdateProfileSchema = z
  .object({
    fullName: z
      .string()
      .trim()
      .min(3, { message: 'invalid_full_name' })
      .max(120, { message: 'field_too_long' }),
    phone: z
      .string()
      .trim()
      .regex(/^[\d\s()+-]{10,20}$/, { message: 'invalid_phone' })
      .nullable(),
    language: z.enum(['pt-BR', 'en'], { message: 'field_invalid' }),
    timezone: z.string().max(64),
    theme: z.enum(['light', 'dark', 'system'], { message: 'field_invalid' }),
    notificationPrefs: z.partialRecord(z.enum(NOTIFICATION_TYPES), z.boolean()),
  })
  .partial();

export const TwoFactorPolicySchema = z.object({ requireTwoFactor: z.boolean() });

export const EmailChangeStartSchema = z.object({ newEmail: EmailSchema, password });
export const EmailChangeStartedSchema = z.object({ requestId: z.uuid(), expiresAt: z.string() });
export const EmailChangeConfirmSchema = z.object({
  requestId: z.uuid({ message: 'field_invalid' }),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'code_format' }),
});
export const EmailChangedSchema = z.object({ email: z.string() });

/** A WebAuthn attestation as @simplewebauthn/browser returns it (RegistrationResponseJSON). */
export const PasskeyRegistrationSchema = z.object({
  name: z.string().trim().min(1).max(60),
  response: z.looseObject({
    id: z.string().min(1).max(1024),
    rawId: z.string().min(1).max(1024),
    type: z.literal('public-key'),
    response: z.looseObject({
      clientDataJSON: z.string().max(8192),
      attestationObject: z.string().max(65536),
      transports: z.array(z.string().max(32)).max(10).optional(),
    }),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  }),
});

export const PasskeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export const PasskeyListSchema = z.object({ passkeys: z.array(PasskeySchema) });
export const PasskeyRegistrationOptionsSchema = z.looseObject({ challenge: z.string() });
