import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DispatchMode, TaskKind, TaskState, Vehicle } from '@federacycle/contracts';
import { SettingsReader, StandingService, canOperate } from '@federacycle/federation-server';
import { Database, type Tx } from '@federacycle/platform-database';
import { AssignmentsService } from '../assignments/assignments.service';
import { lockDeliveries } from '../shared/task-queries';
import { PlanningMetrics, type PlanRunKind, type PlanRunOutcome } from './planning-metrics';
import {
  listInPlanOrder,
  planWork,
  searchWork,
  taskOrderOf,
  type PlanCourier,
  type PlanDecisions,
  type PlannedAssignment,
  type PlanSearchLimit,
  type PlanTask,
} from './plan-problem';
import { writeProposal, deleteProposal } from './proposal-store';

/**
 * The fast run is the optimizer's insertion into the couriers' current lists, without search
 * (`maxIterations: 0`): a new delivery is placed at once, in a few milliseconds of CPU, so a busy
 * coop's runs never queue behind each other. The search is the background improvement's.
 */
export const FAST_RUN_LIMIT = { maxIterations: 0 } as const;
/**
 * The background improvement's budget (see PlanningService.run, kind `improve`); the search stops
 * earlier once it stops improving. It searches off the coop's lock, yielding the event loop every
 * few milliseconds, so fast runs never wait for it.
 */
export const IMPROVE_BUDGET_MS = 1_000;
/**
 * The improvement's share of its process: 10 ms of search, then 20 ms for everything else (fast
 * runs, the API and PostgreSQL on the same cores), so a background search takes at most a third
 * of a core however many coops want one.
 */
export const IMPROVE_SLICES = { sliceMs: 10, pauseMs: 20 } as const;

export interface PlanRunOptions {
  kind?: PlanRunKind;
  now?: number;
  budgetMs?: number;
}

export interface PlanRunResult {
  /** the coop's setting */
  mode: DispatchMode;
  /** how the run planned: `auto` without the auto_dispatch capability plans like `suggest` */
  ranAs: DispatchMode;
  /** why the run planned differently from the setting (the licence's refusal), else null */
  note: string | null;
  kind: PlanRunKind;
  /** deliveries the plan placed (auto: applied; suggest: proposed) */
  proposed: PlannedAssignment[];
  /** tasks this run assigned (auto only) */
  assigned: number;
  /** tasks this run moved to another courier (auto only, unpinned work) */
  moved: number;
  /** open tasks the plan could not place */
  unassigned: number;
  late: number;
  skipped: number;
  /** the search found a better plan than the current routes (what the improvement loop follows) */
  improved: boolean;
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
  pinned: boolean | null;
  position: number | null;
}

/**
 * One planning run of one coop, in one unit of work: a transaction-scoped advisory lock keyed by
 * the coop makes runs of one coop wait for each other, whatever the number of worker processes.
 * The coop's mode (governance's `dispatch_mode` setting) decides: manual does nothing; suggest
 * stores the optimizer's proposal (plan_proposals, replacing the previous one); auto applies it
 * through the same conditional assignment as a dispatcher's, when the coop's licence grants
 * `auto_dispatch` (otherwise it plans like suggest and says why).
 *
 * The search starts from the couriers' current lists (the warm start); the plan it finds is used
 * only if it beats those lists with the new work inserted (the baseline), so a run repeated on an
 * unchanged coop changes nothing. Started and picked-up work stays with its courier, pinned
 * assignments stay; in auto mode unpinned assignments not yet started may move to a better courier.
 * Every write of the apply step is in the run's one transaction: a run that dies leaves nothing.
 */
