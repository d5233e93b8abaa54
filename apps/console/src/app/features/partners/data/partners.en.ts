/** Partner clients (the coop's API clients): English strings. */
export const partnersEn = {
  'error.PARTNER_CLIENT_NAME_TAKEN': 'Another partner client already has this name: choose another one.',
} as const;
