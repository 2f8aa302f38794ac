import { defineMessages } from '../../../common/define-messages';

/** Messages of the object browser (codes are API contract). */
export const objectsMessages = defineMessages({
  'pt-BR': {
    object_key_invalid:
      'Nome inválido: até 1024 bytes, sem "/" no início, sem caracteres de controle e sem partes "." ou "..".',
    object_page_size_invalid: 'O tamanho da página deve ser um número entre 1 e 1000.',
    object_marker_invalid:
      'Marcador de página inválido. Use o valor devolvido pela página anterior ou recomece a listagem.',
    object_size_invalid: 'Tamanho de arquivo inválido para este tipo de envio.',
    object_part_size_invalid: 'O tamanho de cada parte deve ficar entre 5 MiB e 5 GiB.',
    object_too_many_parts:
      'O arquivo precisaria de mais de 10.000 partes com este tamanho de parte. Use partes maiores.',
    object_part_number_invalid: 'Números de parte inválidos (de 1 a 10.000, sem repetição).',
    object_part_order_invalid: 'As partes precisam estar em ordem crescente, sem repetição.',
    object_part_etag_invalid: 'ETag de parte inválido.',
    object_parts_mismatch:
      'As partes informadas não conferem com as enviadas (alguma parte faltou ou foi alterada). Envie o arquivo de novo.',
    object_upload_invalid: 'Envio em partes não encontrado (já concluído, cancelado ou expirado).',
    object_not_found: 'Objeto não encontrado.',
    object_write_not_allowed: 'Seu acesso a este bucket é somente leitura.',
    object_writes_blocked:
      'Envios e exclusões estão bloqueados nesta conta (cota excedida ou conta somente leitura). Libere espaço ou peça mais cota.',
    object_folder_exists: 'Já existe uma pasta ou arquivo com este nome.',
    object_locked: 'Este objeto está protegido por retenção (object lock) e não pode ser apagado ainda.',
  },
  en: {
    object_key_invalid:
      'Invalid name: up to 1024 bytes, no leading "/", no control characters and no "." or ".." parts.',
    object_page_size_invalid: 'The page size must be a number from 1 to 1000.',
    object_marker_invalid:
      'Invalid page marker. Use the value the previous page returned, or start the listing again.',
    object_size_invalid: 'Invalid file size for this kind of upload.',
    object_part_size_invalid: 'Each part must be between 5 MiB and 5 GiB.',
    object_too_many_parts: 'The file would need more than 10,000 parts of this size. Use larger parts.',
    object_part_number_invalid: 'Invalid part numbers (1 to 10,000, no repeats).',
    object_part_order_invalid: 'Parts must be in ascending order, without repeats.',
    object_part_etag_invalid: 'Invalid part ETag.',
    object_parts_mismatch:
      'The parts given do not match the uploaded ones (a part is missing or changed). Upload the file again.',
    object_upload_invalid: 'Multipart upload not found (already completed, aborted or expired).',
    object_not_found: 'Object not found.',
    object_write_not_allowed: 'Your access to this bucket is read-only.',
    object_writes_blocked:
      'Uploads and deletions are blocked in this account (quota exceeded or read-only account). Free up space or request more quota.',
    object_folder_exists: 'A folder or file with this name already exists.',
    object_locked: 'This object is under retention (object lock) and cannot be deleted yet.',
  },
});

declare module '../../../common/messages' {
  interface FeatureCatalogs {
    objects: (typeof objectsMessages)['pt-BR'];
  }
}
