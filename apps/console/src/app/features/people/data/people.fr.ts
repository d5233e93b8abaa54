import type { peopleEn } from './people.en';

/** French texts of People (members and invitations) (same keys as peopleEn). */
export const peopleFr: Record<keyof typeof peopleEn, string> = {
  'people.title': 'Personnes',
  'people.members': 'Membres',
  'people.empty': 'Aucun membre pour l’instant.',
  'people.colName': 'Nom',
  'people.colEmail': 'E-mail',
  'people.colRoles': 'Rôles',
  'people.colStatus': 'Statut',
  'people.colActions': 'Actions',
  'people.changeRoles': 'Modifier les rôles',
  'people.changeRolesFor': 'Modifier les rôles de {name}',
  'people.disable': 'Désactiver',
  'people.enable': 'Réactiver',
  'people.rolesSaved': 'Rôles de {name} enregistrés.',
  'people.disabled': '{name} est désactivé·e.',
  'people.enabled': '{name} est réactivé·e.',
  'people.invite': 'Inviter une personne',
  'people.inviteSubmit': 'Envoyer l’invitation',
  'people.invited': 'Invitation envoyée à {email}.',
  'people.invitedReplacing':
    'Nouvelle invitation envoyée à {email} ; elle remplace la précédente, dont le lien ne fonctionne plus.',
  'people.invitations': 'Invitations',
  'people.noInvitations': 'Aucune invitation pour l’instant.',
  'people.revoke': 'Révoquer',
  'people.revokeFor': 'Révoquer l’invitation de {email}',
  'people.revoked': 'Invitation de {email} révoquée.',
  'people.atLeastOneRole': 'Choisissez au moins un rôle.',
  'people.emptyHint': 'Invitez les premières personnes de votre coopérative avec le formulaire ci-dessus.',
  'people.noInvitationsHint': 'Les invitations envoyées apparaissent ici jusqu’à leur acceptation ou leur expiration.',
  'people.pendingUntil': 'En attente jusqu’au {date}',
  'people.accepted': 'Acceptée',
  'people.expired': 'Expirée',
  'people.cannotDisableSelf':
    'Vous ne pouvez pas désactiver votre propre adhésion : demandez à un·e autre admin de la coop.',
  'people.cannotDropOwnAdmin':
    'Vous ne pouvez pas retirer votre propre rôle d’admin de la coop : demandez à un·e autre admin.',
};
