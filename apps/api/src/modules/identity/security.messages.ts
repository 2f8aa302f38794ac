import { defineMessages } from '../../common/define-messages';

/** Messages of this feature (codes are API contract). */
export const securityMessages = defineMessages({
  'pt-BR': {
    login_locked:
      'Muitas tentativas de acesso para este e-mail. Aguarde {minutes} minuto(s) ou redefina sua senha.',
    reauth_locked: 'Muitas tentativas de confirmação. Aguarde {minutes} minuto(s) antes de tentar de novo.',
    captcha_required: 'Confirme que você não é um robô para continuar.',
    captcha_invalid: 'A verificação anti-robô falhou ou expirou. Tente novamente.',
    second_factor_invalid: 'Código de verificação incorreto.',
    second_factor_expired: 'A etapa de verificação expirou. Entre novamente com sua senha.',
    two_factor_already_enabled: 'A verificação em duas etapas já está ativa.',
    two_factor_not_enabled: 'A verificação em duas etapas não está ativa.',
    two_factor_setup_missing: 'Comece a configuração do aplicativo autenticador novamente.',
    current_password_invalid: 'Senha atual incorreta.',
    reset_token_invalid: 'Este link de redefinição é inválido, expirou ou já foi usado. Peça um novo.',
    invalid_timezone: 'Fuso horário desconhecido.',
    email_unchanged: 'Este já é o seu e-mail.',
    staff_self_change: 'Você não pode alterar o próprio papel nem se desativar.',
    session_current: 'Para encerrar a sessão atual, use "Sair".',
    staff_ip_not_allowed: 'Acesso da equipe não permitido a partir deste endereço IP.',
    staff_outside_hours: 'Acesso da equipe fora do horário permitido.',
    staff_two_factor_required: 'Ative a verificação em duas etapas para usar o painel da equipe.',
    invalid_ip_rule: 'Endereço IP ou faixa CIDR inválida.',
    invalid_hours: 'Horário inválido (use HH:MM).',
    two_factor_enrolment_required:
      'Sua conta exige verificação em duas etapas. Ative-a em Segurança para continuar.',
    passkey_invalid: 'Não foi possível verificar a chave de acesso (passkey). Tente novamente.',
    passkey_challenge_expired: 'O cadastro da chave de acesso expirou. Comece novamente.',
    passkey_exists: 'Esta chave de acesso já está cadastrada.',
    passkey_not_allowed: 'Esta conta não tem chave de acesso para entrar.',
  },
  en: {
    login_locked:
      'Too many sign-in attempts for this e-mail. Wait {minutes} minute(s) or reset your password.',
    reauth_locked: 'Too many confirmation attempts. Wait {minutes} minute(s) before trying again.',
    captcha_required: 'Confirm you are not a robot to continue.',
    captcha_invalid: 'The anti-robot check failed or expired. Try again.',
    second_factor_invalid: 'Incorrect verification code.',
    second_factor_expired: 'The verification step expired. Sign in again with your password.',
    two_factor_already_enabled: 'Two-step verification is already on.',
    two_factor_not_enabled: 'Two-step verification is not on.',
    two_factor_setup_missing: 'Start the authenticator app setup again.',
    current_password_invalid: 'Current password is incorrect.',
    reset_token_invalid: 'This reset link is invalid, expired or already used. Ask for a new one.',
    invalid_timezone: 'Unknown time zone.',
    email_unchanged: 'This is already your e-mail.',
    staff_self_change: 'You cannot change your own role or disable yourself.',
    session_current: 'To end the current session, use "Sign out".',
    staff_ip_not_allowed: 'Staff access is not allowed from this IP address.',
    staff_outside_hours: 'Staff access outside the allowed hours.',
    staff_two_factor_required: 'Turn on two-step verification to use the staff panel.',
    invalid_ip_rule: 'Invalid IP address or CIDR range.',
    invalid_hours: 'Invalid time (use HH:MM).',
    two_factor_enrolment_required:
      'Your account requires two-step verification. Turn it on in Security to continue.',
    passkey_invalid: 'The passkey could not be verified. Try again.',
    passkey_challenge_expired: 'The passkey registration expired. Start again.',
    passkey_exists: 'This passkey is already registered.',
    passkey_not_allowed: 'This account has no passkey to sign in with.',
  },
});

declare module '../../common/messages' {
  interface FeatureCatalogs {
    security: (typeof securityMessages)['pt-BR'];
  }
}
