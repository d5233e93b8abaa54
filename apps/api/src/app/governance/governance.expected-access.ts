import { randomBytes } from 'node:crypto';
import type { Expectation, Role } from '../isolation/access-expectation';

/**
 * The expected access of governance's routes, as the isolation suite probes them. The roles were
 * written from the abilities of 'Proposal' when the domain was generated: change them
 * deliberately, with the abilities.
 */
const READERS: Role[] = ['coop_admin', 'member'];
const CREATORS: Role[] = ['coop_admin', 'member'];

export const GOVERNANCE_EXPECTED: Record<string, Expectation> = {
  'GET /api/governance/samples': {
    permission: 'read:Proposal',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/governance/samples' }),
    fixture: (su, coop) =>
      su.query('insert into governance_samples (coop_id, label) values ($1, $2)', [coop.id, `sample ${coop.canary}`]),
  },
  'POST /api/governance/samples': {
    permission: 'create:Proposal',
    kind: 'write',
    allowed: CREATORS,
    status: 201,
    probe: () => ({
      method: 'post',
      url: '/api/governance/samples',
      body: { label: `probe ${randomBytes(3).toString('hex')}` },
    }),
  },
};
