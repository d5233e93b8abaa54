import type { partnersEn } from './partners.en';

/** Partner clients (the coop's API clients): French strings. */
export const partnersFr: Record<keyof typeof partnersEn, string> = {
  'error.PARTNER_CLIENT_NAME_TAKEN': 'Un autre client partenaire porte déjà ce nom : choisissez-en un autre.',
};
