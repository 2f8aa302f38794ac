import type { Language } from '../../common/messages';

export interface EmailMessage {
  to: string;
  /** Which template made it: the only thing about a message the worker logs (with the job id). */
  template?: string;
  subject: string;
  text: string;
}

export interface Brand {
  name: string;
  appUrl: string;
}

/** The closing line of every e-mail. */
export const sign = (brand: Brand, lang: Language) =>
  lang === 'en' ? `Regards,\n${brand.name} team` : `Att,\nEquipe ${brand.name}`;

export function signupCodeEmail(p: {
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
      template: 'signupCodeEmail',
      subject: `${p.code} is your ${p.brand.name} verification code`,
      text: `Hello ${first},\n\nYour verification code is: ${p.code}\n\nIt is valid for 15 minutes. If you did not sign up, ignore this e-mail.\n\n${sign(p.brand, p.lang)}`,
    };
  }
  return {
    to: p.to,
    template: 'signupCodeEmail',
    subject: `${p.code} é seu código de verificação ${p.brand.name}`,
    text: `Olá ${first},\n\nSeu código de verificação é: ${p.code}\n\nEle vale por 15 minutos. Se você não fez este cadastro, ignore este e-mail.\n\n${sign(p.brand, p.lang)}`,
  };
}

export function staffNewSignupEmail(p: {
  to: string;
  accountName: string;
  document: string;
  email: string;
  phone: string;
  /** Another live account already has this CPF/CNPJ (approval will refuse it). */
  duplicateDocument?: boolean;
  brand: Brand;
}): EmailMessage {
  const duplicate = p.duplicateDocument
    ? '\n\nATENÇÃO: já existe outra conta com este CPF/CNPJ. A aprovação será recusada; rejeite o cadastro explicando ao solicitante como proceder.'
    : '';
  return {
    to: p.to,
    template: 'staffNewSignupEmail',
    subject: `Novo cadastro aguardando aprovação: ${p.accountName}`,
    text: `Um novo cadastro aguarda aprovação.\n\nNome: ${p.accountName}\nCPF/CNPJ: ${p.document}\nE-mail: ${p.email}\nTelefone: ${p.phone}\n\nAprovar ou rejeitar: ${p.brand.appUrl}/staff/cadastros${duplicate}\n\n${p.brand.name}`,
  };
}

export function welcomeEmail(p: {
  to: string;
  name: string;
  s3Endpoint: string;
  region: string;
  accessKeyId: string;
  quotaGb: string;
  transferGb: string;
  lang: Language;
  brand: Brand;
}): EmailMessage {
  const first = p.name.split(' ')[0];
  if (p.lang === 'en') {
    return {
      to: p.to,
      template: 'welcomeEmail',
      subject: `✅ Account approved! Welcome to ${p.brand.name}`,
      text:
        `Hello ${first},\n\nYour account has been approved! You can start using it now.\n\n` +
        `S3 CREDENTIALS:\n\nEndpoint:    ${p.s3Endpoint}\nRegion:      ${p.region}\nAccess Key:  ${p.accessKeyId}\n` +
        `Secret Key:  shown once in the portal (Access keys > Reveal secret)\n\n` +
        `Initial quota: ${p.quotaGb} GB\nBandwidth:     ${p.transferGb} GB/month\n\n` +
        `NEXT STEPS:\n1. Open the dashboard: ${p.brand.appUrl}/entrar\n2. Create your first bucket\n3. Set up your backup software\n\n` +
        `Questions? Reply to this e-mail.\n\n${sign(p.brand, p.lang)}`,
    };
  }
  return {
    to: p.to,
    template: 'welcomeEmail',
    subject: `✅ Conta aprovada! Bem-vindo ao ${p.brand.name}`,
    text:
      `Olá ${first},\n\nSua conta foi aprovada! Você já pode começar a usar.\n\n` +
      `CREDENCIAIS S3:\n\nEndpoint:    ${p.s3Endpoint}\nRegion:      ${p.region}\nAccess Key:  ${p.accessKeyId}\n` +
      `Secret Key:  exibida uma única vez no portal (Chaves de acesso > Revelar secret)\n\n` +
      `Quota Inicial: ${p.quotaGb} GB\nBandwidth:     ${p.transferGb} GB/mês\n\n` +
      `PRÓXIMOS PASSOS:\n1. Acesse o dashboard: ${p.brand.appUrl}/entrar\n2. Crie seu primeiro bucket\n3. Configure seu software de backup\n\n` +
      `Dúvidas? Responda este email ou acesse nossa documentação.\n\n${sign(p.brand, p.lang)}`,
  };
}

export function rejectionEmail(p: {
  to: string;
  name: string;
  reason: string;
  lang: Language;
  brand: Brand;
}): EmailMessage {
  const first = p.name.split(' ')[0];
  if (p.lang === 'en') {
    return {
      to: p.to,
      template: 'rejectionEmail',
      subject: `Sign-up not approved - ${p.brand.name}`,
      text: `Hello ${first},\n\nUnfortunately we could not approve your sign-up at this time.\n\nReason: ${p.reason}\n\nIf you believe this is a mistake, reply to this e-mail with more information.\n\n${sign(p.brand, p.lang)}`,
    };
  }
  return {
    to: p.to,
    template: 'rejectionEmail',
    subject: `Cadastro não aprovado - ${p.brand.name}`,
    text: `Olá ${first},\n\nInfelizmente não pudemos aprovar seu cadastro no momento.\n\nMotivo: ${p.reason}\n\nSe você acredita que houve um erro, responda este email com mais informações.\n\n${sign(p.brand, p.lang)}`,
  };
}
