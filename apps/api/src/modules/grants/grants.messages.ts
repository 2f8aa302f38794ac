import { defineMessages } from '../../common/define-messages';

/** Messages of grants, the audit log and API tokens (codes are API contract). */
export const grantsMessages = defineMessages({
  'pt-BR': {
    grant_not_allowed:
      'Esta ação é pessoal dos usuários da conta e não está disponível no atendimento assistido.',
    grant_persistent_access_not_allowed:
      'No atendimento assistido não é possível criar, girar ou reativar chaves de acesso nem tornar um bucket público: esse acesso continuaria depois do fim da autorização. Peça a um usuário da conta.',
    grant_inactive: 'Esta autorização não está ativa (expirou, foi revogada ou ainda não começou).',
    grant_staff_invalid: 'Escolha um membro da equipe de suporte ativo.',
    grant_partner_invalid:
      'Escolha um parceiro ativo. O suporte só entra numa conta com a autorização do titular.',
    grant_period_invalid: 'O fim do período precisa ser depois do início.',
    grant_period_too_long: 'O período pode ter no máximo {days} dias.',
    grant_start_invalid: 'O início não pode estar no passado.',
    grant_reason_required: 'Informe o motivo (3 a 500 caracteres).',
    grant_account_invalid: 'Conta não encontrada ou não ativa.',
    audit_range_invalid: 'A data final precisa ser depois da inicial.',
    api_token_name_invalid: 'Dê um nome ao token (1 a 64 caracteres).',
    api_token_permissions_required: 'Escolha pelo menos uma permissão.',
    api_token_permission_exceeds: 'O token não pode ter permissões que você não tem: {permissions}.',
    api_token_expiry_invalid: 'A validade precisa estar no futuro e em até 1 ano.',
    api_token_invalid: 'Token de API inválido, expirado ou revogado.',
    api_token_limit_reached:
      'Esta conta já tem {max} tokens de API válidos, o máximo permitido. Revogue um token que não usa mais.',
    api_token_not_allowed: 'Tokens de API não dão acesso a este endpoint.',
  },
  en: {
    grant_not_allowed:
      "This action is personal to the account's users and not available in assisted service.",
    grant_persistent_access_not_allowed:
      'Assisted service cannot create, rotate or reactivate access keys or make a bucket public: that access would last beyond the authorization. Ask a user of the account.',
    grant_inactive: 'This authorization is not active (expired, revoked or not started yet).',
    grant_staff_invalid: 'Choose an active support team member.',
    grant_partner_invalid:
      "Choose an active partner. Support enters an account only with its Owner's authorization.",
    grant_period_invalid: 'The end of the period must be after its start.',
    grant_period_too_long: 'The period can be at most {days} days long.',
    grant_start_invalid: 'The start cannot be in the past.',
    grant_reason_required: 'Give a reason (3 to 500 characters).',
    grant_account_invalid: 'Account not found or not active.',
    audit_range_invalid: 'The end date must be after the start date.',
    api_token_name_invalid: 'Give the token a name (1 to 64 characters).',
    api_token_permissions_required: 'Choose at least one permission.',
    api_token_permission_exceeds: 'The token cannot have permissions you do not have: {permissions}.',
    api_token_expiry_invalid: 'The expiry must be in the future and within 1 year.',
    api_token_invalid: 'Invalid, expired or revoked API token.',
    api_token_limit_reached:
      'This account already has {max} valid API tokens, the most allowed. Revoke a token you no longer use.',
    api_token_not_allowed: 'API tokens do not give access to this endpoint.',
  },
});

declare module '../../common/messages' {
  interface FeatureCatalogs {
    grants: (typeof grantsMessages)['pt-BR'];
  }
}
