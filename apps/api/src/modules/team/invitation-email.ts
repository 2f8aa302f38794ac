import type { Language } from '../../common/messages';
import type { EmailMessage } from '../notifications';

type Role = 'owner' | 'admin' | 'developer' | 'external_client';

const ROLE_LABELS: Record<Language, Record<Role, string>> = {
  'pt-BR': {
    owner: 'Owner (acesso total)',
    admin: 'Admin (gerencia o storage, sem faturamento)',
    developer: 'Developer (visualização apenas)',
    external_client: 'Cliente Externo (apenas os buckets compartilhados)',
  },
  en: {
    owner: 'Owner (full access)',
    admin: 'Admin (manages storage, no billing)',
    developer: 'Developer (view only)',
    external_client: 'External Client (shared buckets only)',
  },
};

/** The PRD 4.3 invitation e-mail. */
export function invitationEmail(p: {
  to: string;
  inviterName: string;
  inviterEmail: string;
  accountName: string;
  role: Role;
  link: string;
  buckets: Array<{ name: string; access: 'read' | 'full' }>;
  lang: Language;
  brand: { name: string };
}): EmailMessage {
  const role = ROLE_LABELS[p.lang][p.role];
  if (p.lang === 'en') {
    const shared = p.buckets.length
      ? `\nBuckets shared with you:\n${p.buckets.map((b) => `- ${b.name} (${b.access === 'full' ? 'full' : 'read'})`).join('\n')}\n`
      : '';
    return {
      to: p.to,
      template: 'invitationEmail',
      subject: `Invitation to ${p.accountName} on ${p.brand.name}`,
      text:
        `Hello!\n\n${p.inviterName} (${p.inviterEmail}) invited you to join the team of ${p.accountName} on ${p.brand.name}.\n\n` +
        `Role: ${role}\n${shared}\n` +
        `Accept the invitation and create your password:\n${p.link}\n\n` +
        `This link expires in 7 days. If you were not expecting it, ignore this e-mail.\n\n` +
        `Regards,\n${p.brand.name} team`,
    };
  }
  const shared = p.buckets.length
    ? `\nBuckets compartilhados com você:\n${p.buckets.map((b) => `- ${b.name} (${b.access === 'full' ? 'completo' : 'leitura'})`).join('\n')}\n`
    : '';
  return {
    to: p.to,
    template: 'invitationEmail',
    subject: `Convite para ${p.accountName} no ${p.brand.name}`,
    text:
      `Olá!\n\n${p.inviterName} (${p.inviterEmail}) convidou você para se juntar à equipe da ${p.accountName} no ${p.brand.name}.\n\n` +
      `Papel: ${role}\n${shared}\n` +
      `Aceitar Convite e Criar Senha:\n${p.link}\n\n` +
      `Este link expira em 7 dias. Se você não esperava este convite, ignore este e-mail.\n\n` +
      `Att,\nEquipe ${p.brand.name}`,
  };
}
