import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  MAX_PROOF_BYTES,
  proofRequirements,
  type CourierActionRequest,
  type CourierActionResult,
  type CourierTaskConflictDetails,
  type ProofKind,
  type ProofMissingDetails,
  type ProofPolicyView,
  type TaskEventData,
  type TaskProofView,
} from '@federacycle/contracts';
import { SettingsReader } from '@federacycle/federation-server';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { OBJECT_STORE, inspectImage, type FileStore } from '@federacycle/platform-storage';
import { DeliveriesService } from '../deliveries/deliveries.service';
import { taskNotFound } from '../shared/dispatch-errors';
import { factsOf, lockDeliveries, taskById, tasksOfDelivery, type TaskRow } from '../shared/task-queries';
import { taskTransition } from '../shared/task-state-machine';
import { CourierAction } from './courier-action.entity';
import { STEP_ACTION, actionFingerprint, describeMissing, missingProofs, stepFitsTask } from './courier-rules';
import { TaskProof } from './task-proof.entity';

function reused(what: string): ApiException {
  return new ApiException(
    422,
    'CLIENT_ID_REUSED',
    `This ${what} id was already used for something else: the app must choose a new id for a new ${what}`,
  );
}

function toProofView(p: TaskProof): TaskProofView {
  return {
    id: p.id,
    taskId: p.taskId,
    kind: p.kind,
    contentType: p.contentType,
    size: p.size,
    createdAt: p.createdAt.toISOString(),
  };
}

/**
 * The courier app's writes: a courier's steps on their own task, idempotent by the id the device
 * chose (the first answer is stored in `courier_actions` and given again to every retry), and the
 * proofs they collect (files in the object store, rows in `task_proofs`). Every step is a task
 * event with source `courier_app`, carrying the client id and the device's position when sent.
 */
