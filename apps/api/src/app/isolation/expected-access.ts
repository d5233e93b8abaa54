import { FEDERATION_EXPECTED } from '../federation/federation.expected-access';
import { DOMAIN_EXPECTED } from '../domains.expected-access';
import { IDENTITY_EXPECTED } from '../identity/expected-access';
import type { Expectation } from './access-expectation';

/**
 * The expected access of EVERY route of the API, each domain contributing its own entries. The
 * isolation suite probes every live route with them: a route missing here fails the suite, and
 * so does a stale entry.
 */
export const EXPECTED: Record<string, Expectation> = {
  ...IDENTITY_EXPECTED,
  ...FEDERATION_EXPECTED,
  ...DOMAIN_EXPECTED,
};
