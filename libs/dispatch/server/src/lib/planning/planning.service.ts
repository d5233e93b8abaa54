import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DispatchMode, TaskKind, TaskState, Vehicle } from '@federacycle/contracts';
import { solveDispatch, type DispatchPlan } from '@federacycle/dispatch-optimizer';
import { SettingsReader } from '@federacycle/federation-server';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AssignmentsService } from '../assignments/assignments.service';
import { assignmentsOf, buildProblem, type PlanCourier, type PlannedAssignment, type PlanTask } from './plan-problem';

/** How long one planning run may search (the fast insertion; background improvement comes later). */
export const PLAN_BUDGET_MS = 300;

export interface PlanRunResult {
  mode: DispatchMode;
  /** open requests the plan placed (auto: assigned; suggest: proposed) */
  proposed: PlannedAssignment[];
  /** tasks this run assigned (auto only) */
  assigned: number;
  unassigned: number;
  skipped: number;
}

interface TaskRowForPlan {
  id: string;
  delivery_id: string;
  kind: TaskKind;
  state: TaskState;
  lat: number;
  lng: number;
  window_after: Date | null;
  window_before: Date | null;
  service_minutes: number;
  weight_grams: number;
  courier_id: string | null;
}

/**
 * One planning run of one coop, in one unit of work: a transaction-scoped advisory lock keyed by
 * the coop makes runs of one coop wait for each other, whatever the number of worker processes;
 * the coop's mode (governance's `dispatch_mode` setting) decides: manual does nothing, suggest returns the optimizer's proposal,
 * auto applies it through the same conditional assignment as a dispatcher's (an open task only,
 * so a run delivered twice, or racing a dispatcher, assigns nothing twice). Started, picked-up
 * and already assigned work stays with its courier (pinned or carried).
 */
@Injectable()
export class PlanningService {
  private readonly logger = new Logger(PlanningService.name);

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(AssignmentsService) private readonly assignments: AssignmentsService,
    @Inject(SettingsReader) private readonly settings: SettingsReader,
  ) {}

  async run(coopId: string, now = Date.now(), budgetMs = PLAN_BUDGET_MS): Promise<PlanRunResult> {
    // the coop's voted setting (governance writes it; the reader caches it per process)
    const mode: DispatchMode = (await this.settings.coop(coopId)).dispatch_mode;
    if (mode === 'manual') return { mode, proposed: [], assigned: 0, unassigned: 0, skipped: 0 };
    return this.db.forCoop(coopId, async (tx) => {
      await tx.query(`select pg_advisory_xact_lock(hashtextextended('dispatch.plan:' || $1::text, 0))`, [coopId]);
      const [couriers, tasks] = await Promise.all([this.couriersOnDuty(tx, coopId), this.liveTasks(tx, coopId)]);
      const built = buildProblem(couriers, tasks, now);
      if (built.openRequests.size === 0) {
        return { mode, proposed: [], assigned: 0, unassigned: 0, skipped: built.skipped.length };
      }
      const plan: DispatchPlan = solveDispatch(built.problem, { timeBudgetMs: budgetMs, seed: 1 });
      const proposed = assignmentsOf(plan, built);
      let assigned = 0;
      if (mode === 'auto') {
        for (const p of proposed) {
          for (const taskId of [p.pickupId, p.dropoffId]) {
            try {
              await this.assignments.assignIn(tx, coopId, taskId, p.courierId, { pinned: false, source: 'worker' });
              assigned += 1;
            } catch (error) {
              // taken meanwhile (a dispatcher, an earlier run): that decision stands
              if (error instanceof ApiException && error.getStatus() < 500) continue;
              throw error;
            }
          }
        }
      }
      this.logger.debug({ coopId, mode, proposed: proposed.length, assigned }, 'planning run');
      return {
        mode,
        proposed,
        assigned,
        unassigned: plan.unassigned.filter((u) => built.openRequests.has(u.requestId)).length,
        skipped: built.skipped.length,
      };
    });
  }

  /** On duty now, active, with a last known position (read from fleet's tables). */
  private async couriersOnDuty(tx: Tx, coopId: string): Promise<PlanCourier[]> {
    const rows = await tx.query<{ id: string; vehicle: Vehicle; capacity_weight_kg: number; lat: number; lng: number }>(
      `select c.id, c.vehicle, c.capacity_weight_kg, l.lat, l.lng
         from couriers c
         join courier_duty_periods p on p.coop_id = c.coop_id and p.courier_id = c.id and p.ended_at is null
         join courier_locations l on l.coop_id = c.coop_id and l.courier_id = c.id
        where c.coop_id = $1 and c.active
        order by c.id`,
      [coopId],
    );
    return rows.map((r) => ({
      id: r.id,
      vehicle: r.vehicle,
      capacityWeightKg: r.capacity_weight_kg,
      lat: r.lat,
      lng: r.lng,
    }));
  }

  /** The current tasks of deliveries still under way, with their holder. */
  private async liveTasks(tx: Tx, coopId: string): Promise<PlanTask[]> {
    const rows = await tx.query<TaskRowForPlan>(
      `select t.id, t.delivery_id, t.kind, t.state, t.lat, t.lng, t.window_after, t.window_before,
              t.service_minutes, t.weight_grams, a.courier_id
         from delivery_tasks t
         join deliveries d on d.coop_id = t.coop_id and d.id = t.delivery_id
         left join task_assignments a on a.coop_id = t.coop_id and a.task_id = t.id and a.ended_at is null
        where t.coop_id = $1 and d.state in ('open', 'in_progress') and t.superseded_by is null
        order by t.delivery_id, t.seq`,
      [coopId],
    );
    return rows.map((r) => ({
      id: r.id,
      deliveryId: r.delivery_id,
      kind: r.kind,
      state: r.state,
      lat: r.lat,
      lng: r.lng,
      after: r.window_after,
      before: r.window_before,
      serviceMinutes: r.service_minutes,
      weightGrams: r.weight_grams,
      courierId: r.courier_id,
    }));
  }
}
