import { Inject, Injectable } from '@nestjs/common';
import type { DeliveryProofView, ProofKind, TaskKind } from '@federacycle/contracts';
import { Database } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { OBJECT_STORE, type FileStore, type StoredFileContent } from '@federacycle/platform-storage';
import { Delivery } from '../deliveries/delivery.entity';
import { deliveryNotFound } from '../shared/dispatch-errors';

type ProofRow = {
  id: string;
  task_id: string;
  task_kind: TaskKind;
  kind: ProofKind;
  content_type: string;
  size: number;
  courier_name: string;
  created_at: Date;
};

const proofNotFound = (): ApiException =>
  new ApiException(404, 'PROOF_NOT_FOUND', 'This delivery has no proof with this id');

/**
 * The proofs couriers collected on a delivery's tasks, for the coop's dispatchers and admins (the
 * delivery detail page): the list, and each image by the delivery it belongs to (a proof id of
 * another delivery answers 404, as does any id of another coop).
 */
@Injectable()
export class DeliveryProofsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(OBJECT_STORE) private readonly files: FileStore,
  ) {}

  async list(coopId: string, deliveryId: string): Promise<DeliveryProofView[]> {
    const [exists, rows] = await Promise.all([
      this.db.read((m) => m.existsBy(Delivery, { coopId, id: deliveryId })),
      this.db.read(
        (m) =>
          m.query(
            `select p.id, p.task_id, t.kind as task_kind, p.kind, p.content_type, p.size,
                    c.display_name as courier_name, p.created_at
               from task_proofs p
               join delivery_tasks t on t.coop_id = p.coop_id and t.id = p.task_id
               join couriers c on c.coop_id = p.coop_id and c.id = p.courier_id
              where p.coop_id = $1 and t.delivery_id = $2
              order by t.seq, t.attempt, p.created_at, p.id`,
            [coopId, deliveryId],
          ) as Promise<ProofRow[]>,
      ),
    ]);
    if (!exists) throw deliveryNotFound();
    return rows.map((r) => ({
      id: r.id,
      taskId: r.task_id,
      taskKind: r.task_kind,
      kind: r.kind,
      contentType: r.content_type,
      size: r.size,
      courierName: r.courier_name,
      createdAt: r.created_at.toISOString(),
    }));
  }

  async image(coopId: string, deliveryId: string, proofId: string): Promise<StoredFileContent> {
    const [row] = await this.db.read(
      (m) =>
        m.query(
          `select p.file_id
             from task_proofs p
             join delivery_tasks t on t.coop_id = p.coop_id and t.id = p.task_id
            where p.coop_id = $1 and p.id = $2 and t.delivery_id = $3`,
          [coopId, proofId, deliveryId],
        ) as Promise<Array<{ file_id: string }>>,
    );
    const file = row ? await this.files.read(coopId, row.file_id) : null;
    if (!file) throw proofNotFound();
    return file;
  }
}
