/**
 * `npm run bench:api -- [--duration 6] [--connections 20] [--rounds 5]`: the member list through
 * the framework (Nest, Passport, the access guard's session check, TypeORM, RLS) against a bare
 * node:http + pg endpoint running the same query (see harness.ts). Writes dist/bench/api.json.
 */
import { runBench } from './harness';
import { membersScenario } from './scenarios/members';

runBench(__filename, [membersScenario], 'api');
