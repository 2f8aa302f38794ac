/** Every user-facing API message, in each supported language. Codes are stable API contract. */

export const LANGUAGES = ['pt-BR', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const corePtBR = {
  validation_failed: 'Alguns campos estão inválidos. Corrija e tente novamente.',
  field_required: 'Campo obrigatório.',
  field_invalid: 'Valor inválido.',
  field_too_long: 'Texto longo demais.',
  field_control_characters:
    'O texto contém caracteres de controle (como NUL ou quebras de linha) que não são aceitos aqui.',
  field_date_out_of_range: 'Informe uma data entre os anos 1970 e 2999.',
  invalid_email: 'Informe um e-mail válido.',
  invalid_document: 'CPF ou CNPJ inválido. Confira os dígitos.',
  invalid_phone: 'Informe um telefone com DDD (10 a 13 dígitos).',
  invalid_full_name: 'Informe seu nome completo (nome e sobrenome).',
  terms_required: 'É preciso aceitar os Termos de Serviço.',
  password_too_short: 'A senha precisa ter pelo menos 8 caracteres.',
  password_too_long: 'A senha pode ter no máximo 128 caracteres.',
  password_needs_digit: 'A senha precisa ter pelo menos um número.',
  password_needs_uppercase: 'A senha precisa ter pelo menos uma letra maiúscula.',
  password_too_common: 'Essa senha é muito comum ou já apareceu em vazamentos. Escolha outra.',
  invalid_code: 'Código incorreto. Você ainda tem {remaining} tentativa(s).',
  code_format: 'O código tem 6 dígitos.',
  code_expired: 'Este código expirou. Peça um novo código.',
  too_many_attempts: 'Tentativas esgotadas. Peça um novo código.',
  signup_not_found: 'Cadastro não encontrado. Comece novamente.',
  signup_already_verified: 'Este cadastro já foi confirmado.',
  email_taken: 'Este e-mail já está cadastrado. Entre com sua senha ou recupere o acesso.',
  document_taken: 'Já existe uma conta com este CPF/CNPJ.',
  rate_limited: 'Muitas solicitações. Aguarde {seconds} segundos e tente novamente.',
  server_busy: 'O serviço está sobrecarregado no momento. Tente novamente em alguns segundos.',
  invalid_credentials: 'E-mail ou senha incorretos.',
  account_pending: 'Sua conta ainda aguarda aprovação. Você receberá um e-mail assim que for aprovada.',
  account_rejected: 'Seu cadastro não foi aprovado. Verifique o e-mail que enviamos com o motivo.',
  account_suspended: 'Sua conta está suspensa. Entre em contato com o suporte.',
  account_canceled: 'Esta conta foi encerrada.',
  user_disabled: 'Seu usuário está desativado. Fale com o responsável pela conta.',
  unauthenticated: 'Sua sessão expirou. Entre novamente.',
  forbidden: 'Você não tem permissão para esta ação.',
  not_found: 'Não encontrado.',
  route_not_found: 'Endereço não encontrado.',
  account_not_pending: 'Esta conta não está aguardando aprovação (situação atual: {status}).',
  reject_reason_required: 'Informe o motivo da rejeição.',
  provisioning_in_progress:
    'A criação do armazenamento desta conta já está em andamento. Aguarde alguns segundos e atualize a página.',
  provisioning_failed:
    'Não foi possível concluir a criação do armazenamento agora ({reason}). Nada ficou pela metade: tente aprovar novamente.',
  storage_unavailable: 'O armazenamento está indisponível no momento. Tente novamente em instantes.',
  bucket_name_length: 'O nome deve ter entre 3 e 63 caracteres.',
  bucket_name_chars: 'Use apenas letras minúsculas, números e hífen.',
  bucket_name_hyphen_edge: 'O nome não pode começar nem terminar com hífen.',
  bucket_name_double_hyphen: 'O nome não pode ter hífens consecutivos.',
  bucket_name_reserved: 'Este nome é reservado. Escolha outro.',
  bucket_name_taken: 'Já existe um bucket com este nome (os nomes são únicos em toda a plataforma).',
  bucket_not_empty:
    'O bucket "{name}" não está vazio. Apague todos os objetos (e versões anteriores) antes de excluí-lo.',
  access_key_name_invalid: 'Dê um nome à chave (1 a 64 caracteres).',
  access_key_revoked: 'Esta chave foi revogada.',
  secret_already_revealed:
    'A secret desta chave já foi exibida e não pode ser mostrada de novo. Gere uma nova chave.',
  origin_not_allowed: 'Origem da requisição não permitida.',
  payload_invalid: 'Corpo da requisição inválido.',
  internal_error: 'Erro interno. Tente novamente; se persistir, fale com o suporte.',
  response_invalid: 'Erro interno: a resposta não seguiu o contrato da API. Fale com o suporte.',
} as const;

/**
 * Each feature's catalog type, keyed by feature. A feature's messages file adds its entry by
 * declaration merging (`declare module '../../common/messages' { interface FeatureCatalogs { ... } }`)
 * and registers its texts with defineMessages(); modules/messages.ts loads every such file. So
 * common/ never imports a domain, and a code no catalog defines does not compile.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeatureCatalogs {}

type FeatureCode = { [K in keyof FeatureCatalogs]: keyof FeatureCatalogs[K] & string }[keyof FeatureCatalogs];

export type MessageCode = keyof typeof corePtBR | FeatureCode;

const coreEn: Record<keyof typeof corePtBR, string> = {
  validation_failed: 'Some fields are invalid. Fix them and try again.',
  field_required: 'This field is required.',
  field_invalid: 'Invalid value.',
  field_too_long: 'Text is too long.',
  field_control_characters:
    'The text contains control characters (such as NUL or line breaks) that are not accepted here.',
  field_date_out_of_range: 'Enter a date between the years 1970 and 2999.',
  invalid_email: 'Enter a valid e-mail address.',
  invalid_document: 'Invalid CPF or CNPJ. Check the digits.',
  invalid_phone: 'Enter a phone number with area code (10 to 13 digits).',
  invalid_full_name: 'Enter your full name (first and last name).',
  terms_required: 'You must accept the Terms of Service.',
  password_too_short: 'The password must have at least 8 characters.',
  password_too_long: 'The password can have at most 128 characters.',
  password_needs_digit: 'The password must contain a digit.',
  password_needs_uppercase: 'The password must contain an uppercase letter.',
  password_too_common: 'This password is too common or appeared in breaches. Choose another.',
  invalid_code: 'Wrong code. You have {remaining} attempt(s) left.',
  code_format: 'The code has 6 digits.',
  code_expired: 'This code has expired. Ask for a new code.',
  too_many_attempts: 'No attempts left. Ask for a new code.',
  signup_not_found: 'Sign-up not found. Please start again.',
  signup_already_verified: 'This sign-up is already confirmed.',
  email_taken: 'This e-mail is already registered. Sign in or recover your access.',
  document_taken: 'An account with this CPF/CNPJ already exists.',
  rate_limited: 'Too many requests. Wait {seconds} seconds and try again.',
  server_busy: 'The service is overloaded right now. Try again in a few seconds.',
  invalid_credentials: 'Wrong e-mail or password.',
  account_pending: 'Your account is awaiting approval. You will get an e-mail once it is approved.',
  account_rejected: 'Your sign-up was not approved. See the e-mail we sent with the reason.',
  account_suspended: 'Your account is suspended. Please contact support.',
  account_canceled: 'This account has been closed.',
  user_disabled: 'Your user is disabled. Talk to the account owner.',
  unauthenticated: 'Your session has expired. Please sign in again.',
  forbidden: 'You are not allowed to do this.',
  not_found: 'Not found.',
  route_not_found: 'Route not found.',
  account_not_pending: 'This account is not awaiting approval (current status: {status}).',
  reject_reason_required: 'Give a reason for the rejection.',
  provisioning_in_progress:
    "This account's storage is already being created. Wait a few seconds and refresh the page.",
  provisioning_failed:
    'Could not finish creating the storage now ({reason}). Nothing was left half-done: approve again to retry.',
  storage_unavailable: 'Storage is unavailable right now. Try again in a moment.',
  bucket_name_length: 'The name must have 3 to 63 characters.',
  bucket_name_chars: 'Use only lowercase letters, digits and hyphens.',
  bucket_name_hyphen_edge: 'The name cannot start or end with a hyphen.',
  bucket_name_double_hyphen: 'The name cannot have consecutive hyphens.',
  bucket_name_reserved: 'This name is reserved. Choose another.',
  bucket_name_taken: 'A bucket with this name already exists (names are unique across the platform).',
  bucket_not_empty:
    'Bucket "{name}" is not empty. Delete every object (and older versions) before deleting it.',
  access_key_name_invalid: 'Give the key a name (1 to 64 characters).',
  access_key_revoked: 'This key has been revoked.',
  secret_already_revealed: 'This key’s secret was already shown and cannot be shown again. Create a new key.',
  origin_not_allowed: 'Request origin not allowed.',
  payload_invalid: 'Invalid request body.',
  internal_error: 'Internal error. Try again; if it persists, contact support.',
  response_invalid: 'Internal error: the answer did not follow the API contract. Contact support.',
};

const catalogs: Record<Language, Record<string, string>> = { 'pt-BR': { ...corePtBR }, en: { ...coreEn } };

/** Adds a feature's texts (defineMessages calls this). A code two catalogs define differently throws. */
export function registerMessages(catalog: Record<Language, Record<string, string>>): void {
  for (const lang of LANGUAGES) {
    for (const [code, text] of Object.entries(catalog[lang])) {
      const known = catalogs[lang][code];
      if (known !== undefined && known !== text) throw new Error(`message code ${code} is defined twice`);
      catalogs[lang][code] = text;
    }
  }
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(catalogs['pt-BR'], code);
}

export function translate(code: MessageCode, lang: Language, params: Record<string, unknown> = {}): string {
  const text = catalogs[lang][code] ?? catalogs['pt-BR'][code] ?? code;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** Picks the caller's language: the `lang` cookie, then Accept-Language; pt-BR by default. */
export function pickLanguage(cookieLang: string | undefined, acceptLanguage: string | undefined): Language {
  if (cookieLang === 'en' || cookieLang === 'pt-BR') return cookieLang;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'pt-BR';
}
