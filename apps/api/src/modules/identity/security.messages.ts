import { defineMessages } from '../../common/define-messages';

/** Messages of this feature (codes are API contract). */
export const securityMessages = defineMessages({
  'pt-BR': {},
  en: {},
});
