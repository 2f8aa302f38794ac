import { registerMessages, type Language } from './messages';

/**
 * A feature's user-facing messages: pt-BR is the source, English must have exactly its keys. The
 * texts are registered for translate(); the feature's file also declares its entry in
 * FeatureCatalogs (see common/messages.ts), which makes its codes part of MessageCode.
 */
export function defineMessages<const T extends Record<string, string>>(catalog: {
  'pt-BR': T;
  en: Record<keyof T, string>;
}) {
  registerMessages(catalog as Record<Language, Record<string, string>>);
  return catalog;
}
