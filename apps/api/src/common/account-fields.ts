import { z } from 'zod';
import { passwordProblem } from './password-policy';

/** Fields several domains' forms share (sign-up, login, team, staff, profile), one definition each. */
export const EmailSchema = z
  .string({ message: 'field_required' })
  .trim()
  .toLowerCase()
  .max(254, { message: 'invalid_email' })
  .pipe(z.email({ message: 'invalid_email' }));

export const PasswordSchema = z.string({ message: 'field_required' }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
