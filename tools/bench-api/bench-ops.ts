/**
 * `npm run bench:ops -- [--duration 6] [--connections 20] [--rounds 5]`: the operations reads
 * (the couriers list, a 40-product merchant menu with options) through the framework against a
 * bare node:http + pg endpoint running the same query, at 10 and 1,000 coops (see harness.ts).
 * Writes dist/bench/ops.json.
 */
import { runBench } from './harness';
import { couriersScenario } from './scenarios/couriers';
import { menuScenario } from './scenarios/menu';

runBench(__filename, [couriersScenario, menuScenario], 'ops');
