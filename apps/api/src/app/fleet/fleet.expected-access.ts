import { randomBytes } from 'node:crypto';
import type { Expectation, Role } from '../isolation/access-expectation';

/**
 * The expected access of fleet's routes, as the isolation suite probes them. The roles were
 * written from the abilities of 'Courier' when the domain was generated: change them
 * deliberately, with the abilities.
 */
const READERS: Role[] = ['coop_admin', 'dispatcher'];
const CREATORS: Role[] = ['coop_admin'];

export const FLEET_EXPECTED: Record<string, Expectation> = {
  'GET /api/fleet/samples': {
    permission: 'read:Courier',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/fleet/samples' }),
    fixture: (su, coop) =>
      su.query('insert into fleet_samples (coop_id, label) values ($1, $2)', [coop.id, `sample ${coop.canary}`]),
  },
  'POST /api/fleet/samples': {
    permission: 'create:Courier',
    kind: 'write',
    allowed: CREATORS,
    status: 201,
    probe: () => ({
      method: 'post',
      url: '/api/fleet/samples',
      body: { label: `probe ${randomBytes(3).toString('hex')}` },
    }),
  },
};
