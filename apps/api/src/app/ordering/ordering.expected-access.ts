import { randomBytes } from 'node:crypto';
import { partnerRoute, type Expectation, type Role } from '../isolation/access-expectation';
import { PRICING_EXPECTED } from './pricing.expected-access';

/**
 * The expected access of ordering's routes, as the isolation suite probes them (roles from the
 * abilities of 'PartnerClient': only the coop admin manages the coop's API clients).
 */
const ADMINS: Role[] = ['coop_admin'];

export const ORDERING_EXPECTED: Record<string, Expectation> = {
  // pricing rule sets and the quote tester
  ...PRICING_EXPECTED,
  'GET /api/partner-clients': {
    permission: 'read:PartnerClient',
    kind: 'list',
    allowed: ADMINS,
    probe: () => ({ method: 'get', url: '/api/partner-clients' }),
    fixture: (su, coop) =>
      su.query(`insert into partner_clients (coop_id, name, kind, scopes) values ($1, $2, 'shop', '{deliveries}')`, [
        coop.id,
        `client ${coop.canary}`,
      ]),
  },
  'POST /api/partner-clients': {
    permission: 'create:PartnerClient',
    kind: 'write',
    allowed: ADMINS,
    status: 201,
    probe: () => ({
      method: 'post',
      url: '/api/partner-clients',
      body: { name: `probe ${randomBytes(3).toString('hex')}`, kind: 'site', scopes: ['deliveries:read'] },
    }),
  },
  // partner authentication: the token endpoint is public (a bad request is refused as RFC 6749 says)
  'POST /api/partner/oauth2/token': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 400,
    probe: () => ({ method: 'post', url: '/api/partner/oauth2/token', body: {} }),
  },
  // who a partner credential speaks for: its own client, never another's
  'GET /api/partner/v1/me': partnerRoute('any', {
    kind: 'list',
    probe: () => ({ method: 'get', url: '/api/partner/v1/me' }),
  }),
};
