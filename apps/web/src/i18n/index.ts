import { en } from './en';
import { ptBR, type Dictionary } from './pt-BR';

export type { Dictionary };

export const LANGS = ['pt-BR', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'pt-BR';
/** Cookie read by the web app and by the API (error messages come back in this language). */
export const LANG_COOKIE = 'lang';

const dictionaries: Record<Lang, Dictionary> = { 'pt-BR': ptBR, en };

export function normalizeLang(value: string | undefined | null): Lang {
  return value === 'en' ? 'en' : DEFAULT_LANG;
}

export function getDictionary(lang: Lang): Dictionary {
  return dictionaries[lang];
}

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match,
  );
}
