import type { Language } from '../../common/messages';
import { sign, type Brand, type EmailMessage } from './email-templates';

export function passwordResetEmail(p: {
  to: string;
  name: string;
  link: string;
  lang: Language;
  brand: Brand;
}): EmailMessage {
  const first = p.name.split(' ')[0];
  if (p.lang === 'en') {
    return {
      to: p.to,
      template: 'passwordResetEmail',
      subject: `Reset your ${p.brand.name} password`,
      text: `Hello ${first},\n\nTo choose a new password, open this link (valid for 15 minutes, once):\n\n${p.link}\n\nIf you did not ask for it, ignore this e-mail: your password stays the same.\n\n${sign(p.brand, p.lang)}`,
    };
  }
  return {
    to: p.to,
    template: 'passwordResetEmail',
    subject: `Redefinição de senha ${p.brand.name}`,
    text: `Olá ${first},\n\nPara escolher uma nova senha, abra este link (vale por 15 minutos, uma única vez):\n\n${p.link}\n\nSe você não pediu, ignore este e-mail: sua senha continua a mesma.\n\n${sign(p.brand, p.lang)}`,
  };
}

export function newLoginAlertEmail(p: {
  to: string;
  name: string;
  device: string;
  ip: string;
  when: string;
  lang: Language;
  brand: Brand;
}): EmailMessage {
  const first = p.name.split(' ')[0];
  const link = `${p.brand.appUrl}/painel/seguranca`;
  if (p.lang === 'en') {
    return {
      to: p.to,
      template: 'newLoginAlertEmail',
      subject: `New sign-in to your ${p.brand.name} account`,
      text: `Hello ${first},\n\nYour account was signed in from a new device or address.\n\nDevice: ${p.device}\nIP: ${p.ip}\nWhen: ${p.when}\n\nIf it was not you, change your password and end the other sessions at ${link}.\n\n${sign(p.brand, p.lang)}`,
    };
  }
  return {
    to: p.to,
    template: 'newLoginAlertEmail',
    subject: `Novo acesso à sua conta ${p.brand.name}`,
    text: `Olá ${first},\n\nSua conta foi acessada a partir de um novo dispositivo ou endereço.\n\nDispositivo: ${p.device}\nIP: ${p.ip}\nQuando: ${p.when}\n\nSe não foi você, troque sua senha e encerre as outras sessões em ${link}.\n\n${sign(p.brand, p.lang)}`,
  };
}

export function passwordChangedEmail(p: {
  to: string;
  name: string;
  lang: Language;
  brand: Brand;
}): EmailMessage {
  const first = p.name.split(' ')[0];
  if (p.lang === 'en') {
    return {
      to: p.to,
      template: 'passwordChangedEmail',
      subject: `Your ${p.brand.name} password was changed`,
      text: `Hello ${first},\n\nYour password was just changed and your other sessions were ended. If it was not you, reset your password at ${p.brand.appUrl}/recuperar-senha now.\n\n${sign(p.brand, p.lang)}`,
    };
  }
  return {
    to: p.to,
    template: 'passwordChangedEmail',
    subject: `Sua senha ${p.brand.name} foi alterada`,
    text: `Olá ${first},\n\nSua senha acabou de ser alterada e suas outras sessões foram encerradas. Se não foi você, redefina sua senha agora em ${p.brand.appUrl}/recuperar-senha.\n\n${sign(p.brand, p.lang)}`,
  };
}

export function emailChangeCodeEmail(p: {
  to: string;
  name: string;
  code: string;
  lang: Language;
  brand: Brand;
}): EmailMessage {
  const first = p.name.split(' ')[0];
  if (p.lang === 'en') {
    return {
      to: p.to,
      template: 'emailChangeCodeEmail',
      subject: `${p.code} confirms your new ${p.brand.name} e-mail`,
      text: `Hello ${first},\n\nTo use this address on your account, enter the code: ${p.code}\n\nIt is valid for 15 minutes. If you did not ask for it, ignore this e-mail.\n\n${sign(p.brand, p.lang)}`,
    };
  }
  return {
    to: p.to,
    template: 'emailChangeCodeEmail',
    subject: `${p.code} confirma seu novo e-mail ${p.brand.name}`,
    text: `Olá ${first},\n\nPara usar este endereço na sua conta, informe o código: ${p.code}\n\nEle vale por 15 minutos. Se você não pediu, ignore este e-mail.\n\n${sign(p.brand, p.lang)}`,
  };
}

export function emailChangedAlertEmail(p: {
  to: string;
  name: string;
  newEmail: string;
  lang: Language;
  brand: Brand;
}): EmailMessage {
  const first = p.name.split(' ')[0];
  if (p.lang === 'en') {
    return {
      to: p.to,
      template: 'emailChangedAlertEmail',
      subject: `Your ${p.brand.name} e-mail was changed`,
      text: `Hello ${first},\n\nThe e-mail of your account was changed to ${p.newEmail}. If it was not you, contact support at once.\n\n${sign(p.brand, p.lang)}`,
    };
  }
  return {
    to: p.to,
    template: 'emailChangedAlertEmail',
    subject: `O e-mail da sua conta ${p.brand.name} foi alterado`,
    text: `Olá ${first},\n\nO e-mail da sua conta foi alterado para ${p.newEmail}. Se não foi você, fale com o suporte imediatamente.\n\n${sign(p.brand, p.lang)}`,
  };
}

/** Sent when wrong second factors lock a member: someone who knows the password is guessing codes. */
export function secondFactorLockedEmail(p: {
  to: string;
  name: string;
  minutes: number;
  resetPath: string;
  lang: Language;
  brand: Brand;
}): EmailMessage {
  const first = p.name.split(' ')[0];
  const link = `${p.brand.appUrl}${p.resetPath}`;
  if (p.lang === 'en') {
    return {
      to: p.to,
      template: 'secondFactorLockedEmail',
      subject: `Sign-in to ${p.brand.name} blocked after wrong verification codes`,
      text: `Hello ${first},\n\nSomeone entered your password correctly and then got the verification code wrong too many times, so sign-in is blocked for ${p.minutes} minutes.\n\nIf it was not you, your password is known to someone else: change it now at ${link}.\n\n${sign(p.brand, p.lang)}`,
    };
  }
  return {
    to: p.to,
    template: 'secondFactorLockedEmail',
    subject: `Entrada no ${p.brand.name} bloqueada após códigos de verificação incorretos`,
    text: `Olá ${first},\n\nAlguém digitou sua senha corretamente e depois errou o código de verificação muitas vezes, por isso a entrada está bloqueada por ${p.minutes} minutos.\n\nSe não foi você, outra pessoa conhece sua senha: troque-a agora em ${link}.\n\n${sign(p.brand, p.lang)}`,
  };
}
