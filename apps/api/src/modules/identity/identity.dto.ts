import { z } from 'zod';
import { GrantContextSchema } from '../../access/grant-context';
import { EmailSchema } from '../../common/account-fields';
import { ACCOUNT_STATUSES, PERMISSIONS, STAFF_ROLES, USER_ROLES } from '../../access/permissions';

export const CaptchaSolutionSchema = z.object({
  id: z.uuid({ message: 'field_invalid' }),
  nonce: z.string().min(1).max(32),
});

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ message: 'field_required' }).min(1, { message: 'field_required' }).max(1024),
  remember: z.boolean().optional().default(false),
  /** Proof-of-work solution, required after 3 failures for the e-mail or from the IP. */
  captcha: CaptchaSolutionSchema.optional(),
});

export const StaffLoginSchema = LoginSchema.omit({ remember: true });

export const MeSchema = z.object({
  user: z.object({
    id: z.uuid(),
    fullName: z.string(),
    email: z.string(),
    role: z.enum(USER_ROLES),
    /** Profile preference; the web keeps it in a cookie so pages render in it from the first byte. */
    theme: z.enum(['light', 'dark', 'system']),
  }),
  account: z.object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(ACCOUNT_STATUSES),
  }),
  /**
   * What this session may do: the role's permissions (PRD 4.2), narrowed to the grant's scope for
   * staff under a grant. The portal shows and hides by these instead of by role names.
   */
  permissions: z.array(z.enum(PERMISSIONS)),
  /** Present when a provider staff member works in the account under a grant (the portal's banner). */
  grant: GrantContextSchema.optional(),
});
export type Me = z.infer<typeof MeSchema>;

export const StaffMeSchema = z.object({
  staff: z.object({
    id: z.uuid(),
    fullName: z.string(),
    email: z.string(),
    role: z.enum(STAFF_ROLES),
  }),
  /** Staff must enrol TOTP before the session reaches anything but enrolment. */
  twoFactorEnrolmentRequired: z.boolean().optional(),
});

export const SecondFactorRequiredSchema = z.object({
  secondFactorRequired: z.literal(true),
  challengeToken: z.string(),
  methods: z.array(z.enum(['totp', 'recovery_code', 'passkey'])),
});

/** Either the session is open (Me) or a second factor is needed first (no session yet). */
export const LoginResultSchema = z.union([
  MeSchema.extend({ twoFactorEnrolmentRequired: z.boolean().optional() }),
  SecondFactorRequiredSchema,
]);

export const StaffLoginResultSchema = z.union([StaffMeSchema, SecondFactorRequiredSchema]);

export const SecondFactorSchema = z
  .object({
    challengeToken: z.string().min(1).max(128),
    code: z.string().max(16).optional(),
    recoveryCode: z.string().max(32).optional(),
  })
  .refine((v) => Boolean(v.code) !== Boolean(v.recoveryCode), {
    message: 'field_required',
    path: ['code'],
  });

/** A WebAuthn assertion as @simplewebauthn/browser returns it (AuthenticationResponseJSON). */
export const PasskeyAssertionSchema = z.looseObject({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal('public-key'),
  response: z.looseObject({
    clientDataJSON: z.string().max(8192),
    authenticatorData: z.string().max(8192),
    signature: z.string().max(8192),
    userHandle: z.string().max(1024).optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});

/** The customer second step: exactly one of a TOTP code, a recovery code or a passkey assertion. */
export const UserSecondFactorSchema = z
  .object({
    challengeToken: z.string().min(1).max(128),
    code: z.string().max(16).optional(),
    recoveryCode: z.string().max(32).optional(),
    passkey: PasskeyAssertionSchema.optional(),
  })
  .refine((v) => [v.code, v.recoveryCode, v.passkey].filter(Boolean).length === 1, {
    message: 'field_required',
    path: ['code'],
  });

export const PasskeyLoginOptionsRequestSchema = z.object({
  challengeToken: z.string().min(1).max(128),
});

/** WebAuthn options (PublicKeyCredential*OptionsJSON) for @simplewebauthn/browser. */
export const WebAuthnOptionsSchema = z.looseObject({ challenge: z.string() });

/** The captcha is issued for one e-mail (the login it will be presented with). */
export const CaptchaQuerySchema = z.object({ email: EmailSchema });

export const CaptchaChallengeSchema = z.object({
  id: z.uuid(),
  prefix: z.string(),
  difficulty: z.number().int(),
  expiresAt: z.string(),
});
