import type { licenceEn } from './licence.en';

/** French texts of the coop licence, standing, storefront and public verification (same keys as licenceEn). */
export const licenceFr: Record<keyof typeof licenceEn, string> = {
  'verify.link': 'Vérifier une licence',
  'verify.title': 'Vérifier une licence',
  'verify.intro':
    'Collez une licence Federacycle pour vérifier que la fédération l’a délivrée à une coopérative détenue par ses travailleur·euses et qu’elle est toujours valide.',
  'verify.licence': 'Licence',
  'verify.submit': 'Vérifier',
  'verify.coop': 'Coopérative',
  'verify.country': 'Pays',
  'verify.legalForm': 'Forme juridique',
  'verify.registration': 'Immatriculation',
  'verify.status.valid': 'Licence valide',
  'verify.status.expired': 'Cette licence a expiré',
  'verify.status.revoked': 'Cette licence a été révoquée',
  'verify.status.unknown_key': 'Signée avec une clé inconnue de la fédération',
  'verify.status.bad_signature': 'La signature ne correspond pas : cette licence a été modifiée',
  'verify.status.bad_algorithm': 'Signée avec un algorithme non accepté',
  'verify.status.malformed': 'Ce n’est pas une licence (vérifiez que vous l’avez collée en entier)',
  'verify.status.not_yet_valid': 'Cette licence n’est pas encore valide',

  'standing.licensed': 'Sous licence',
  'standing.grace': 'Délai de grâce',
  'standing.sandbox': 'Bac à sable',
  'standing.restricted': 'Restreinte',

  'compliance.label': 'Conformité',
  'compliance.restricted':
    'Votre coopérative est restreinte : les nouvelles commandes, la vitrine et l’API partenaires sont suspendues.',
  'compliance.grace': 'Votre coopérative est en délai de grâce : agissez maintenant pour continuer à opérer.',
  'compliance.graceUntil': 'Délai de grâce jusqu’au {date} : agissez avant pour continuer à opérer.',
  'compliance.warning': 'Une action est nécessaire pour garder votre licence.',
  'compliance.seeLicence': 'Voir la licence',
  'compliance.code.LICENCE_REQUIRED': 'La coopérative n’a pas encore de licence.',
  'compliance.code.LICENCE_EXPIRED':
    'La licence de la coopérative a expiré : demandez son renouvellement à la fédération.',
  'compliance.code.COOP_SUSPENDED': 'La fédération a suspendu la coopérative.',
  'compliance.code.COOP_NOT_WORKER_OWNED':
    'Trop peu de coursier·ères sont sociétaires : la coopérative ne remplit plus la condition de détention par les travailleur·euses.',

  'licence.title': 'Licence',
  'licence.noCoop': 'Choisissez une coopérative avec le sélecteur pour voir sa licence.',
  'licence.cardTitle': 'Licence de la coopérative',
  'licence.active': 'Active',
  'licence.expired': 'Expirée',
  'licence.revoked': 'Révoquée',
  'licence.none': 'Aucune licence n’a encore été délivrée.',
  'licence.expires': 'Expire le',
  'licence.issued': 'Délivrée le',
  'licence.revokedAt': 'Révoquée le',
  'licence.kid': 'Identifiant de clé',
  'licence.download': 'Télécharger',
  'licence.verifyLink': 'Page de vérification publique',
  'licence.standingTitle': 'Situation',
  'licence.explainLicensed': 'Tout est en ordre : la coopérative peut opérer pleinement.',
  'licence.explainGrace': 'L’activité continue pour l’instant, mais le délai de grâce se termine bientôt.',
  'licence.explainSandbox': 'Mode test : un nombre limité de commandes de test jusqu’à la délivrance de la licence.',
  'licence.explainRestricted': 'L’activité est suspendue jusqu’à la résolution du problème ci-dessous.',
  'licence.ownershipTitle': 'Détention par les travailleur·euses',
  'licence.ownershipDetail':
    '{members} coursier·ères actif·ves sur {active} sont sociétaires (au moins {threshold} requis).',

  'storefront.title': 'Vitrine',
  'storefront.published': 'La vitrine est publiée.',
  'storefront.publishedSince': 'Publiée depuis le {date}.',
  'storefront.unpublished': 'La vitrine n’est pas publiée.',
  'storefront.unknown': 'L’état de la vitrine n’a pas pu être chargé.',
  'storefront.hint': 'La publication nécessite une coopérative sous licence.',
  'storefront.canPublish': 'Votre licence est valide : vous pouvez publier la vitrine.',
  'storefront.canPublishGrace':
    'Vous pouvez publier pendant la période de grâce ; renouvelez la licence pour garder la vitrine en ligne.',
  'storefront.blockedSandbox':
    'La publication nécessite une licence : votre coopérative est en bac à sable jusqu’à ce que la fédération en délivre une.',
  'storefront.blockedExpired':
    'Publication suspendue : la licence a expiré. Demandez à la fédération de la renouveler.',
  'storefront.blockedSuspended': 'Publication suspendue : la fédération a suspendu la coopérative.',
  'storefront.blockedOwnership':
    'Publication suspendue : trop peu de coursier·ères sont sociétaires de la coopérative.',
  'storefront.blockedRestricted': 'Publication suspendue jusqu’à ce que le problème ci-dessus soit résolu.',
  'storefront.publish': 'Publier',
  'storefront.unpublish': 'Dépublier',
};
