import { defineMessages } from '../../common/define-messages';

/** Messages of the reconciler (codes are API contract). */
export const reconcilerMessages = defineMessages({
  'pt-BR': {
    reconciler_already_running:
      'Já existe uma verificação em andamento (manual ou agendada). Aguarde ela terminar e tente de novo.',
    reconciler_repair_invalid: 'Informe se a verificação deve corrigir (true) ou apenas relatar (false).',
  },
  en: {
    reconciler_already_running:
      'A check is already running (manual or scheduled). Wait for it to finish and try again.',
    reconciler_repair_invalid: 'Say whether the check should repair (true) or only report (false).',
  },
});

declare module '../../common/messages' {
  interface FeatureCatalogs {
    reconciler: (typeof reconcilerMessages)['pt-BR'];
  }
}
