import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { SessionResponse } from '@federacycle/contracts';

/**
 * The expected access of EVERY route of the API, as the isolation suite
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
}
export interface Actor {
  role: Role;
  coop: CoopFixture | null;
  session: SessionResponse;
}
export interface Probe {
  method: 'get' | 'post' | 'patch' | 'delete';
  url: string;
  body?: object;
}
/**
 * How each route is attacked: `list` (own rows only), `read` / `write` aimed at a foreign
 * coop's ids, `body` naming a foreign id, `fixed` (public routes: a fixed answer).
 */
export interface Expectation {
  permission: string;
  kind: 'list' | 'read' | 'write' | 'body' | 'fixed';
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
}

/** routes express serves outside Nest (the OpenAPI document and Swagger UI): public, no tenant data */
export const OUTSIDE_NEST = 'outside-nest:public';
const docs = (path: string, status = 200): Expectation => ({
  permission: OUTSIDE_NEST,
  kind: 'fixed',
  allowed: 'everyone',
  status,
  probe: () => ({ method: 'get', url: path }),
});

const FOREIGN_USER = (f: CoopFixture) => f.users['courier'] as string;
const ADMIN: Role[] = ['coop_admin'];
const FED: Role[] = ['federation_admin'];

/** The expected access of EVERY route of the API. A route missing here fails the suite. */
export const EXPECTED: Record<string, Expectation> = {
  'GET /api/auth/me': {
    permission: 'authenticated',
    kind: 'list',
    allowed: 'everyone',
    probe: () => ({ method: 'get', url: '/api/auth/me' }),
  },
  'POST /api/auth/forgot-password': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 202,
    probe: (f, a) => ({
      method: 'post',
      url: '/api/auth/forgot-password',
      body: { email: `nobody.${a.role}.${a.coop?.slug ?? 'p'}.${f.canary}@fc.test` },
    }),
  },
  'POST /api/auth/refresh': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 401,
    probe: () => ({
      method: 'post',
      url: '/api/auth/refresh',
      body: { refreshToken: randomBytes(32).toString('base64url') },
    }),
  },
  'POST /api/auth/reset-password': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 400,
    probe: () => ({
      method: 'post',
      url: '/api/auth/reset-password',
      body: { token: randomBytes(32).toString('base64url'), password: 'long-enough-password' },
    }),
  },
  'POST /api/auth/sign-in': {
    permission: 'public',
    kind: 'body',
    allowed: 'everyone',
    status: 403,
    probe: (f, a) => ({
      method: 'post',
      url: '/api/auth/sign-in',
      body: { email: a.session.principal.email, password: 'integration-password-42', coopId: f.id },
    }),
  },
  'POST /api/auth/sign-out': {
    permission: 'authenticated',
    kind: 'write',
    allowed: 'everyone',
    status: 204,
    probe: () => ({ method: 'post', url: '/api/auth/sign-out' }),
  },
  'POST /api/auth/switch-coop': {
    permission: 'authenticated',
    kind: 'body',
    allowed: 'everyone',
    status: 403,
    probe: (f) => ({ method: 'post', url: '/api/auth/switch-coop', body: { coopId: f.id } }),
  },
  'GET /api/federation/coops': {
    permission: 'read:Federation',
    kind: 'list',
    allowed: FED,
    probe: () => ({ method: 'get', url: '/api/federation/coops' }),
  },
  'POST /api/federation/coops': {
    permission: 'create:Coop',
    kind: 'write',
    allowed: FED,
    status: 201,
    probe: () => ({
      method: 'post',
      url: '/api/federation/coops',
      body: {
        slug: `c-${randomBytes(4).toString('hex')}`,
        name: 'New',
        city: 'Gent',
        country: 'BE',
        timezone: 'Europe/Brussels',
        currency: 'EUR',
      },
    }),
  },
  'GET /api/federation/coops/:coopId': {
    permission: 'read:Federation',
    kind: 'read',
    allowed: FED,
    status: 200,
    probe: (f) => ({ method: 'get', url: `/api/federation/coops/${f.id}` }),
  },
  'GET /api/invitations': {
    permission: 'read:Invitation',
    kind: 'list',
    allowed: ADMIN,
    probe: () => ({ method: 'get', url: '/api/invitations' }),
  },
  'POST /api/invitations': {
    permission: 'create:Invitation',
    kind: 'write',
    allowed: ADMIN,
    status: 201,
    probe: (_f, a) => ({
      method: 'post',
      url: '/api/invitations',
      body: { email: `again.${a.coop?.slug ?? 'p'}.${randomBytes(3).toString('hex')}@fc.test`, roles: ['member'] },
    }),
  },
  'DELETE /api/invitations/:id': {
    permission: 'delete:Invitation',
    kind: 'write',
    allowed: ADMIN,
    probe: (f) => ({ method: 'delete', url: `/api/invitations/${f.invitationId}` }),
  },
  'GET /api/invitations/by-token/:token': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 404,
    probe: () => ({ method: 'get', url: `/api/invitations/by-token/${randomBytes(32).toString('base64url')}` }),
  },
  'POST /api/invitations/by-token/:token/accept': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 404,
    probe: () => ({
      method: 'post',
      url: `/api/invitations/by-token/${randomBytes(32).toString('base64url')}/accept`,
      body: {},
    }),
  },
  'GET /api/members': {
    permission: 'read:Member',
    kind: 'list',
    allowed: ADMIN,
    probe: () => ({ method: 'get', url: '/api/members' }),
  },
  'GET /api/members/:userId': {
    permission: 'read:Member',
    kind: 'read',
    allowed: ADMIN,
    probe: (f) => ({ method: 'get', url: `/api/members/${FOREIGN_USER(f)}` }),
  },
  'PATCH /api/members/:userId': {
    permission: 'update:Member',
    kind: 'write',
    allowed: ADMIN,
    probe: (f) => ({ method: 'patch', url: `/api/members/${FOREIGN_USER(f)}`, body: { roles: ['coop_admin'] } }),
  },
  'POST /api/members/:userId/disable': {
    permission: 'update:Member',
    kind: 'write',
    allowed: ADMIN,
    probe: (f) => ({ method: 'post', url: `/api/members/${FOREIGN_USER(f)}/disable` }),
  },
  'POST /api/members/:userId/enable': {
    permission: 'update:Member',
    kind: 'write',
    allowed: ADMIN,
    probe: (f) => ({ method: 'post', url: `/api/members/${FOREIGN_USER(f)}/enable` }),
  },
  // federation onboarding and licences (libs/federation/server)
  'GET /.well-known/jwks.json': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 200,
    probe: () => ({ method: 'get', url: '/.well-known/jwks.json' }),
  },
  'GET /api/public/licences/jwks': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 200,
    probe: () => ({ method: 'get', url: '/api/public/licences/jwks' }),
  },
  'GET /api/public/legal-forms': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 200,
    probe: () => ({ method: 'get', url: '/api/public/legal-forms' }),
  },
  'POST /api/public/licences/verify': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 200,
    probe: () => ({ method: 'post', url: '/api/public/licences/verify', body: { licence: 'not.a.licence' } }),
  },
  'POST /api/public/applications': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 415,
    probe: (f) => ({ method: 'post', url: '/api/public/applications', body: { name: f.canary } }),
  },
  'GET /api/public/applications/:id': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 404,
    probe: (f) => ({
      method: 'get',
      url: `/api/public/applications/${f.id}?token=${randomBytes(32).toString('base64url')}`,
    }),
  },
  'GET /api/compliance': {
    permission: 'authenticated',
    kind: 'fixed',
    allowed: COOP_ROLES,
    status: 200,
    probe: () => ({ method: 'get', url: '/api/compliance' }),
  },
  'GET /api/coop/export': {
    permission: 'update:Coop',
    kind: 'fixed',
    allowed: ADMIN,
    status: 409,
    probe: () => ({ method: 'get', url: '/api/coop/export' }),
  },
  'GET /api/licence': {
    permission: 'read:Licence',
    kind: 'fixed',
    allowed: ADMIN,
    status: 200,
    probe: () => ({ method: 'get', url: '/api/licence' }),
  },
  'GET /api/licence/download': {
    permission: 'read:Licence',
    kind: 'fixed',
    allowed: ADMIN,
    status: 404,
    probe: () => ({ method: 'get', url: '/api/licence/download' }),
  },
  'GET /api/storefront': {
    permission: 'read:Coop',
    kind: 'fixed',
    allowed: COOP_ROLES,
    status: 200,
    probe: () => ({ method: 'get', url: '/api/storefront' }),
  },
  'POST /api/storefront/publish': {
    permission: 'update:Coop',
    kind: 'fixed',
    allowed: ADMIN,
    status: 403,
    probe: () => ({ method: 'post', url: '/api/storefront/publish' }),
  },
  'POST /api/storefront/unpublish': {
    permission: 'update:Coop',
    kind: 'fixed',
    allowed: ADMIN,
    status: 200,
    probe: () => ({ method: 'post', url: '/api/storefront/unpublish' }),
  },
  'GET /api/federation/applications': {
    permission: 'manage:Application',
    kind: 'list',
    allowed: FED,
    probe: () => ({ method: 'get', url: '/api/federation/applications' }),
  },
  'GET /api/federation/applications/:id': {
    permission: 'manage:Application',
    kind: 'read',
    allowed: FED,
    probe: (f) => ({ method: 'get', url: `/api/federation/applications/${f.id}` }),
  },
  'GET /api/federation/applications/:id/statutes': {
    permission: 'manage:Application',
    kind: 'read',
    allowed: FED,
    probe: (f) => ({ method: 'get', url: `/api/federation/applications/${f.id}/statutes` }),
  },
  'POST /api/federation/applications/:id/start-review': {
    permission: 'manage:Application',
    kind: 'write',
    allowed: FED,
    probe: (f) => ({ method: 'post', url: `/api/federation/applications/${f.id}/start-review`, body: {} }),
  },
  'POST /api/federation/applications/:id/approve': {
    permission: 'manage:Application',
    kind: 'write',
    allowed: FED,
    probe: (f) => ({ method: 'post', url: `/api/federation/applications/${f.id}/approve`, body: {} }),
  },
  'POST /api/federation/applications/:id/reject': {
    permission: 'manage:Application',
    kind: 'write',
    allowed: FED,
    probe: (f) => ({
      method: 'post',
      url: `/api/federation/applications/${f.id}/reject`,
      body: { reason: 'not a cooperative at all' },
    }),
  },
  'GET /api/federation/directory': {
    permission: 'manage:Coop',
    kind: 'list',
    allowed: FED,
    probe: () => ({ method: 'get', url: '/api/federation/directory' }),
  },
  // a federation admin may suspend or offboard any coop: probed without the required reason (400), or
  // where the lifecycle forbids it (409), so nothing changes
  'POST /api/federation/coops/:coopId/suspend': {
    permission: 'manage:Coop',
    kind: 'write',
    allowed: FED,
    status: 400,
    probe: (f) => ({ method: 'post', url: `/api/federation/coops/${f.id}/suspend`, body: {} }),
  },
  'POST /api/federation/coops/:coopId/reinstate': {
    permission: 'manage:Coop',
    kind: 'write',
    allowed: FED,
    status: 409,
    probe: (f) => ({ method: 'post', url: `/api/federation/coops/${f.id}/reinstate`, body: {} }),
  },
  'POST /api/federation/coops/:coopId/offboard': {
    permission: 'manage:Coop',
    kind: 'write',
    allowed: FED,
    status: 400,
    probe: (f) => ({ method: 'post', url: `/api/federation/coops/${f.id}/offboard`, body: {} }),
  },
  'POST /api/federation/coops/:coopId/complete-offboarding': {
    permission: 'manage:Coop',
    kind: 'write',
    allowed: FED,
    status: 409,
    probe: (f) => ({
      method: 'post',
      url: `/api/federation/coops/${f.id}/complete-offboarding`,
      body: { reason: 'probe' },
    }),
  },
  'POST /api/federation/coops/:coopId/licence': {
    permission: 'manage:Licence',
    kind: 'write',
    allowed: FED,
    probe: () => ({ method: 'post', url: `/api/federation/coops/${randomUUID()}/licence`, body: {} }),
  },
  'POST /api/federation/licences/:licenceId/revoke': {
    permission: 'manage:Licence',
    kind: 'write',
    allowed: FED,
    probe: () => ({
      method: 'post',
      url: `/api/federation/licences/${randomUUID()}/revoke`,
      body: { reason: 'probe of an unknown licence' },
    }),
  },
  'GET /api/federation/settings': {
    permission: 'manage:Federation',
    kind: 'fixed',
    allowed: FED,
    status: 200,
    probe: () => ({ method: 'get', url: '/api/federation/settings' }),
  },
  'PATCH /api/federation/settings': {
    permission: 'manage:Federation',
    kind: 'fixed',
    allowed: FED,
    status: 400,
    probe: () => ({ method: 'patch', url: '/api/federation/settings', body: { licenceGraceDays: -1 } }),
  },
  'POST /api/federation/keys/rotate': {
    permission: 'manage:Federation',
    kind: 'fixed',
    allowed: FED,
    status: 200,
    probe: () => ({ method: 'post', url: '/api/federation/keys/rotate' }),
  },
  'GET /api/docs': docs('/api/docs'),
  'GET /api/docs/': docs('/api/docs/'),
  'GET /api/docs-yaml': docs('/api/docs-yaml'),
  'GET /api/docs/LICENSE': docs('/api/docs/LICENSE', 404),
  'GET /api/docs/docs/swagger-ui-init.js': docs('/api/docs/docs/swagger-ui-init.js'),
  'GET /api/docs/index.html': docs('/api/docs/index.html'),
  'GET /api/docs/swagger-ui-init.js': docs('/api/docs/swagger-ui-init.js'),
  'GET /api/openapi.json': docs('/api/openapi.json'),
  'GET /health/live': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 200,
    probe: () => ({ method: 'get', url: '/health/live' }),
  },
  'GET /health/ready': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 200,
    probe: () => ({ method: 'get', url: '/health/ready' }),
  },
  'GET /metrics': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 200,
    probe: () => ({ method: 'get', url: '/metrics' }),
  },
};