@Injectable()
export class CourierService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(DeliveriesService) private readonly deliveries: DeliveriesService,
    @Inject(SettingsReader) private readonly settings: SettingsReader,
    @Inject(OBJECT_STORE) private readonly files: FileStore,
  ) {}

  async proofPolicy(coopId: string): Promise<ProofPolicyView> {
    const values = await this.settings.coop(coopId);
    return {
      pickup: proofRequirements(values.proof_of_delivery_pickup),
      dropoff: proofRequirements(values.proof_of_delivery_dropoff),
    };
  }

  async act(coopId: string, userId: string, body: CourierActionRequest): Promise<CourierActionResult> {
    const fingerprint = actionFingerprint(body);
    const policy = await this.proofPolicy(coopId);
    return this.db.unitOfWork(async (tx) => {
      const courierId = await this.courierOf(tx, coopId, userId);
      const earlier = await this.replay(tx, coopId, courierId, body, fingerprint);
      if (earlier) return earlier;
      const task = await this.lockOwnTask(tx, coopId, courierId, body.taskId);
      // a concurrent sync of the same action waited on the delivery's lock: answer as it did
      const raced = await this.replay(tx, coopId, courierId, body, fingerprint);
      if (raced) return raced;

      if (!stepFitsTask(body.step, task.kind)) {
        throw new ApiException(
          422,
          'STEP_NOT_FOR_TASK',
          body.step === 'picked_up'
            ? 'Only a pickup is picked up: mark a dropoff delivered'
            : 'Only a dropoff is delivered: mark a pickup picked up',
        );
      }
      const action = STEP_ACTION[body.step];
      const siblings = await tasksOfDelivery(tx.manager, coopId, task.delivery_id);
      const transition = taskTransition(factsOf(task), action, siblings.map(factsOf));
      if (transition.ok && action === 'complete') {
        await this.checkProofs(tx, coopId, task, task.kind === 'pickup' ? policy.pickup : policy.dropoff, body.code);
      }

      const data: TaskEventData = { clientActionId: body.clientActionId };
      if (body.position) {
        data['lat'] = body.position.lat;
        data['lng'] = body.position.lng;
        if (body.position.accuracyM !== undefined && body.position.accuracyM !== null)
          data['accuracyM'] = body.position.accuracyM;
      }
      if (body.actedAt) data['actedAt'] = body.actedAt;
      const view = await this.deliveries.applyAction(
        tx,
        coopId,
        task,
        { action, reason: body.reason, note: body.note },
        'courier_app',
        data,
      );
      const result: CourierActionResult = {
        clientActionId: body.clientActionId,
        step: body.step,
        task: view,
        appliedAt: view.updatedAt,
      };
      await tx.manager.insert(CourierAction, {
        coopId,
        clientActionId: body.clientActionId,
        courierId,
        taskId: task.id,
        step: body.step,
        bodySha256: fingerprint,
        result,
      });
      return result;
    });
  }

  /**
   * Stores a proof under the id the device chose; the same upload sent again answers the same
   * proof. JPEG, PNG or WebP by their bytes, at most 5 MB.
   */
  async putProof(
    coopId: string,
    userId: string,
    taskId: string,
    proofId: string,
    kind: ProofKind,
    bytes: Buffer | undefined,
  ): Promise<TaskProofView> {
    const inspection = inspectImage(bytes, MAX_PROOF_BYTES);
    if (!inspection.ok) {
      const status = inspection.code === 'IMAGE_TOO_LARGE' ? 413 : 400;
      const message = inspection.code === 'IMAGE_TOO_LARGE' ? 'A proof image must not exceed 5 MB' : inspection.message;
      throw new ApiException(status, inspection.code, message, [{ field: 'file', code: inspection.code, message }]);
    }
    const file = bytes as Buffer;
    const sha256 = createHash('sha256').update(file).digest('hex');
    return this.db.unitOfWork(async (tx) => {
      const courierId = await this.courierOf(tx, coopId, userId);
      const sameId = async (): Promise<TaskProofView | null> => {
        const existing = await tx.manager.findOneBy(TaskProof, { coopId, id: proofId });
        if (!existing) return null;
        if (
          existing.taskId !== taskId ||
          existing.courierId !== courierId ||
          existing.kind !== kind ||
          existing.sha256 !== sha256
        ) {
          throw reused('proof');
        }
        return toProofView(existing);
      };
      const earlier = await sameId();
      if (earlier) return earlier;
      const task = await this.lockOwnTask(tx, coopId, courierId, taskId);
      const raced = await sameId();
      if (raced) return raced;
      if (task.state !== 'assigned' && task.state !== 'started') {
        throw ApiException.conflict(
          'TASK_CLOSED',
          `This ${task.kind} is ${task.state} already: it takes no more proof`,
        );
      }
      const stored = await this.files.put(tx, coopId, inspection.contentType, file);
      const proof = tx.manager.create(TaskProof, {
        coopId,
        id: proofId,
        taskId,
        courierId,
        kind,
        fileId: stored.id,
        contentType: stored.contentType,
        size: stored.size,
        sha256: stored.sha256,
        createdAt: stored.createdAt,
      });
      await tx.manager.insert(TaskProof, proof);
      return toProofView(proof);
    });
  }

  private async courierOf(tx: Tx, coopId: string, userId: string): Promise<string> {
    const courier = await tx.maybeOne<{ id: string }>('select id from couriers where coop_id = $1 and user_id = $2', [
      coopId,
      userId,
    ]);
    // no profile: no task is theirs
    if (!courier) throw taskNotFound();
    return courier.id;
  }

  /** The stored answer of this action id, or null; the same id with another body is refused. */
  private async replay(
    tx: Tx,
    coopId: string,
    courierId: string,
    body: CourierActionRequest,
    fingerprint: string,
  ): Promise<CourierActionResult | null> {
    const stored = await tx.manager.findOneBy(CourierAction, { coopId, clientActionId: body.clientActionId });
    if (!stored) return null;
    if (stored.courierId !== courierId || stored.bodySha256 !== fingerprint) throw reused('action');
    return stored.result;
  }

  /**
   * Locks the task's delivery and answers the task if the courier holds it now. A task they
   * never held is 404 (as one that does not exist); one they held that was reassigned,
   * unassigned or cancelled meanwhile is 409 COURIER_TASK_CONFLICT with its state now.
   */
  private async lockOwnTask(tx: Tx, coopId: string, courierId: string, taskId: string): Promise<TaskRow> {
    const found = await tx.maybeOne<{ delivery_id: string }>(
      'select delivery_id from delivery_tasks where coop_id = $1 and id = $2',
      [coopId, taskId],
    );
    if (!found) throw taskNotFound();
    await lockDeliveries(tx, coopId, [found.delivery_id]);
    const task = await taskById(tx.manager, coopId, taskId);
    if (!task) throw taskNotFound();
    if (task.courier_id === courierId) return task;
    const held = await tx.maybeOne(
      'select 1 from task_assignments where coop_id = $1 and task_id = $2 and courier_id = $3',
      [coopId, taskId, courierId],
    );
    if (!held) throw taskNotFound();
    const details: CourierTaskConflictDetails = {
      taskId,
      state: task.state,
      reason: task.state === 'cancelled' ? 'cancelled' : task.courier_id ? 'reassigned' : 'unassigned',
    };
    const message =
      details.reason === 'cancelled'
        ? 'This task was cancelled meanwhile: nothing more to do on it'
        : details.reason === 'reassigned'
          ? 'This task was given to another courier meanwhile'
          : 'This task was taken off your list meanwhile';
    throw new ApiException(409, 'COURIER_TASK_CONFLICT', message, undefined, undefined, { ...details });
  }

  private async checkProofs(
    tx: Tx,
    coopId: string,
    task: TaskRow,
    required: ReturnType<typeof proofRequirements>,
    code: string | null | undefined,
  ): Promise<void> {
    if (required.length === 0) return;
    const kinds = await tx.query<{ kind: ProofKind }>(
      'select distinct kind from task_proofs where coop_id = $1 and task_id = $2',
      [coopId, task.id],
    );
    const given = code?.trim() ?? '';
    const missing = missingProofs(
      required,
      kinds.map((k) => k.kind),
      given.length > 0,
    );
    if (missing.length > 0) {
      const details: ProofMissingDetails = { missing };
      throw new ApiException(
        422,
        'PROOF_MISSING',
        `The coop asks for ${describeMissing(missing)} before this ${task.kind} is done`,
        undefined,
        undefined,
        { ...details },
      );
    }
    if (required.includes('code')) {
      const delivery = await tx.one<{ handover_code: string }>(
        'select handover_code from deliveries where coop_id = $1 and id = $2',
        [coopId, task.delivery_id],
      );
      if (delivery.handover_code !== given) {
        throw new ApiException(422, 'HANDOVER_CODE_WRONG', 'This is not the delivery’s code: ask the recipient again');
      }
    }
  }
}
