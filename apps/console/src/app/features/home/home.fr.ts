import type { homeEn } from './home.en';

/** French texts of the home page and its cards (same keys as homeEn). */
export const homeFr: Record<keyof typeof homeEn, string> = {
  'home.greeting': 'Bonjour, {name}',
  'home.coop': 'Votre coopérative : {coop}',
  'home.noCoop': 'Vous ne travaillez dans aucune coopérative pour le moment.',
  'home.roles': 'Vos rôles',
  'home.noRoles': 'Aucun rôle dans cette coopérative.',
  'home.otherCoop': 'Vous faites aussi partie d’une autre coopérative : utilisez le sélecteur en haut.',
  'home.otherCoops': 'Vous faites aussi partie de {count} autres coopératives : utilisez le sélecteur en haut.',
  'home.cardsLabel': 'Ce qui vous attend d’abord',
  'home.nothingTitle': 'Rien à afficher ici pour l’instant.',
  'home.nothingHint': 'Choisissez une coopérative avec le sélecteur en haut pour voir ce qui vous y attend.',
  'home.notYet': 'Pas encore disponible : cette partie de Federacycle est en construction.',

  'home.standing.title': 'Situation et licence',
  'home.standing.expires': 'jusqu’au {date}',
  'home.standing.link': 'Voir la licence',
  'home.people.title': 'Personnes',
  'home.people.members': 'Membres',
  'home.people.pending': 'Invitations en attente',
  'home.people.link': 'Gérer les personnes',
  'home.applications.title': 'Candidatures à trancher',
  'home.applications.link': 'Ouvrir la file',
  'home.coops.title': 'Coops par statut',
  'home.coops.partial': 'Compté sur les {count} premières coops sur {total}.',
  'home.coops.link': 'Voir les coops',

  'home.dispatch.title': 'Votre prochaine tâche',
  'home.dispatch.body': 'Votre prochaine tâche apparaîtra ici dès que le dispatch sera activé.',
  'home.deliveries.title': 'Votre prochaine livraison',
  'home.deliveries.body': 'Votre prochaine livraison apparaîtra ici dès que les livraisons seront activées.',
  'home.orders.title': 'Les commandes du jour',
  'home.orders.body':
    'Les commandes du jour de votre commerce apparaîtront ici dès que la commande en ligne sera activée.',
  'home.proposals.title': 'Propositions à voter',
  'home.proposals.link': 'Voir les propositions',
  'home.proposals.open': 'Ouvertes au vote',
  'home.proposals.upcoming': 'Bientôt ouvertes',
};
