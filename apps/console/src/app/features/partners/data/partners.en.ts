/** Partner clients (the coop's API clients): English strings. */
export const partnersEn = {
  'error.PARTNER_CLIENT_NAME_TAKEN': 'Another partner client already has this name: choose another one.',
  'error.PARTNER_CREDENTIALS_INVALID': 'This API key or partner token is not valid, or has been revoked.',
  'error.PARTNER_SCOPE_MISSING': 'This partner credential does not have the scope this needs.',
  'error.PARTNER_CLIENT_REVOKED': 'This partner client has been revoked: it can get no new key or secret.',
} as const;
