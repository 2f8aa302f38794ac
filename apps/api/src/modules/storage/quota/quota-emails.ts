import type { Language } from '../../../common/messages';
import { sign, type Brand, type EmailMessage } from '../../notifications';

const gb = (bytes: number | bigint, lang: Language) =>
  (Number(bytes) / 1e9).toLocaleString(lang === 'en' ? 'en-US' : 'pt-BR', { maximumFractionDigits: 2 });

const first = (name: string) => name.split(' ')[0];

/** Sent once when an account reaches its quota and uploads stop (DOMAIN.md, "Quota"). */
export function writesBlockedEmail(p: {
  to: string;
  name: string;
  usageBytes: number;
  quotaBytes: bigint;
  lang: Language;
  brand: Brand;
}): EmailMessage {
  const used = gb(p.usageBytes, p.lang);
  const quota = gb(p.quotaBytes, p.lang);
  const link = `${p.brand.appUrl}/painel/quota`;
  if (p.lang === 'en') {
    return {
      to: p.to,
      template: 'writesBlockedEmail',
      subject: `Storage quota reached: uploads are blocked on ${p.brand.name}`,
      text:
        `Hello ${first(p.name)},\n\nYour account uses ${used} GB of its ${quota} GB quota. New uploads are blocked ` +
        `for every access key and bucket until usage drops below the quota. Downloads, listing and deleting ` +
        `keep working.\n\nTo upload again, delete objects you no longer need (previous versions count too) ` +
        `or request a larger quota:\n${link}\n\n${sign(p.brand, p.lang)}`,
    };
  }
  return {
    to: p.to,
    template: 'writesBlockedEmail',
    subject: `Quota de armazenamento atingida: uploads bloqueados no ${p.brand.name}`,
    text:
      `Olá ${first(p.name)},\n\nSua conta está usando ${used} GB da quota de ${quota} GB. Novos uploads estão ` +
      `bloqueados em todas as chaves de acesso e buckets até o uso ficar abaixo da quota. Downloads, listagem ` +
      `e exclusões continuam funcionando.\n\nPara voltar a enviar arquivos, apague objetos que não usa mais ` +
      `(versões anteriores também contam) ou solicite um aumento de quota:\n${link}\n\n${sign(p.brand, p.lang)}`,
  };
}

/** A staff decision on a quota request, or a quota set by staff directly. */
export function quotaDecisionEmail(p: {
  to: string;
  name: string;
  outcome: 'approved' | 'rejected' | 'changed';
  requestedBytes: bigint;
  quotaBytes: bigint;
  reason: string | null;
  lang: Language;
  brand: Brand;
}): EmailMessage {
  const link = `${p.brand.appUrl}/painel/quota`;
  const quota = gb(p.quotaBytes, p.lang);
  const requested = gb(p.requestedBytes, p.lang);
  if (p.lang === 'en') {
    const head = {
      approved: [
        `Quota request approved: ${quota} GB`,
        `Your request for ${requested} GB was approved. Your account quota is now ${quota} GB, effective immediately.`,
      ],
      rejected: [
        `Quota request not approved`,
        `Your request for ${requested} GB was not approved. Your quota stays at ${quota} GB.`,
      ],
      changed: [
        `Your storage quota is now ${quota} GB`,
        `Our team set your account quota to ${quota} GB, effective immediately.`,
      ],
    }[p.outcome];
    const reason = p.reason ? `\n\nReason: ${p.reason}` : '';
    return {
      to: p.to,
      template: 'quotaDecisionEmail',
      subject: `${head[0]} (${p.brand.name})`,
      text: `Hello ${first(p.name)},\n\n${head[1]}${reason}\n\nDetails: ${link}\n\n${sign(p.brand, p.lang)}`,
    };
  }
  const head = {
    approved: [
      `Solicitação de quota aprovada: ${quota} GB`,
      `Sua solicitação de ${requested} GB foi aprovada. A quota da sua conta agora é ${quota} GB, com efeito imediato.`,
    ],
    rejected: [
      `Solicitação de quota não aprovada`,
      `Sua solicitação de ${requested} GB não foi aprovada. Sua quota continua em ${quota} GB.`,
    ],
    changed: [
      `Sua quota de armazenamento agora é ${quota} GB`,
      `Nossa equipe ajustou a quota da sua conta para ${quota} GB, com efeito imediato.`,
    ],
  }[p.outcome];
  const reason = p.reason ? `\n\nMotivo: ${p.reason}` : '';
  return {
    to: p.to,
    template: 'quotaDecisionEmail',
    subject: `${head[0]} (${p.brand.name})`,
    text: `Olá ${first(p.name)},\n\n${head[1]}${reason}\n\nDetalhes: ${link}\n\n${sign(p.brand, p.lang)}`,
  };
}
