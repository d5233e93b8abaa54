import type { partnersEn } from './partners.en';

/** Partner clients (the coop's API clients): French strings. */
export const partnersFr: Record<keyof typeof partnersEn, string> = {
  'error.PARTNER_CLIENT_NAME_TAKEN': 'Un autre client partenaire porte déjà ce nom : choisissez-en un autre.',
  'error.PARTNER_CREDENTIALS_INVALID': 'Cette clé d’API ou ce jeton partenaire n’est pas valide, ou a été révoqué.',
  'error.PARTNER_SCOPE_MISSING': 'Cet identifiant partenaire n’a pas la portée nécessaire.',
  'error.PARTNER_CLIENT_REVOKED': 'Ce client partenaire a été révoqué : il ne peut plus recevoir de clé ni de secret.',
};
