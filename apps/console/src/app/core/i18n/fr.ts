import type { Dictionary } from './en';
import { homeFr } from '../../features/home/home.fr';
import { federationFr } from '../../features/federation/data/federation.fr';
import { licenceFr } from '../../features/licence/data/licence.fr';
import { peopleFr } from '../../features/people/data/people.fr';
import { merchantsFr } from '../../features/merchants/data/merchants.fr';
import { zonesFr } from '../../features/zones/data/zones.fr';
import { pricingFr } from '../../features/pricing/data/pricing.fr';
import { fleetFr } from '../../features/couriers/data/fleet.fr';
import { dispatchFr } from '../../features/deliveries/data/dispatch.fr';
import { courierAppFr } from '../../features/my-tasks/data/courier-app.fr';
import { trackingFr } from '../../features/tracking/data/tracking.fr';
import { boardFr } from '../../features/dispatch/data/board.fr';
import { governanceFr } from '../../features/governance/data/governance.fr';
import { partnersFr } from '../../features/partners/data/partners.fr';

/** French dictionary: typed against the English keys, so none can be missing. */
export const fr: Dictionary = {
  'app.name': 'Federacycle',
  'app.skipToContent': 'Aller au contenu principal',
  'app.loading': 'Chargement…',

  'lang.label': 'Langue',
  'lang.en': 'English',
  'lang.fr': 'Français',
  'lang.notSaved': 'Votre langue n’a pas pu être enregistrée dans votre compte.',

  'shell.openMenu': 'Ouvrir le menu de navigation',
  'shell.closeMenu': 'Fermer le menu de navigation',
  'shell.mainNav': 'Navigation principale',
  'shell.coopSwitcher': 'Coopérative',
  'shell.signOut': 'Se déconnecter',
  'shell.signedInAs': 'Connecté·e en tant que {name}',
  'shell.federation': 'Fédération',

  'nav.home': 'Accueil',
  'nav.people': 'Personnes',
  'nav.coops': 'Coopératives',
  'nav.dispatch': 'Tableau de dispatch',
  'nav.deliveries': 'Livraisons',
  'nav.myTasks': 'Mes tâches',
  'nav.orders': 'Commandes',
  'nav.merchants': 'Commerçants',
  'nav.couriers': 'Coursiers',
  'nav.proposals': 'Propositions',
  'nav.settings': 'Paramètres',
  'nav.licence': 'Licence',

  'role.coop_admin': 'Admin de la coop',
  'role.dispatcher': 'Dispatcheur·euse',
  'role.courier': 'Coursier·ère',
  'role.merchant_staff': 'Équipe commerçante',
  'role.member': 'Sociétaire',
  'role.federation_admin': 'Admin de la fédération',

  'status.active': 'Actif',
  'status.disabled': 'Désactivé',

  'coopStatus.active': 'Active',
  'coopStatus.suspended': 'Suspendue',
  'coopStatus.offboarding': 'En cours de départ',
  'coopStatus.offboarded': 'Partie',

  'form.email': 'E-mail',
  'form.password': 'Mot de passe',
  'form.newPassword': 'Nouveau mot de passe',
  'form.confirmPassword': 'Confirmer le mot de passe',
  'form.name': 'Nom complet',
  'form.roles': 'Rôles',
  'form.required': 'Ce champ est obligatoire.',
  'form.invalidEmail': 'Saisissez une adresse e-mail valide.',
  'form.minLength': 'Au moins {min} caractères.',
  'form.maxLength': 'Au plus {max} caractères.',
  'form.passwordsDiffer': 'Les mots de passe ne correspondent pas.',
  'form.passwordHint': 'Au moins 10 caractères.',
  'form.invalidFormat': 'Le format de cette valeur n’est pas valide.',
  'form.invalidValue': 'Cette valeur n’est pas acceptée.',
  'form.taken': 'Cette valeur est déjà utilisée.',

  'signIn.title': 'Se connecter',
  'signIn.subtitle': 'La plateforme commune des coopératives de coursiers à vélo.',
  'signIn.submit': 'Se connecter',
  'signIn.forgot': 'Mot de passe oublié ?',

  'forgot.title': 'Mot de passe oublié',
  'forgot.intro': 'Saisissez votre e-mail : nous vous enverrons un lien pour choisir un nouveau mot de passe.',
  'forgot.submit': 'Envoyer le lien',
  'forgot.sent': 'Si un compte existe pour {email}, un lien est en route. Il est valable pour une durée limitée.',
  'forgot.back': 'Retour à la connexion',

  'reset.title': 'Choisir un nouveau mot de passe',
  'reset.submit': 'Enregistrer le mot de passe',
  'reset.done': 'Votre mot de passe a été changé. Vous pouvez maintenant vous connecter.',
  'reset.missingToken': 'Ce lien est incomplet. Demandez-en un nouveau.',
  'reset.askAgain': 'Demander un nouveau lien',

  'invite.title': 'Rejoindre une coopérative',
  'invite.intro': '{coop} invite {email} à la rejoindre avec ces rôles :',
  'invite.newUser': 'Créez votre compte pour accepter.',
  'invite.existingUser': 'Vous avez déjà un compte : acceptez pour y ajouter cette coopérative.',
  'invite.accept': 'Accepter l’invitation',
  'invite.missingToken': 'Ce lien d’invitation est incomplet.',

  'common.cancel': 'Annuler',
  'common.save': 'Enregistrer',
  'common.close': 'Fermer',
  'common.retry': 'Réessayer',
  'common.goHome': 'Aller à l’accueil',

  'list.range': '{from}–{to} sur {total}',
  'list.pageSize': 'Lignes par page',
  'list.previous': 'Précédent',
  'list.next': 'Suivant',
  'list.pagination': 'Pages : {label}',

  'notFound.title': 'Page introuvable',
  'notFound.body': 'La page que vous cherchez n’existe pas ou a été déplacée.',

  'forbidden.title': 'Accès refusé',
  'forbidden.body': 'Vos rôles dans cette coopérative ne donnent pas accès à cette page.',

  'comingSoon.title': '{page} : bientôt disponible',
  'comingSoon.body': 'Cette partie de Federacycle est en construction. Revenez bientôt.',

  'error.generic': 'Une erreur est survenue. Veuillez réessayer.',
  'error.network': 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  'error.INVALID_CREDENTIALS': 'E-mail ou mot de passe incorrect.',
  'error.RATE_LIMITED': 'Trop de tentatives. Réessayez dans {seconds} secondes.',
  'error.RATE_LIMITED_NO_DELAY': 'Trop de tentatives. Réessayez dans un instant.',
  'error.LINK_EXPIRED': 'Ce lien a expiré. Demandez-en un nouveau.',
  'error.LINK_INVALID': 'Ce lien n’est pas valide (il a peut-être déjà servi).',
  'error.WEAK_PASSWORD':
    'Ce mot de passe est trop faible : utilisez au moins 10 caractères et évitez les mots courants.',
  'error.PASSWORD_TOO_COMMON':
    'Ce mot de passe est trop courant ou trop facile à deviner (un mot, une répétition, une suite de touches, ou votre nom ou e-mail). Choisissez-en un plus long et moins courant, par exemple quelques mots sans rapport.',
  'error.TOO_MANY_PENDING_APPLICATIONS':
    'Cette adresse a déjà plusieurs candidatures en attente de décision. Attendez la réponse de la fédération, ou écrivez-lui, avant de candidater à nouveau.',
  'error.VALIDATION_FAILED': 'Certains champs ne sont pas valides : vérifiez les champs signalés.',
  'error.USER_DISABLED': 'Ce compte est désactivé. Contactez votre coopérative.',
  'error.NO_MEMBERSHIP': 'Ce compte n’appartient à aucune coopérative active.',
  'error.SESSION_REVOKED': 'Votre session est terminée. Veuillez vous reconnecter.',
  'error.TOKEN_EXPIRED': 'Votre session a expiré. Veuillez vous reconnecter.',
  'error.TOKEN_STALE': 'Vos rôles ont changé. Veuillez vous reconnecter.',
  'error.TOKEN_INVALID': 'Votre session n’est pas valide. Veuillez vous reconnecter.',
  'error.UNAUTHENTICATED': 'Veuillez vous connecter.',
  'error.FORBIDDEN': 'Vous n’êtes pas autorisé·e à faire cela.',
  'error.NOT_FOUND': 'Introuvable : l’élément a peut-être été supprimé.',
  'error.CONFLICT': 'Cet élément existe déjà ou a été modifié entre-temps.',
  'error.ILLEGAL_TRANSITION': 'Ce changement n’est pas possible dans l’état actuel.',
  'error.UNKNOWN_SETTING': 'Ce paramètre n’existe pas.',
  'error.SETTING_VALUE_INVALID': 'Cette valeur n’est pas permise pour ce paramètre.',
  'error.VOTING_WINDOW_INVALID': 'Le vote doit se clore au moins une heure après son ouverture.',
  'error.PERCENT_OUT_OF_RANGE': 'Le quorum et le seuil sont des pourcentages de 0 à 100.',
  'error.STATUTORY_THRESHOLD': 'Un paramètre statutaire exige un seuil d’au moins deux tiers.',
  'error.NOT_A_VOTER': 'Vous ne faites pas partie des votants de cette proposition.',
  'error.VOTING_NOT_OPEN': 'Le vote n’est pas ouvert pour cette proposition.',
  'error.VOTE_SAME_INSTANT': 'Ce vote a déjà été enregistré au même instant ; réessayez.',
  'error.PROXY_TO_SELF': 'Vous ne pouvez pas vous donner votre propre procuration.',
  'error.PROXY_CHAIN': 'Une procuration ne se transmet pas : choisissez un membre qui n’en détient ni n’en a donné.',
  'error.TOO_MANY_PROXIES': 'Ce membre détient déjà le nombre maximum de procurations.',
  'error.VOTE_GIVEN_BY_PROXY': 'Vous avez donné procuration : reprenez-la pour voter vous-même.',
  'error.RESULTS_HIDDEN': 'Les résultats restent cachés jusqu’à la clôture du vote.',
  'error.PROPOSAL_HAS_BALLOTS': 'Une proposition ne peut plus être retirée une fois qu’un vote a eu lieu.',
  'error.COLLEGE_NAME_TAKEN': 'La coopérative a déjà un collège de ce nom.',
  'error.COLLEGE_WEIGHTS_OVER_100': 'Ensemble, les poids des collèges ne peuvent dépasser 100 %.',
  'error.COLLEGE_MEMBER_TAKEN': 'Un membre vote dans un seul collège : retirez-le d’abord de son collège.',
  'error.COLLEGE_NOT_A_MEMBER': 'Seuls les membres votants de la coopérative peuvent être placés dans un collège.',
  'error.LICENCE_REQUIRED': 'La coopérative a besoin d’une licence valide pour cela.',
  'error.LICENCE_EXPIRED': 'La licence de la coopérative a expiré.',
  'error.COOP_SUSPENDED': 'La coopérative est suspendue.',
  'error.COOP_NOT_WORKER_OWNED': 'La coopérative ne remplit plus la condition de propriété par les travailleurs.',
  'error.SERVICE_UNAVAILABLE': 'Le service est momentanément indisponible. Réessayez sous peu.',
  'error.MALFORMED_JSON': 'La requête est illisible. Rechargez la page et réessayez.',
  'error.PAYLOAD_TOO_LARGE': 'Ce que vous avez envoyé est trop volumineux.',
  'error.UNSUPPORTED_MEDIA_TYPE': 'Ce type de fichier ou de contenu n’est pas accepté.',
  'error.INVALID_ID': 'Ce lien ou cet identifiant n’est pas valide.',
  'error.ROUTE_NOT_FOUND': 'Cette action n’est pas (encore) disponible sur le serveur.',
  'error.IDEMPOTENCY_KEY_REUSED': 'Cette requête a déjà été envoyée avec un autre contenu.',
  'error.IDEMPOTENCY_IN_PROGRESS': 'Cette requête est encore en cours de traitement. Patientez un instant.',

  'common.yes': 'Oui',
  'common.no': 'Non',

  // each feature's texts live next to it (features/<domain>/data/<domain>.fr.ts)
  ...homeFr,
  ...peopleFr,
  ...merchantsFr,
  ...federationFr,
  ...licenceFr,
  ...zonesFr,
  ...pricingFr,
  ...fleetFr,
  ...dispatchFr,
  ...courierAppFr,
  ...trackingFr,
  ...boardFr,
  ...governanceFr,
  ...partnersFr,
};
