/**
 * Partner clients (a shop, a site, another coop) that call a coop's delivery API, and the
 * principal the partner strategies (API key, OAuth2 client credentials) put on a request.
 */

export const PartnerClientKind = { SHOP: 'shop', SITE: 'site', COOP: 'coop' } as const;
export type PartnerClientKind = (typeof PartnerClientKind)[keyof typeof PartnerClientKind];
export const PARTNER_CLIENT_KINDS: readonly PartnerClientKind[] = Object.values(PartnerClientKind);

/** `deliveries`: create, read and cancel; `deliveries:read`: read only; `webhooks`: subscribe. */
export const PARTNER_SCOPES = ['deliveries', 'deliveries:read', 'webhooks'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

/** What a partner route requires: one scope, or `any` (any live credential of the client). */
export type PartnerRouteScope = PartnerScope | 'any';

/** Does a credential holding `granted` pass a route requiring `required`? `deliveries` implies `deliveries:read`. */
export function partnerScopeAllows(granted: readonly PartnerScope[], required: PartnerRouteScope): boolean {
  if (required === 'any' || granted.includes(required)) return true;
  return required === 'deliveries:read' && granted.includes('deliveries');
}

/** Who is calling on a partner route: one client of one coop, optionally bound to one merchant. */
export interface PartnerPrincipal {
  kind: 'partner';
  coopId: string;
  /** the coop's slug (the CoopCycle-compatible base URL `/coopcycle/<slug>` must name it) */
  coopSlug: string;
  clientId: string;
  clientName: string;
  /** the store this client speaks for (its address and time slots are the defaults), or null */
  merchantId: string | null;
  /** what the credential grants (an OAuth2 token may carry fewer scopes than its client) */
  scopes: PartnerScope[];
  /** the API key or OAuth2 client secret used: logged with every call */
  credentialId: string;
}

export interface PartnerClientView {
  id: string;
  name: string;
  kind: PartnerClientKind;
  merchantId: string | null;
  scopes: PartnerScope[];
  rateLimitPerMinute: number;
  createdAt: string;
  revokedAt: string | null;
  /** the last call of any of its credentials (to the minute), or null */
  lastUsedAt: string | null;
  /** the prefixes of its live API keys (the keys themselves are never shown again) */
  apiKeyPrefixes: string[];
  /** its OAuth2 client key, when it has live client credentials */
  oauthClientKey: string | null;
}

/** An API key as lists show it: its prefix, never the key. */
export interface PartnerApiKeyView {
  id: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A new API key: the only answer that carries the key itself. */
export interface CreatedApiKey extends PartnerApiKeyView {
  key: string;
}

/** New OAuth2 client credentials (or a rotated secret): the only answer that carries the secret. */
export interface CreatedOAuthSecret {
  clientKey: string;
  clientSecret: string;
  createdAt: string;
}

export interface PartnerCredentialsView {
  /** newest first (the last 50) */
  apiKeys: PartnerApiKeyView[];
  oauth: { clientKey: string; createdAt: string; lastUsedAt: string | null } | null;
}

export interface CreatePartnerClientRequest {
  name: string;
  kind: PartnerClientKind;
  merchantId?: string | null;
  scopes: PartnerScope[];
  rateLimitPerMinute?: number;
}
