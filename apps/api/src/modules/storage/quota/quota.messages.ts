import { defineMessages } from '../../../common/define-messages';

/** Messages of account quotas and quota change requests (codes are API contract). */
export const quotaMessages = defineMessages({
  'pt-BR': {
    quota_gb_invalid: 'Informe a nova quota em GB: um número inteiro de 1 a 1.000.000.',
    quota_reason_invalid: 'Informe o motivo (3 a 500 caracteres).',
    quota_request_same: 'A quota pedida é igual à atual ({gb} GB).',
    quota_request_pending:
      'Já existe uma solicitação de quota aguardando análise. Cancele-a para pedir outro valor.',
    quota_request_not_pending: 'Esta solicitação não está mais aguardando análise (situação: {status}).',
    quota_account_inactive: 'A quota só pode ser alterada em contas ativas.',
  },
  en: {
    quota_gb_invalid: 'Enter the new quota in GB: a whole number from 1 to 1,000,000.',
    quota_reason_invalid: 'Give a reason (3 to 500 characters).',
    quota_request_same: 'The requested quota equals the current one ({gb} GB).',
    quota_request_pending:
      'A quota request is already awaiting review. Cancel it to ask for a different amount.',
    quota_request_not_pending: 'This request is no longer awaiting review (status: {status}).',
    quota_account_inactive: 'The quota can only be changed on active accounts.',
  },
});

declare module '../../../common/messages' {
  interface FeatureCatalogs {
    quota: (typeof quotaMessages)['pt-BR'];
  }
}
