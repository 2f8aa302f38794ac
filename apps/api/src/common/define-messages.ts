/** A feature's user-facing messages: pt-BR is the source, English must have exactly its keys. */
export function defineMessages<const T extends Record<string, string>>(catalog: {
  'pt-BR': T;
  en: Record<keyof T, string>;
}) {
  return catalog;
}
