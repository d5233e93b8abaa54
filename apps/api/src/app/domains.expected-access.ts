import type { Expectation } from './isolation/access-expectation';
import { CATALOG_EXPECTED } from './merchants/catalog.expected-access';
import { MERCHANTS_EXPECTED } from './merchants/merchants.expected-access';
import { GEO_EXPECTED } from './geo/geo.expected-access';
import { FLEET_EXPECTED } from './fleet/fleet.expected-access';
import { DISPATCH_EXPECTED } from './dispatch/dispatch.expected-access';
import { GOVERNANCE_EXPECTED } from './governance/governance.expected-access';
import { ORDERING_EXPECTED } from './ordering/ordering.expected-access';

/**
 * The expected access of the routes of the domains made with `npm run new-domain` (each
 * contributes its own file, imported here by the generator); identity's and federation's
 * entries are in identity/ and federation/ (composed in isolation/expected-access.ts).
 */
export const DOMAIN_EXPECTED: Record<string, Expectation> = {
  ...ORDERING_EXPECTED,
  ...MERCHANTS_EXPECTED,
  ...CATALOG_EXPECTED,
  ...GEO_EXPECTED,
  ...FLEET_EXPECTED,
  // after fleet: dispatch's fixture assigns tasks to the courier profile fleet's fixture creates
  ...DISPATCH_EXPECTED,
  ...GOVERNANCE_EXPECTED,
};
