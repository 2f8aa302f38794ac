import { defineMessages } from '../../../common/define-messages';

/**
 * Messages of the backup setup page's S3 connection test (codes are API contract). The step
 * explanations (`connection_test_*`) are returned inside a 200 answer, in the caller's language.
 */
export const connectionTestMessages = defineMessages({
  'pt-BR': {
    connection_test_key_id_invalid: 'Informe o Access Key ID (3 a 128 caracteres, sem espaços).',
    connection_test_secret_invalid: 'Cole a Secret Access Key (1 a 256 caracteres).',
    connection_test_bucket_invalid: 'Escolha um bucket (nome de 3 a 63 caracteres).',
    connection_test_key_not_found: 'Esta chave de acesso não existe na sua conta. Confira o Access Key ID.',
    connection_test_ok: 'Conexão estabelecida: as credenciais funcionam com o bucket "{bucket}".',
    connection_test_failed: 'O teste falhou na etapa "{step}". Veja a explicação abaixo.',
    connection_test_skipped: 'Não executado: uma etapa anterior falhou.',
    connection_test_key_unknown:
      'O servidor não reconhece este Access Key ID. A chave pode ter sido apagada; gere uma nova em Chaves de acesso.',
    connection_test_key_revoked:
      'Esta chave foi revogada e não funciona mais. Gere uma nova chave em Chaves de acesso e atualize o software de backup.',
    connection_test_key_disabled:
      'Esta chave está desativada. Reative-a em Chaves de acesso ou use outra chave.',
    connection_test_key_expired:
      'Esta chave expirou. Gere uma nova chave em Chaves de acesso e atualize o software de backup.',
    connection_test_wrong_secret:
      'A Secret Access Key não confere com este Access Key ID. Cole a secret exatamente como foi mostrada na criação da chave (sem espaços).',
    connection_test_bucket_denied:
      'A chave não tem acesso ao bucket "{bucket}". Confira o nome do bucket e se a chave está limitada a outros buckets.',
    connection_test_no_buckets:
      'A chave funciona, mas não enxerga nenhum bucket. Crie um bucket ou libere um bucket para esta chave.',
    connection_test_bucket_missing:
      'O bucket "{bucket}" não existe. Confira o nome ou crie o bucket no painel.',
    connection_test_write_denied:
      'A chave só tem permissão de leitura neste bucket. Para backups, use uma chave com acesso completo.',
    connection_test_writes_blocked:
      'As gravações da conta estão bloqueadas porque a quota foi excedida. Libere espaço ou solicite um aumento de quota; a leitura continua funcionando.',
    connection_test_quota_exceeded:
      'A quota de armazenamento foi excedida e o servidor recusou a gravação. Libere espaço ou solicite um aumento de quota.',
    connection_test_unreachable:
      'Não foi possível alcançar o servidor S3 a tempo. Tente de novo em instantes; se persistir, fale com o suporte.',
    connection_test_read_mismatch: 'O objeto de teste foi lido com conteúdo diferente do gravado.',
    connection_test_unexpected: 'O servidor respondeu com um erro inesperado ({code}).',
  },
  en: {
    connection_test_key_id_invalid: 'Enter the Access Key ID (3 to 128 characters, no spaces).',
    connection_test_secret_invalid: 'Paste the Secret Access Key (1 to 256 characters).',
    connection_test_bucket_invalid: 'Choose a bucket (name of 3 to 63 characters).',
    connection_test_key_not_found: 'This access key does not exist in your account. Check the Access Key ID.',
    connection_test_ok: 'Connected: the credentials work with bucket "{bucket}".',
    connection_test_failed: 'The test failed at step "{step}". See the explanation below.',
    connection_test_skipped: 'Not run: an earlier step failed.',
    connection_test_key_unknown:
      'The server does not recognise this Access Key ID. The key may have been deleted; create a new one under Access keys.',
    connection_test_key_revoked:
      'This key was revoked and no longer works. Create a new key under Access keys and update your backup software.',
    connection_test_key_disabled:
      'This key is deactivated. Reactivate it under Access keys or use another key.',
    connection_test_key_expired:
      'This key has expired. Create a new key under Access keys and update your backup software.',
    connection_test_wrong_secret:
      'The Secret Access Key does not match this Access Key ID. Paste the secret exactly as it was shown when the key was created (no spaces).',
    connection_test_bucket_denied:
      'The key has no access to bucket "{bucket}". Check the bucket name and whether the key is limited to other buckets.',
    connection_test_no_buckets:
      'The key works but sees no bucket. Create a bucket or give this key access to one.',
    connection_test_bucket_missing:
      'Bucket "{bucket}" does not exist. Check the name or create the bucket in the portal.',
    connection_test_write_denied: 'The key may only read this bucket. Backups need a key with full access.',
    connection_test_writes_blocked:
      'Writes are blocked for the account because its quota was exceeded. Free up space or request a larger quota; reading still works.',
    connection_test_quota_exceeded:
      'The storage quota was exceeded and the server refused the write. Free up space or request a larger quota.',
    connection_test_unreachable:
      'The S3 server could not be reached in time. Try again shortly; if it persists, contact support.',
    connection_test_read_mismatch: 'The test object was read back with different content than was written.',
    connection_test_unexpected: 'The server answered with an unexpected error ({code}).',
  },
});

declare module '../../../common/messages' {
  interface FeatureCatalogs {
    connectionTest: (typeof connectionTestMessages)['pt-BR'];
  }
}
