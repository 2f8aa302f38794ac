import { cookies } from 'next/headers';
import { getDictionary, LANG_COOKIE, normalizeLang, type Dictionary, type Lang } from './index';

export async function getLang(): Promise<Lang> {
  const store = await cookies();
  return normalizeLang(store.get(LANG_COOKIE)?.value);
}

export async function getI18n(): Promise<{ lang: Lang; t: Dictionary }> {
  const lang = await getLang();
  return { lang, t: getDictionary(lang) };
}
