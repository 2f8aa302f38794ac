import type { Language } from '../../common/messages';

export interface CsvEntry {
  createdAt: string;
  account: { id: string; name: string } | null;
  actor: { type: string; id: string | null; name: string | null; email: string | null };
  grant: { id: string; kind: string; scope: string } | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
}

const HEADERS: Record<Language, string[]> = {
  'pt-BR': [
    'Data/hora (Brasília)',
    'Conta',
    'Ator',
    'Tipo de ator',
    'E-mail do ator',
    'Autorização',
    'Ação',
    'Tipo de recurso',
    'ID do recurso',
    'Detalhes',
    'IP',
    'Navegador (user agent)',
  ],
  en: [
    'Time (Brasília)',
    'Account',
    'Actor',
    'Actor type',
    'Actor e-mail',
    'Grant',
    'Action',
    'Resource type',
    'Resource id',
    'Details',
    'IP',
    'User agent',
  ],
};

const ACTOR_TYPES: Record<Language, Record<string, string>> = {
  'pt-BR': { user: 'Usuário', staff: 'Equipe do provedor', system: 'Sistema', anonymous: 'Anônimo' },
  en: { user: 'User', staff: 'Provider staff', system: 'System', anonymous: 'Anonymous' },
};
const VIA_GRANT: Record<Language, string> = { 'pt-BR': 'via autorização', en: 'via authorization' };

/**
 * RFC 4180 quoting, plus the CSV-injection defence: a cell that a spreadsheet would read as a
 * formula (= + - @, tab, CR) is prefixed with an apostrophe.
 */
export function csvCell(value: unknown, separator: string): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (text.includes(separator) || /["\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** Brasília time as dd/mm/aaaa hh:mm:ss (the product's date format in both languages). */
export function brasiliaTime(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/Sao_Paulo',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * The audit log as CSV: UTF-8 with BOM and CRLF; `;` in Portuguese (what a pt-BR spreadsheet
 * expects), `,` in English.
 */
export function auditCsv(entries: CsvEntry[], lang: Language): string {
  const sep = lang === 'pt-BR' ? ';' : ',';
  const line = (cells: unknown[]) => cells.map((c) => csvCell(c, sep)).join(sep);
  const rows = [line(HEADERS[lang])];
  for (const e of entries) {
    const actorName =
      e.actor.name && e.grant ? `${e.actor.name} (${VIA_GRANT[lang]})` : (e.actor.name ?? e.actor.id ?? '');
    rows.push(
      line([
        brasiliaTime(e.createdAt),
        e.account?.name ?? '',
        actorName,
        ACTOR_TYPES[lang][e.actor.type] ?? e.actor.type,
        e.actor.email ?? '',
        e.grant ? `${e.grant.id} (${e.grant.kind}, ${e.grant.scope})` : '',
        e.action,
        e.resourceType ?? '',
        e.resourceId ?? '',
        e.details && Object.keys(e.details).length ? JSON.stringify(e.details) : '',
        e.ip ?? '',
        e.userAgent ?? '',
      ]),
    );
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
