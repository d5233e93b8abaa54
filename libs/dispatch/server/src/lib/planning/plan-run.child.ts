/**
 * A worker's planning run in a process of its own, for the reliability spec that kills it in the
 * middle (planning-kill.int-spec.ts): `plan-run.child.ts <database url> <coop id>` runs one
 * planning run of the coop as the worker does, then exits. Not part of the worker's build.
 */
import { FEDERATION_ENTITIES, SettingsReader, StandingService, SystemClock } from '@federacycle/federation-server';
import { FLEET_ENTITIES } from '@federacycle/fleet-server';
import { GEO_ENTITIES } from '@federacycle/geo-server';
import { IDENTITY_ENTITIES } from '@federacycle/identity-server';
import { Database, TenantContext } from '@federacycle/platform-database';
import { Metrics } from '@federacycle/platform-observability';
import { AssignmentsService } from '../assignments/assignments.service';
import { DISPATCH_ENTITIES } from '../dispatch.entities';
import { PlanningMetrics } from './planning-metrics';
import { PlanningService } from './planning.service';
import { Merchant } from '@federacycle/merchants-server';

async function main(url: string, coopId: string): Promise<void> {
  const db = await Database.connect({
    url,
    max: 2,
    entities: [
      ...IDENTITY_ENTITIES,
      ...FEDERATION_ENTITIES,
      ...GEO_ENTITIES,
      Merchant,
      ...FLEET_ENTITIES,
      ...DISPATCH_ENTITIES,
    ],
  });
  const settings = new SettingsReader(db);
  const metrics = new PlanningMetrics(new Metrics('plan-run-child'));
  const planning = new PlanningService(
    db,
    new AssignmentsService(db),
    settings,
    new StandingService(db, new SystemClock(), settings),
    metrics,
  );
  // as the worker's job processor does: the run in the envelope's context
  const result = await TenantContext.run({ coopId, actorId: null, requestId: 'plan-run-child' }, () =>
    planning.run(coopId),
  );
  process.stdout.write(`${JSON.stringify({ assigned: result.assigned })}\n`);
  await db.close();
}

const [url, coopId] = process.argv.slice(2);
if (!url || !coopId) throw new Error('usage: plan-run.child.ts <database url> <coop id>');
main(url, coopId).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
