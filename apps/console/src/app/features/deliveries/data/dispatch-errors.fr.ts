import type { dispatchErrorsEn } from './dispatch-errors.en';

/** French messages of dispatch's error codes. */
export const dispatchErrorsFr: Record<keyof typeof dispatchErrorsEn, string> = {
  'error.DELIVERY_SHAPE_INVALID':
    'Une livraison compte au moins un enlèvement et un dépôt : un enlèvement vers plusieurs dépôts, ou plusieurs enlèvements vers un dépôt.',
  'error.WINDOW_CLOSES_BEFORE_OPENING':
    'Un créneau doit se fermer après s’être ouvert : vérifiez les heures « Pas avant » et « Pas après ».',
  'error.WINDOW_IN_PAST': 'Ce créneau est déjà passé : choisissez une heure à venir.',
  'error.UNKNOWN_COURIER': 'Ce coursier n’est pas un coursier actif de la coopérative : choisissez-en un autre.',
  'error.TASK_ALREADY_ASSIGNED':
    'Un autre répartiteur vient de confier cette tâche à un coursier : rechargez pour voir lequel.',
  'error.TASK_CLOSED': 'Cette tâche est terminée (faite, échouée ou annulée) : elle ne peut plus changer.',
  'error.PICKUP_NOT_DONE': 'Un dépôt ne peut pas être marqué fait avant son enlèvement.',
  'error.ASSIGNMENT_CHANGED':
    'Cela a changé entre-temps (quelqu’un d’autre a déplacé la tâche) : rechargez et réessayez.',
  'error.FAILURE_REASON_REQUIRED': 'Indiquez pourquoi la tâche a échoué : choisissez un motif.',
  'error.NO_PROPOSAL':
    'Il n’y a pas de proposition de plan à accepter pour l’instant : le planificateur en proposera une dès qu’il y aura du travail.',
  'error.PROPOSAL_STALE': 'Cette tâche a changé depuis la proposition du plan : elle a été laissée telle quelle.',
  'error.UNKNOWN_MERCHANT': 'Ce commerçant n’est pas l’un de ceux de la coopérative : choisissez-en un autre.',
  'error.CONTACT_EMAIL_INVALID':
    'L’e-mail du destinataire n’est pas une adresse valable (et seul un dépôt a un destinataire à prévenir).',
  'error.DATE_RANGE_INVALID':
    'Vérifiez les dates : chacune doit être un jour du calendrier, et la période doit finir après son début.',
  'error.TRACKING_NOT_FOUND': 'Aucune livraison n’a ce lien de suivi : vérifiez le lien de votre message.',
  'error.PROOF_NOT_FOUND': 'Cette preuve de livraison est introuvable (ou pas encore visible).',
  'error.UNKNOWN_TIME_SLOT': 'Ce créneau n’est pas un créneau de la coopérative : choisissez-en un dans la liste.',
  'error.TIME_SLOT_NAME_TAKEN': 'Un autre créneau porte déjà ce nom : choisissez-en un autre.',
  'error.TIME_SLOT_IN_USE': 'Des livraisons ont été réservées sur ce créneau : il ne peut pas être supprimé.',
  'error.TIME_SLOT_WINDOW_INVALID': 'Cette plage n’est pas proposée par le créneau : choisissez une de ses plages.',
  'error.TIME_SLOT_PAST': 'Cette plage commence trop tôt ou est passée : choisissez-en une plus tardive.',
  'error.TIME_SLOT_FULL': 'Cette plage est complète : choisissez-en une autre.',
  'error.TIME_SLOT_NO_WINDOW':
    'Ce créneau ne propose aucune plage dans les jours qui viennent : vérifiez ses horaires.',
  'error.OUTSIDE_SERVICE_AREA': 'Cette adresse est en dehors de toutes les zones desservies par la coopérative.',
  'error.TOO_MANY_TASKS': 'Une livraison compte au plus 20 étapes : répartissez-la en plusieurs livraisons.',
  'error.PICKUP_REQUIRED': 'Indiquez un retrait : ce client n’a pas de boutique où retirer par défaut.',
  'error.DELIVERY_UNDER_WAY': 'Un coursier a retiré cette livraison : elle ne peut plus être annulée.',
  'error.QUOTE_EXPIRED': 'Ce devis a expiré : demandez-en un nouveau.',
  'error.QUOTE_USED': 'Ce devis a déjà été confirmé.',
  'error.CURSOR_INVALID': 'Ce lien de page n’est plus valable : reprenez la liste depuis le début.',
};
