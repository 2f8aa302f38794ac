import nodemailer from 'nodemailer';
import type { AppConfig } from '../../config/config';
import type { EmailMessage } from './email-templates';

/** SMTP delivery, used by the worker. */
export function createEmailSender(config: AppConfig) {
  const transport = nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD } : undefined,
  });
  return {
    send: (message: EmailMessage) =>
      transport.sendMail({
        from: config.MAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
      }),
    close: () => transport.close(),
  };
}
