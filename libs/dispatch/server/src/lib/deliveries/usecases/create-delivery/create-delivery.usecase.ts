import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { CreateDeliveryRequest, DeliveryView, EventSource } from '@federacycle/contracts';
import { TenantContext, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { writeOutbox } from '@federacycle/platform-queue';
import { BoardEvents } from '../../../board/board-events';
import { DELIVERY_CREATED_JOB } from '../../../planning/dispatch.jobs';
import { checkTask } from '../../../shared/delivery-rules';
import { coopOfTx, recordTaskEvents } from '../../../shared/task-history';
import { tasksOfDelivery, toDeliveryView } from '../../../shared/task-queries';
import { deliveryShapeProblem } from '../../../shared/task-state-machine';
import { Delivery } from '../../delivery.entity';
import { DeliveryTask } from '../../delivery-task.entity';

export interface CreateDeliveryCommand extends CreateDeliveryRequest {
  /** where the delivery comes from: the console, the partner API, the storefront… */
  source: EventSource;
  /** the clock of the check that windows have not closed (tests pin it) */
  now?: number;
}

/** 32 random bytes, base64url: the public tracking page's unguessable token. */
export function newTrackingToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Creates a delivery and its tasks in the caller's transaction — the console's route, the
 * partner API and the storefront all call this one, inside their own unit of work, so the
 * delivery commits (or not) with their own rows. Writes each task's `created` event and the
 * `dispatch.delivery-created` outbox row the planning worker reacts to.
 */
@Injectable()
export class CreateDeliveryUseCase {
  constructor(@Optional() @Inject(BoardEvents) private readonly board?: BoardEvents) {}

  async execute(tx: Tx, command: CreateDeliveryCommand): Promise<DeliveryView> {
    const coopId = coopOfTx(tx);
    const shape = deliveryShapeProblem(command.tasks.map((t) => t.kind));
    if (shape) throw new ApiException(400, 'DELIVERY_SHAPE_INVALID', shape);
    const now = command.now ?? Date.now();
    const checked = command.tasks.map((task, index) => checkTask(task, index, now));
    const reference = command.reference?.trim() ? command.reference.trim() : null;
    const merchantId = command.merchantId ?? null;
    if (merchantId !== null) {
      const known = await tx.maybeOne('select 1 from merchants where coop_id = $1 and id = $2', [coopId, merchantId]);
      if (!known) {
        throw new ApiException(
          422,
          'UNKNOWN_MERCHANT',
          `No merchant ${merchantId.slice(0, 36)} in this coop: pick one from the coop's merchants`,
        );
      }
    }

    const inserted = await tx.manager.insert(Delivery, {
      coopId,
      reference,
      merchantId,
      trackingToken: newTrackingToken(),
      createdBy: TenantContext.require().actorId,
      source: command.source,
    });
    const { id: deliveryId } = inserted.identifiers[0] as Pick<Delivery, 'id'>;
    const tasks = await tx.manager.insert(
      DeliveryTask,
      checked.map((t, seq) => ({ coopId, deliveryId, seq, ...t })),
    );
    const taskIds = tasks.identifiers.map((i) => (i as Pick<DeliveryTask, 'id'>).id);
    await recordTaskEvents(
      tx,
      command.source,
      taskIds.map((taskId, i) => ({
        taskId,
        deliveryId,
        type: 'created' as const,
        fromState: null,
        toState: 'open' as const,
        data: { kind: checked[i]?.kind },
      })),
    );
    await writeOutbox(tx, DELIVERY_CREATED_JOB, { deliveryId, taskIds });
    this.board?.deliveryCreated(tx, coopId, deliveryId, taskIds);
    const delivery = await tx.manager.findOneByOrFail(Delivery, { coopId, id: deliveryId });
    return toDeliveryView(delivery, await tasksOfDelivery(tx.manager, coopId, deliveryId));
  }
}
