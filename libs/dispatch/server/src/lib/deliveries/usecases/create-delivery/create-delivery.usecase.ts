import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { CreateDeliveryRequest, DeliveryView, EventSource } from '@federacycle/contracts';
import { TenantContext, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { writeOutbox } from '@federacycle/platform-queue';
import { BoardEvents } from '../../../board/board-events';
import { DELIVERY_CREATED_JOB } from '../../../planning/dispatch.jobs';
import { checkTask, type CheckedTask } from '../../../shared/delivery-rules';
import { coopOfTx, recordTaskEvents } from '../../../shared/task-history';
import { tasksOfDelivery, toDeliveryView } from '../../../shared/task-queries';
import { deliveryShapeProblem } from '../../../shared/task-state-machine';
import { TimeSlotsService, type SlotBooking } from '../../../time-slots/time-slots.service';
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
  constructor(
    @Inject(TimeSlotsService) private readonly timeSlots: TimeSlotsService,
    @Optional() @Inject(BoardEvents) private readonly board?: BoardEvents,
  ) {}

  async execute(tx: Tx, command: CreateDeliveryCommand): Promise<DeliveryView> {
    const coopId = coopOfTx(tx);
    const shape = deliveryShapeProblem(command.tasks.map((t) => t.kind));
    if (shape) throw new ApiException(400, 'DELIVERY_SHAPE_INVALID', shape);
    const now = command.now ?? Date.now();
    const checked = command.tasks.map((task, index) => checkTask(task, index, now));
    const booking = command.timeSlotId ? await this.book(tx, command.timeSlotId, checked) : null;
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
      timeSlotId: booking?.slotId ?? null,
      timeSlotStart: booking?.window.start ?? null,
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

  /**
   * Books the dropoffs in one window of the slot: the window the dropoffs name (all the same, or
   * none), else the first with a place left; the dropoffs take it.
   */
  private async book(tx: Tx, slotId: string, tasks: CheckedTask[]): Promise<SlotBooking> {
    const dropoffs = tasks.filter((t) => t.kind === 'dropoff');
    const named = dropoffs.filter((t) => t.windowAfter !== null || t.windowBefore !== null);
    const first = named[0];
    const differs = named.some(
      (t) =>
        t.windowAfter?.getTime() !== first?.windowAfter?.getTime() ||
        t.windowBefore?.getTime() !== first?.windowBefore?.getTime(),
    );
    if (differs || (first && named.length !== dropoffs.length)) {
      throw new ApiException(
        422,
        'TIME_SLOT_WINDOW_INVALID',
        'With a time slot, every dropoff takes the same window: give it on each dropoff, or on none',
      );
    }
    const booking = await this.timeSlots.bookIn(tx, slotId, {
      after: first?.windowAfter ?? null,
      before: first?.windowBefore ?? null,
    });
    for (const dropoff of dropoffs) {
      dropoff.windowAfter = booking.window.start;
      dropoff.windowBefore = booking.window.end;
    }
    return booking;
  }
}
