import { Inject, Injectable, Optional } from '@nestjs/common';
import type { AcceptProposalResult, PlanProposalView, ProposalConflict, TaskState } from '@federacycle/contracts';
import { Database } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AssignmentsService } from '../assignments/assignments.service';
import { lockDeliveries } from '../shared/task-queries';
import { PlanProposal } from './plan-proposal.entity';
import { PlanningMetrics } from './planning-metrics';
import { toProposalView } from './proposal-store';

/**
 * The board's side of `suggest` mode: the coop's current proposal, and accepting it (whole or for
 * some couriers). Accepting goes delivery by delivery, each in its own unit of work with the
 * delivery locked: a delivery whose proposed tasks are no longer all open (a dispatcher or the
 * courier changed one since) is left as it is now and its tasks reported (PROPOSAL_STALE, or the
 * conditional assignment's own code), never half-assigned. What was accepted leaves the proposal.
 */
@Injectable()
export class ProposalsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(AssignmentsService) private readonly assignments: AssignmentsService,
    @Optional() @Inject(PlanningMetrics) private readonly metrics: PlanningMetrics | null = null,
  ) {}

  async current(coopId: string): Promise<PlanProposalView | null> {
    const row = await this.db.read((manager) => manager.findOneBy(PlanProposal, { coopId }));
    return row ? toProposalView(row) : null;
  }

  async accept(coopId: string, courierIds: readonly string[] | undefined): Promise<AcceptProposalResult> {
    const proposal = await this.db.read((manager) => manager.findOneBy(PlanProposal, { coopId }));
    if (!proposal) throw new ApiException(404, 'NO_PROPOSAL', 'There is no plan proposal to accept');
    const wanted = courierIds ? new Set(courierIds) : null;
    const chosen = proposal.deliveries.filter((d) => wanted === null || wanted.has(d.courierId));
    const conflicts: ProposalConflict[] = [];
    let assigned = 0;
    for (const d of chosen) {
      try {
        const n = await this.db.unitOfWork(async (tx) => {
          await lockDeliveries(tx, coopId, [d.deliveryId]);
          const states = await tx.query<{ id: string; state: TaskState }>(
            `select t.id, t.state from delivery_tasks t
              where t.coop_id = $1 and t.id = any($2::uuid[]) and t.superseded_by is null`,
            [coopId, d.taskIds],
          );
          const open = new Set(states.filter((s) => s.state === 'open').map((s) => s.id));
          if (d.taskIds.some((id) => !open.has(id))) {
            for (const id of d.taskIds) conflicts.push({ taskId: id, code: 'PROPOSAL_STALE' });
            return 0;
          }
          for (const id of d.taskIds) {
            await this.assignments.assignIn(tx, coopId, id, d.courierId, { pinned: false, source: 'console' });
          }
          return d.taskIds.length;
        });
        assigned += n;
        if (n > 0) await this.observeLatency(coopId, d.deliveryId);
      } catch (error) {
        // the conditional assignment refused (a courier gone inactive, a race): that delivery stays
        if (!(error instanceof ApiException) || error.getStatus() >= 500) throw error;
        for (const id of d.taskIds) conflicts.push({ taskId: id, code: error.code });
      }
    }
    await this.dropAccepted(coopId, proposal.id, new Set(chosen.map((d) => d.deliveryId)));
    return { assigned, conflicts };
  }

  /** What was accepted (or found stale) leaves the proposal; the proposal goes when empty. */
  private async dropAccepted(coopId: string, proposalId: string, handled: ReadonlySet<string>): Promise<void> {
    await this.db.unitOfWork(async (tx) => {
      const row = await tx.manager.findOne(PlanProposal, { where: { coopId }, lock: { mode: 'pessimistic_write' } });
      // a newer run replaced it meanwhile: that one stands
      if (!row || row.id !== proposalId) return;
      const deliveries = row.deliveries.filter((d) => !handled.has(d.deliveryId));
      if (deliveries.length === 0 && row.unassignedTaskIds.length === 0) {
        await tx.execute('delete from plan_proposals where coop_id = $1 and id = $2', [coopId, proposalId]);
        return;
      }
      const kept = new Set(deliveries.flatMap((d) => d.taskIds));
      const couriers = row.couriers
        .map((c) => ({ courierId: c.courierId, taskIds: c.taskIds.filter((id) => kept.has(id)) }))
        .filter((c) => c.taskIds.length > 0);
      await tx.execute(
        'update plan_proposals set deliveries = $3::jsonb, couriers = $4::jsonb where coop_id = $1 and id = $2',
        [coopId, proposalId, JSON.stringify(deliveries), JSON.stringify(couriers)],
      );
    });
  }

  private async observeLatency(coopId: string, deliveryId: string): Promise<void> {
    if (!this.metrics) return;
    const row = await this.db.read((manager) =>
      manager.query(
        `select d.created_at from deliveries d
          where d.coop_id = $1 and d.id = $2
            and not exists (select 1 from delivery_tasks t where t.coop_id = d.coop_id and t.delivery_id = d.id
                             and t.state = 'open' and t.superseded_by is null)`,
        [coopId, deliveryId],
      ),
    );
    const createdAt = (row as Array<{ created_at: Date }>)[0]?.created_at;
    if (createdAt)
      this.metrics.assignmentLatency.observe({ source: 'console' }, (Date.now() - createdAt.getTime()) / 1000);
  }
}
