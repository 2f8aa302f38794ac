import { defineMessages } from '../../../common/define-messages';

/** Messages of bucket settings and deletion (codes are API contract). */
export const bucketsMessages = defineMessages({
  'pt-BR': {
    bucket_limit_reached:
      'Esta conta já tem {max} buckets, o máximo permitido. Apague um bucket que não usa mais ou fale com o suporte para aumentar o limite.',
    bucket_not_empty_versions:
      'O bucket "{name}" não está vazio: ele guarda objetos ou versões anteriores (o versionamento mantém cada versão e marcador de exclusão). Apague todas as versões, por exemplo no navegador de objetos com "mostrar versões" ou com `aws s3api delete-objects` para cada versão, ou crie uma regra de ciclo de vida que expire objetos e versões anteriores, e tente de novo.',
    bucket_not_empty_locked:
      'O bucket "{name}" não está vazio e usa bloqueio de objetos: versões sob retenção só podem ser apagadas quando a retenção vencer. Apague as versões liberadas (objetos e versões anteriores) e tente de novo depois.',
    bucket_retention_needs_lock:
      'A retenção padrão exige o bloqueio de objetos, que só pode ser ativado na criação do bucket.',
    bucket_versioning_locked: 'Buckets com bloqueio de objetos não podem suspender o versionamento.',
    bucket_object_lock_off:
      'Este bucket foi criado sem bloqueio de objetos. O bloqueio só pode ser ativado na criação: crie um novo bucket com a opção marcada.',
    bucket_retention_days_invalid: 'A retenção deve ter entre 1 e 3650 dias (10 anos).',
    bucket_lifecycle_days_invalid: 'Use um número inteiro de dias entre 1 e 36500.',
    bucket_lifecycle_action_required:
      'Cada regra precisa de pelo menos uma ação: expirar objetos, expirar versões anteriores ou cancelar uploads incompletos.',
    bucket_lifecycle_prefix_invalid: 'O prefixo pode ter até 1024 caracteres, sem caracteres de controle.',
    bucket_lifecycle_too_many: 'Use no máximo 50 regras de ciclo de vida.',
    bucket_lifecycle_duplicate_prefix: 'Duas regras têm o mesmo prefixo. Junte as ações numa só regra.',
  },
  en: {
    bucket_limit_reached:
      'This account already has {max} buckets, the most allowed. Delete a bucket you no longer use or contact support to raise the limit.',
    bucket_not_empty_versions:
      'Bucket "{name}" is not empty: it holds objects or older versions (versioning keeps every version and delete marker). Delete every version, for example in the object browser with "show versions" or with `aws s3api delete-objects` for each version, or add a lifecycle rule that expires objects and older versions, then try again.',
    bucket_not_empty_locked:
      'Bucket "{name}" is not empty and uses object lock: versions under retention can only be deleted once their retention ends. Delete the versions that are free (objects and older versions) and try again later.',
    bucket_retention_needs_lock:
      'A default retention requires object lock, which can only be turned on when the bucket is created.',
    bucket_versioning_locked: 'Buckets with object lock cannot suspend versioning.',
    bucket_object_lock_off:
      'This bucket was created without object lock. Object lock can only be turned on at creation: create a new bucket with the option checked.',
    bucket_retention_days_invalid: 'The retention must be between 1 and 3650 days (10 years).',
    bucket_lifecycle_days_invalid: 'Use a whole number of days between 1 and 36500.',
    bucket_lifecycle_action_required:
      'Each rule needs at least one action: expire objects, expire older versions or abort incomplete uploads.',
    bucket_lifecycle_prefix_invalid: 'The prefix can have up to 1024 characters, without control characters.',
    bucket_lifecycle_too_many: 'Use at most 50 lifecycle rules.',
    bucket_lifecycle_duplicate_prefix: 'Two rules have the same prefix. Put their actions in one rule.',
  },
});

declare module '../../../common/messages' {
  interface FeatureCatalogs {
    buckets: (typeof bucketsMessages)['pt-BR'];
  }
}
