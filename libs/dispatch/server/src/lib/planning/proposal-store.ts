import type { PlanProposalView } from '@federacycle/contracts';
import type { DispatchPlan } from '@federacycle/dispatch-optimizer';
import type { Tx } from '@federacycle/platform-database';
import type { PlanDecisions } from './plan-problem';
import type { PlanProposal, ProposedCourier, ProposedDelivery } from './plan-proposal.entity';

/**
 * The coop's proposal (plan_proposals), written in the planning run's transaction: a new plan
 * replaces the previous one (a new id); a plan that proposes nothing removes it.
 */
export async function writeProposal(
  tx: Tx,
  coopId: string,
  made: { plan: DispatchPlan; decisions: PlanDecisions } | null,
): Promise<void> {
  const deliveries: ProposedDelivery[] = (made?.decisions.assignments ?? [])
    .filter((a) => a.assignTaskIds.length > 0)
    .map((a) => ({ deliveryId: a.deliveryId, courierId: a.courierId, taskIds: a.assignTaskIds }));
  const unassigned = (made?.decisions.unplaced ?? []).flatMap((u) => u.taskIds);
  if (made === null || (deliveries.length === 0 && unassigned.length === 0)) {
    await deleteProposal(tx, coopId);
    return;
  }
  const couriers = new Map<string, string[]>();
  for (const d of deliveries) couriers.set(d.courierId, [...(couriers.get(d.courierId) ?? []), ...d.taskIds]);
  const courierList: ProposedCourier[] = [...couriers].map(([courierId, taskIds]) => ({ courierId, taskIds }));
  await tx.execute(
    `insert into plan_proposals (coop_id, couriers, deliveries, unassigned_task_ids, distance_km, late_tasks)
     values ($1, $2::jsonb, $3::jsonb, $4::jsonb, $5, $6)
     on conflict (coop_id) do update
       set id = gen_random_uuid(), created_at = now(), couriers = excluded.couriers,
           deliveries = excluded.deliveries, unassigned_task_ids = excluded.unassigned_task_ids,
           distance_km = excluded.distance_km, late_tasks = excluded.late_tasks`,
    [
      coopId,
      JSON.stringify(courierList),
      JSON.stringify(deliveries),
      JSON.stringify(unassigned),
      Math.round(made.plan.summary.distance) / 1000,
      made.decisions.lateTaskIds.length,
    ],
  );
}

export async function deleteProposal(tx: Tx, coopId: string): Promise<void> {
  await tx.execute('delete from plan_proposals where coop_id = $1', [coopId]);
}

export function toProposalView(p: PlanProposal): PlanProposalView {
  return {
    id: p.id,
    createdAt: p.createdAt.toISOString(),
    couriers: p.couriers,
    unassignedTaskIds: p.unassignedTaskIds,
    stats: { distanceKm: p.distanceKm, lateTasks: p.lateTasks },
  };
}