@Injectable()
export class PlanningService {
  private readonly logger = new Logger(PlanningService.name);

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(AssignmentsService) private readonly assignments: AssignmentsService,
    @Inject(SettingsReader) private readonly settings: SettingsReader,
    @Inject(StandingService) private readonly standing: StandingService,
    @Inject(PlanningMetrics) private readonly metrics: PlanningMetrics,
  ) {}

  async run(coopId: string, options: PlanRunOptions = {}): Promise<PlanRunResult> {
    const kind = options.kind ?? 'fast';
    const now = options.now ?? Date.now();
    const limit: PlanSearchLimit =
      options.budgetMs !== undefined
        ? { budgetMs: options.budgetMs }
        : kind === 'fast'
          ? FAST_RUN_LIMIT
          : { budgetMs: IMPROVE_BUDGET_MS };
    // the coop's voted setting (governance writes it; the reader caches it per process)
    const mode: DispatchMode = (await this.settings.coop(coopId)).dispatch_mode;
    const empty: PlanRunResult = {
      mode,
      ranAs: mode,
      note: null,
      kind,
      proposed: [],
      assigned: 0,
      moved: 0,
      unassigned: 0,
      late: 0,
      skipped: 0,
      improved: false,
    };
    if (mode === 'manual') {
      this.metrics.runs.inc({ mode, kind, outcome: 'manual' });
      return empty;
    }
    let ranAs: DispatchMode = mode;
    let note: string | null = null;
    if (mode === 'auto') {
      const decision = canOperate(await this.standing.standing(coopId), 'auto_dispatch');
      if (!decision.allowed) {
        ranAs = 'suggest';
        note = `${decision.code}: ${decision.message}`;
      }
    }
    const stopTimer = this.metrics.duration.startTimer({ mode: ranAs, kind });
    try {
      let lockedLimit = limit;
      if (kind === 'improve') {
        // the search: from a snapshot of the coop's work, outside any transaction and lock
        const work = await this.db.forCoop(coopId, (tx) => this.readWork(tx, coopId));
        const from = await searchWork(work.couriers, work.tasks, now, {
          moveUnpinned: ranAs === 'auto',
          ...limit,
          ...IMPROVE_SLICES,
        });
        if (from === null) {
          this.metrics.runs.inc({ mode: ranAs, kind, outcome: 'unchanged' });
          return { ...empty, ranAs, note };
        }
        // then, under the lock, its routes rebased on the work as it is now, kept only if better
        lockedLimit = { from };
      }
      const result = await this.db.forCoop(coopId, (tx) =>
        this.runLocked(tx, coopId, { ...empty, ranAs, note }, now, lockedLimit),
      );
      const outcome: PlanRunOutcome =
        ranAs === 'auto'
          ? result.assigned + result.moved > 0
            ? 'applied'
            : 'unchanged'
          : result.proposed.length > 0
            ? 'proposed'
            : 'unchanged';
      this.metrics.runs.inc({ mode: ranAs, kind, outcome });
      this.metrics.unassigned.set({ coop: coopId }, result.unassigned);
      this.metrics.late.set({ coop: coopId }, result.late);
      this.logger.debug({ coopId, mode, ranAs, kind, proposed: result.proposed.length }, 'planning run');
      return result;
    } catch (error) {
      this.metrics.runs.inc({ mode: ranAs, kind, outcome: 'failed' });
      throw error;
    } finally {
      stopTimer();
    }
  }

  private async runLocked(
    tx: Tx,
    coopId: string,
    base: PlanRunResult,
    now: number,
    limit: PlanSearchLimit,
  ): Promise<PlanRunResult> {
    await tx.query(`select pg_advisory_xact_lock(hashtextextended('dispatch.plan:' || $1::text, 0))`, [coopId]);
    const auto = base.ranAs === 'auto';
    const { couriers, tasks } = await this.readWork(tx, coopId);
    const { built, plan, decisions, improved } = planWork(couriers, tasks, now, { moveUnpinned: auto, ...limit });
    if (built.groups.size === 0) {
      if (auto) await deleteProposal(tx, coopId);
      else await writeProposal(tx, coopId, null);
      return { ...base, skipped: built.skipped.length };
    }
    const result: PlanRunResult = {
      ...base,
      proposed: decisions.assignments,
      unassigned: decisions.unplaced.reduce((n, u) => n + u.taskIds.length, 0),
      late: decisions.lateTaskIds.length,
      skipped: built.skipped.length,
      improved,
    };
    if (!auto) {
      await writeProposal(tx, coopId, { plan, decisions });
      return result;
    }
    const applied = await this.apply(tx, coopId, decisions, now, taskOrderOf(plan, built));
    // a proposal left from suggest mode is stale once the coop plans automatically
    await deleteProposal(tx, coopId);
    return { ...result, ...applied };
  }

  /**
   * Applies the decisions in the run's transaction, set-based: the deliveries concerned are locked
   * at once (every writer of a delivery's tasks locks it first), their tasks read once and checked
   * against what the plan saw; a delivery changed meanwhile (a dispatcher took a task) is left as
   * it is now. The open tasks are assigned in a few statements, whatever their number; the rare
   * moves of unpinned work go one by one (conditional reassignment); the lists of the couriers who
   * got work then follow the plan's order.
   */
  private async apply(
    tx: Tx,
    coopId: string,
    decisions: PlanDecisions,
    now: number,
    order: ReadonlyMap<string, readonly string[]>,
  ): Promise<{ assigned: number; moved: number }> {
    if (decisions.assignments.length === 0) return { assigned: 0, moved: 0 };
    await lockDeliveries(
      tx,
      coopId,
      decisions.assignments.map((d) => d.deliveryId),
    );
    const current = await tx.query<{ id: string; state: TaskState; courier_id: string | null; pinned: boolean | null }>(
      `select t.id, t.state, a.courier_id, a.pinned
         from delivery_tasks t
         left join task_assignments a on a.coop_id = t.coop_id and a.task_id = t.id and a.ended_at is null
        where t.coop_id = $1 and t.id = any($2::uuid[])`,
      [coopId, decisions.assignments.flatMap((d) => [...d.assignTaskIds, ...d.moveTaskIds])],
    );
    const byId = new Map(current.map((c) => [c.id, c]));
    const unchanged = decisions.assignments.filter(
      (d) =>
        d.assignTaskIds.every((id) => byId.get(id)?.state === 'open') &&
        d.moveTaskIds.every((id) => {
          const c = byId.get(id);
          return c?.state === 'assigned' && c.courier_id === d.fromCourierId && c.pinned !== true;
        }),
    );
    const options = { pinned: false, source: 'worker' as const };
    let moved = 0;
    for (const d of unchanged) {
      for (const taskId of d.moveTaskIds) {
        await this.assignments.reassignIn(tx, coopId, taskId, d.fromCourierId as string, d.courierId, options);
        moved += 1;
      }
    }
    const items = unchanged.flatMap((d) => d.assignTaskIds.map((taskId) => ({ taskId, courierId: d.courierId })));
    await this.assignments.assignManyIn(tx, coopId, items, options);
    await this.observeLatencies(
      tx,
      coopId,
      unchanged.filter((d) => d.assignTaskIds.length > 0).map((d) => d.deliveryId),
      now,
      'worker',
    );
    // the lists of the couriers who got work follow the plan's route order (a `reordered` event each)
    await this.assignments.reorderManyIn(
      tx,
      coopId,
      unchanged.map((d) => d.courierId),
      (courierId, live) => listInPlanOrder(live, order.get(courierId) ?? []),
      'worker',
    );
    return { assigned: items.length, moved };
  }

  /** Records creation → assigned for a delivery whose tasks are now all with a courier. */
  async observeLatency(tx: Tx, coopId: string, deliveryId: string, now: number, source: string): Promise<void> {
    await this.observeLatencies(tx, coopId, [deliveryId], now, source);
  }

  /** The same for many deliveries, in one read. */
  async observeLatencies(
    tx: Tx,
    coopId: string,
    deliveryIds: readonly string[],
    now: number,
    source: string,
  ): Promise<void> {
    if (deliveryIds.length === 0) return;
    const rows = await tx.query<{ created_at: Date; open: number }>(
      `select d.created_at,
              (select count(*)::int from delivery_tasks t
                where t.coop_id = d.coop_id and t.delivery_id = d.id and t.state = 'open' and t.superseded_by is null) as open
         from deliveries d where d.coop_id = $1 and d.id = any($2::uuid[])`,
      [coopId, [...new Set(deliveryIds)]],
    );
    for (const row of rows) {
      if (row.open === 0) {
        this.metrics.assignmentLatency.observe({ source }, Math.max(0, (now - row.created_at.getTime()) / 1000));
      }
    }
  }

  /** What a plan is made of: the couriers on duty and the live tasks. */
  private async readWork(tx: Tx, coopId: string): Promise<{ couriers: PlanCourier[]; tasks: PlanTask[] }> {
    const [couriers, tasks] = await Promise.all([this.couriersOnDuty(tx, coopId), this.liveTasks(tx, coopId)]);
    return { couriers, tasks };
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

  /** The current tasks of deliveries still under way, with their holder and place in the holder's list. */
  private async liveTasks(tx: Tx, coopId: string): Promise<PlanTask[]> {
    const rows = await tx.query<TaskRowForPlan>(
      `select t.id, t.delivery_id, t.kind, t.state, t.lat, t.lng, t.window_after, t.window_before,
              t.service_minutes, t.weight_grams, a.courier_id, a.pinned, a.position
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
      pinned: r.pinned === true,
      position: r.position ?? 0,
    }));
  }
}
