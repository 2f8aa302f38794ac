/** The notifications domain's public entry: other domains and the app import only what is listed here. */
export { rejectionEmail, sign, signupCodeEmail, staffNewSignupEmail, welcomeEmail } from './email-templates';
export type { Brand, EmailMessage } from './email-templates';
export { EmailWorker } from './email.worker';
export { MailerService } from './mailer.service';
export {
  emailChangeCodeEmail,
  emailChangedAlertEmail,
  newLoginAlertEmail,
  passwordChangedEmail,
  passwordResetEmail,
  secondFactorLockedEmail,
} from './security-emails';
