import { defineMessages } from '../../../common/define-messages';

/** Messages of access keys (codes are API contract). */
export const accessKeysMessages = defineMessages({
  'pt-BR': {
    access_key_limit_reached:
      'Esta conta já tem {max} chaves de acesso ativas ou desativadas, o máximo permitido. Revogue uma chave que não usa mais.',
    access_key_description_invalid: 'A descrição pode ter no máximo 256 caracteres.',
    access_key_expiry_invalid:
      'A validade precisa estar no futuro (pelo menos 1 hora) e em até 1 ano (365 dias).',
    access_key_scope_invalid:
      'Escolha buckets da conta, cada um uma única vez, com acesso Leitura ou Completo.',
    access_key_scope_too_large:
      'Buckets demais para uma única chave. Escolha menos buckets ou dê acesso a todos.',
    access_key_bucket_not_found: 'Um dos buckets escolhidos não existe nesta conta.',
    access_key_not_active: 'Só uma chave ativa pode ser rotacionada.',
    access_key_already_rotated: 'Esta chave já foi rotacionada e está no período de transição.',
    access_key_expired: 'Esta chave expirou e não pode ser reativada. Gere uma nova chave.',
  },
  en: {
    access_key_limit_reached:
      'This account already has {max} active or deactivated access keys, the most allowed. Revoke a key you no longer use.',
    access_key_description_invalid: 'The description can have at most 256 characters.',
    access_key_expiry_invalid:
      'The expiry must be in the future (at least 1 hour) and within a year (365 days).',
    access_key_scope_invalid: "Choose the account's buckets, each once, with Read or Full access.",
    access_key_scope_too_large: 'Too many buckets for one key. Choose fewer buckets or give access to all.',
    access_key_bucket_not_found: 'One of the chosen buckets does not exist in this account.',
    access_key_not_active: 'Only an active key can be rotated.',
    access_key_already_rotated: 'This key was already rotated and is in its transition period.',
    access_key_expired: 'This key has expired and cannot be reactivated. Generate a new key.',
  },
});

declare module '../../../common/messages' {
  interface FeatureCatalogs {
    accessKeys: (typeof accessKeysMessages)['pt-BR'];
  }
}
