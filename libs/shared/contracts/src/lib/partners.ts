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
}

export interface CreatePartnerClientRequest {
  name: string;
  kind: PartnerClientKind;
  merchantId?: string | null;
  scopes: PartnerScope[];
  rateLimitPerMinute?: number;
}
