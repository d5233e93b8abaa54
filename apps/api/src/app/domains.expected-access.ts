import type { Expectation } from './isolation/access-expectation';
import { GOVERNANCE_EXPECTED } from './governance/governance.expected-access';

/**
 * The expected access of the routes of the domains made with `npm run new-domain` (each
 * contributes its own file, imported here by the generator); identity's and federation's
 * entries are in identity/ and federation/ (composed in isolation/expected-access.ts).
 */
export const DOMAIN_EXPECTED: Record<string, Expectation> = {
  ...GOVERNANCE_EXPECTED,
};
