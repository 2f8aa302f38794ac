import { defineMessages } from '../../common/define-messages';

/** Messages of this feature (codes are API contract). */
export const teamMessages = defineMessages({
  'pt-BR': {
    team_email_has_user:
      'Já existe um usuário com este e-mail na plataforma. Use outro e-mail para o convite.',
    team_email_is_member: 'Este e-mail já é de um membro desta conta.',
    team_invitation_open:
      'Já existe um convite pendente para este e-mail. Reenvie o convite em vez de criar outro.',
    team_invitation_invalid: 'Este convite é inválido, foi cancelado ou já foi usado. Peça um novo convite.',
    team_invitation_expired: 'Este convite expirou. Peça ao responsável pela conta que o reenvie.',
    team_invitation_resend_wait: 'O convite acabou de ser enviado. Aguarde {seconds} segundos para reenviar.',
    team_invitation_send_limit: 'Este convite já foi enviado muitas vezes. Cancele-o e crie um novo.',
    team_role_invalid: 'Escolha um papel válido: Admin, Developer ou Cliente Externo.',
    team_buckets_required: 'Escolha pelo menos um bucket para o Cliente Externo.',
    team_bucket_unknown: 'Um dos buckets escolhidos não existe nesta conta.',
    team_buckets_only_external: 'Buckets só podem ser escolhidos para o papel Cliente Externo.',
    team_owner_immutable:
      'O Owner não pode ser alterado, desativado ou removido. Transfira a titularidade primeiro.',
    team_cannot_target_self: 'Você não pode fazer isso com o seu próprio usuário.',
    team_transfer_target_invalid: 'A titularidade só pode ser transferida para um Admin ativo da conta.',
    team_password_confirm_invalid: 'Senha incorreta. Confirme com a sua senha atual.',
    team_member_not_active: 'Este membro não está ativo.',
  },
  en: {
    team_email_has_user: 'A user with this e-mail already exists on the platform. Invite another e-mail.',
    team_email_is_member: 'This e-mail already belongs to a member of this account.',
    team_invitation_open:
      'There is already a pending invitation for this e-mail. Resend it instead of creating another.',
    team_invitation_invalid:
      'This invitation is invalid, was cancelled or has already been used. Ask for a new one.',
    team_invitation_expired: 'This invitation has expired. Ask the account owner to resend it.',
    team_invitation_resend_wait: 'The invitation was just sent. Wait {seconds} seconds to resend it.',
    team_invitation_send_limit: 'This invitation was sent too many times. Cancel it and create a new one.',
    team_role_invalid: 'Choose a valid role: Admin, Developer or External Client.',
    team_buckets_required: 'Choose at least one bucket for the External Client.',
    team_bucket_unknown: 'One of the chosen buckets does not exist in this account.',
    team_buckets_only_external: 'Buckets can only be chosen for the External Client role.',
    team_owner_immutable:
      'The Owner cannot be changed, deactivated or removed. Transfer the ownership first.',
    team_cannot_target_self: 'You cannot do this to your own user.',
    team_transfer_target_invalid: 'Ownership can only be transferred to an active Admin of the account.',
    team_password_confirm_invalid: 'Wrong password. Confirm with your current password.',
    team_member_not_active: 'This member is not active.',
  },
});

declare module '../../common/messages' {
  interface FeatureCatalogs {
    team: (typeof teamMessages)['pt-BR'];
  }
}
