import type { Client } from 'pg';
import type { SessionResponse } from '@federacycle/contracts';

/**
 * The shape of the expected access of EVERY route of the API, as the isolation suite
 * (isolation.int-spec.ts) probes it: who gets through, and what a probe aimed at another
 * coop's ids must answer. A live route missing here fails the suite; so does a stale entry.
 */
export type Role = 'coop_admin' | 'dispatcher' | 'courier' | 'merchant_staff' | 'member' | 'federation_admin';
export const COOP_ROLES: Role[] = ['coop_admin', 'dispatcher', 'courier', 'merchant_staff', 'member'];

export interface CoopFixture {
  slug: string;
  id: string;
  canary: string;
  users: Record<string, string>;
  invitationId: string;
  /** ids the domains' fixtures made in this coop (e.g. `merchant`, `otherMerchant`), by name */
  refs: Record<string, string>;
}
export interface Actor {
  role: Role;
  coop: CoopFixture | null;
  session: SessionResponse;
}
export interface Probe {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  url: string;
  body?: object;
  /** a multipart file part instead of a JSON body */
  attach?: { field: string; content: Buffer; filename: string };
  /** a Server-Sent Events stream: read until its `ready` frame, then closed */
  stream?: true;
}
/**
 * A partner client of a coop in the isolation suite: every coop has two (`p1`, `p2`), each with an
 * API key and its own canary (in its name and in the rows the partner fixtures write for it).
 */
export interface PartnerFixture {
  coop: CoopFixture;
  label: 'p1' | 'p2';
  clientId: string;
  apiKey: string;
  canary: string;
  /** ids the domains' partner fixtures made for this partner (e.g. `delivery`), by name */
  refs: Record<string, string>;
}

/**
 * How a partner route is attacked, by every partner of every coop: aimed at a partner of another
 * coop (`target.coop` is foreign) and at the other partner of its own coop (`target.coop` is the
 * actor's). `list`: the actor's own rows only (its canary shows, the target's never); `read` /
 * `write` aimed at the target's ids: `status` (default 404), nothing of the target shown or
 * changed; `fixed`: a fixed answer (default 200).
 */
export interface PartnerExpectation {
  kind: 'list' | 'read' | 'write' | 'fixed';
  probe: (target: PartnerFixture, actor: PartnerFixture) => Probe;
  status?: number;
  /** rows the route needs for every partner (as superuser, before the probes), carrying its canary */
  fixture?: (su: Client, partner: PartnerFixture) => Promise<unknown>;
}

/**
 * How each route is attacked: `list` (own rows only), `read` / `write` aimed at a foreign
 * coop's ids, `body` naming a foreign id, `fixed` (public routes: a fixed answer), `partner`
 * (a partner route: every person's token is refused with 401; `partner` says how partners probe it).
 */
export interface Expectation {
  permission: string;
  kind: 'list' | 'read' | 'write' | 'body' | 'fixed' | 'partner';
  /** partner routes only */
  partner?: PartnerExpectation;
  /** roles the route lets through; others get 403 */
  allowed: Role[] | 'everyone';
  probe: (foreign: CoopFixture, actor: Actor) => Probe;
  /** status for an allowed role (default: list 200, read/write 404, body 403) */
  status?: number;
  /**
   * Rows the route needs in every coop (written as superuser before the probes), so that a list
   * can show its own coop's canary: a list that answers nothing would pass vacuously.
   */
  fixture?: (su: Client, coop: CoopFixture) => Promise<unknown>;
  /**
   * Merchant-level isolation inside one coop: a probe aimed at a merchant of the actor's OWN coop
   * that the coop's merchant_staff member is not assigned to (`refs.otherMerchant`). The staff
   * member must get `sameCoopStatus` (default: list 200 without the other merchant, else 404),
   * see nothing of it (`refs.otherCanary`), and change nothing of the coop.
   */
  sameCoop?: (own: CoopFixture) => Probe;
  sameCoopStatus?: number;
}

/** routes express serves outside Nest (the OpenAPI document and Swagger UI): public, no tenant data */
export const OUTSIDE_NEST = 'outside-nest:public';
export const docs = (path: string, status = 200): Expectation => ({
  permission: OUTSIDE_NEST,
  kind: 'fixed',
  allowed: 'everyone',
  status,
  probe: () => ({ method: 'get', url: path }),
});

/** A partner route's entry: no person passes (401), partners probe it as `partner` says. */
export const partnerRoute = (scope: string, partner: PartnerExpectation): Expectation => ({
  permission: `partner:${scope}`,
  kind: 'partner',
  allowed: [],
  status: 401,
  probe: () => partner.probe(PROBE_PLACEHOLDER, PROBE_PLACEHOLDER),
  partner,
});
/** people's probes of a partner route aim at nobody in particular */
const PROBE_PLACEHOLDER: PartnerFixture = {
  coop: {
    slug: 'none',
    id: '00000000-0000-4000-8000-000000000000',
    canary: 'none',
    users: {},
    invitationId: '',
    refs: {},
  },
  label: 'p1',
  clientId: '00000000-0000-4000-8000-000000000000',
  apiKey: '',
  canary: 'none',
  refs: {},
};

export const FOREIGN_USER = (f: CoopFixture) => f.users['courier'] as string;
export const ADMIN: Role[] = ['coop_admin'];
export const FED: Role[] = ['federation_admin'];
