import { randomBytes } from 'node:crypto';
import type { Expectation, Role } from '../isolation/access-expectation';
import { PRICING_EXPECTED } from './pricing.expected-access';

/**
 * The expected access of ordering's routes, as the isolation suite probes them. The roles were
 * written from the abilities of 'PartnerClient' when the domain was generated: change them
 * deliberately, with the abilities.
 */
const READERS: Role[] = ['coop_admin'];
const CREATORS: Role[] = ['coop_admin'];

export const ORDERING_EXPECTED: Record<string, Expectation> = {
  // pricing rule sets and the quote tester
  ...PRICING_EXPECTED,
  'GET /api/ordering/samples': {
    permission: 'read:PartnerClient',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/ordering/samples' }),
    fixture: (su, coop) =>
      su.query('insert into ordering_samples (coop_id, label) values ($1, $2)', [coop.id, `sample ${coop.canary}`]),
  },
  'POST /api/ordering/samples': {
    permission: 'create:PartnerClient',
    kind: 'write',
    allowed: CREATORS,
    status: 201,
    probe: () => ({
      method: 'post',
      url: '/api/ordering/samples',
      body: { label: `probe ${randomBytes(3).toString('hex')}` },
    }),
  },
};
