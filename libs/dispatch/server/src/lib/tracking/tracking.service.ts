import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import { proofRequirements, type ProofKind, type TrackingView } from '@federacycle/contracts';
import { SettingsReader } from '@federacycle/federation-server';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Database } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { REDIS } from '@federacycle/platform-queue';
import { OBJECT_STORE, type FileStore, type StoredFileContent } from '@federacycle/platform-storage';
import type { Courier } from '@federacycle/fleet-server';
import type { DeliveryTask } from '../deliveries/delivery-task.entity';
import type { Delivery } from '../deliveries/delivery.entity';
import type { TaskEvent } from '../deliveries/task-event.entity';
import { currentDropoff, trackingViewOf, type TrackedTask, type TrackingFacts } from './tracking-view';

/** What one client IP may ask of the tracking page: a phone polling every 15 s uses 20 per 5 minutes. */
export const TRACKING_THROTTLE = { limit: 300, windowSeconds: 300 } as const;

/** The shape of a tracking token (32 random bytes, base64url): anything else is not one. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

// INCR then set the window on the first hit, atomically; returns [count, ms left] (identity's script).
const CONSUME = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`;

type TaskRow = Pick<DeliveryTask, 'id' | 'kind' | 'state' | 'seq' | 'address' | 'lat' | 'lng'> & {
  superseded: boolean;
  window_after: DeliveryTask['windowAfter'];
  window_before: DeliveryTask['windowBefore'];
  service_minutes: DeliveryTask['serviceMinutes'];
};
type EventRow = Pick<TaskEvent, 'type' | 'at'> & { task_id: TaskEvent['taskId'] };
type CourierRow = {
  display_name: Courier['displayName'];
  vehicle: Courier['vehicle'];
  lat: number | null;
  lng: number | null;
  recorded_at: Date | null;
};
type DeliveryRow = Pick<Delivery, 'state'> & {
  created_at: Delivery['createdAt'];
  updated_at: Delivery['updatedAt'];
  handover_code: string;
};
type ProofRow = { id: string; kind: ProofKind; created_at: Date };
type FoundDelivery = { coop_id: string; id: string; tracking_token: string; coop_name: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const trackingNotFound = (): ApiException =>
  new ApiException(404, 'TRACKING_NOT_FOUND', 'No delivery has this tracking link: check the link in your message');

export const proofNotFound = (): ApiException =>
  new ApiException(404, 'PROOF_NOT_FOUND', 'This delivery has no such proof of delivery to show');

/**
 * The recipient's tracking page. The token names no coop: a SECURITY DEFINER lookup
 * (`delivery_by_tracking_token`) answers for that one delivery, then everything is read in its
 * coop's context, and only what the page shows leaves this service (trackingViewOf).
 */
@Injectable()
export class TrackingService {
  private readonly prefix: string;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SettingsReader) private readonly settings: SettingsReader,
    @Inject(OBJECT_STORE) private readonly files: FileStore,
  ) {
    this.prefix = `${config.queuePrefix}:throttle:track:`;
  }

  async view(token: string, ip: string, now = Date.now()): Promise<TrackingView> {
    await this.consume(ip);
    const found = await this.deliveryOf(token);
    const policy = await this.settings.coop(found.coop_id);
    const askCode = proofRequirements(policy.proof_of_delivery_dropoff).includes('code');
    const facts = await this.db.forCoop(found.coop_id, async (tx) => {
      const coopId = found.coop_id;
      const delivery = await tx.one<DeliveryRow>(
        'select state, created_at, updated_at, handover_code from deliveries where coop_id = $1 and id = $2',
        [coopId, found.id],
      );
      // the proofs of the delivered dropoffs, read only when the page will show them
      const proofs =
        delivery.state === 'completed'
          ? await tx.query<ProofRow>(
              `select p.id, p.kind, p.created_at
                 from task_proofs p
                 join delivery_tasks t on t.coop_id = p.coop_id and t.id = p.task_id
                where p.coop_id = $1 and t.delivery_id = $2 and t.kind = 'dropoff' and t.state = 'done'
                order by p.created_at, p.id`,
              [coopId, found.id],
            )
          : [];
      const taskRows = await tx.query<TaskRow>(
        `select id, kind, state, seq, superseded_by is not null as superseded, address, lat, lng,
                window_after, window_before, service_minutes
           from delivery_tasks where coop_id = $1 and delivery_id = $2 order by seq, attempt`,
        [coopId, found.id],
      );
      const events = await tx.query<EventRow>(
        `select task_id, type, at from task_events
          where coop_id = $1 and delivery_id = $2 and type in ('assigned', 'started', 'done', 'failed', 'cancelled')
          order by at, id`,
        [coopId, found.id],
      );
      const tasks: TrackedTask[] = taskRows.map((t) => ({
        id: t.id,
        kind: t.kind,
        state: t.state,
        seq: t.seq,
        superseded: t.superseded,
        address: t.address,
        lat: t.lat,
        lng: t.lng,
        windowAfter: t.window_after,
        windowBefore: t.window_before,
        serviceMinutes: t.service_minutes,
      }));
      const dropoff = currentDropoff(tasks);
      const courier = dropoff
        ? await tx.maybeOne<CourierRow>(
            `select c.display_name, c.vehicle, l.lat, l.lng, l.recorded_at
               from task_assignments a
               join couriers c on c.coop_id = a.coop_id and c.id = a.courier_id
               left join courier_locations l on l.coop_id = c.coop_id and l.courier_id = c.id
              where a.coop_id = $1 and a.task_id = $2 and a.ended_at is null`,
            [coopId, dropoff.id],
          )
        : null;
      const result: TrackingFacts = {
        token,
        coopName: found.coop_name,
        state: delivery.state,
        createdAt: delivery.created_at,
        updatedAt: delivery.updated_at,
        tasks,
        events: events.map((e) => ({ taskId: e.task_id, type: e.type, at: e.at })),
        courier: courier
          ? {
              displayName: courier.display_name,
              vehicle: courier.vehicle,
              position:
                courier.lat !== null && courier.lng !== null && courier.recorded_at
                  ? { lat: courier.lat, lng: courier.lng, at: courier.recorded_at }
                  : null,
            }
          : null,
        proofs: proofs.map((p) => ({ id: p.id, kind: p.kind, at: p.created_at })),
        handoverCode: askCode ? delivery.handover_code : null,
      };
      return result;
    });
    return trackingViewOf(facts, now);
  }

  /**
   * One proof image of this delivery for its recipient: a proof of one of ITS dropoffs (done),
   * only once the delivery is completed. Anything else (another delivery's proof, a proof of a
   * pickup, a delivery still under way) answers the same 404 PROOF_NOT_FOUND.
   */
  async proofImage(token: string, proofId: string, ip: string): Promise<StoredFileContent> {
    await this.consume(ip);
    const found = await this.deliveryOf(token);
    if (!UUID.test(proofId)) throw proofNotFound();
    const row = await this.db.forCoop(found.coop_id, (tx) =>
      tx.maybeOne<{ file_id: string }>(
        `select p.file_id
           from task_proofs p
           join delivery_tasks t on t.coop_id = p.coop_id and t.id = p.task_id
           join deliveries d on d.coop_id = t.coop_id and d.id = t.delivery_id
          where p.coop_id = $1 and p.id = $2 and t.delivery_id = $3
            and t.kind = 'dropoff' and t.state = 'done' and d.state = 'completed'`,
        [found.coop_id, proofId, found.id],
      ),
    );
    const file = row ? await this.files.read(found.coop_id, row.file_id) : null;
    if (!file) throw proofNotFound();
    return file;
  }

  /** The delivery a token names (SECURITY DEFINER lookup), or 404 TRACKING_NOT_FOUND. */
  private async deliveryOf(token: string): Promise<FoundDelivery> {
    if (!TOKEN.test(token)) throw trackingNotFound();
    const [found] = await this.db.readPlatform(
      (m) =>
        m.query('select coop_id, id, tracking_token, coop_name from delivery_by_tracking_token($1)', [
          token,
        ]) as Promise<FoundDelivery[]>,
    );
    // the index found the row; the token itself is compared in constant time all the same
    if (!found || !timingSafeEqual(Buffer.from(found.tracking_token), Buffer.from(token))) throw trackingNotFound();
    return found;
  }

  /** Counts one look per client IP; 429 RATE_LIMITED with Retry-After once over. */
  private async consume(ip: string): Promise<void> {
    const { limit, windowSeconds } = TRACKING_THROTTLE;
    const key = `${this.prefix}${ip}`;
    const [count, ttl] = (await this.redis.eval(CONSUME, 1, key, String(windowSeconds * 1000))) as [number, number];
    if (count <= limit) return;
    const retryAfter = Math.max(1, Math.ceil(ttl / 1000));
    throw new ApiException(
      429,
      'RATE_LIMITED',
      `Too many looks at tracking pages from here; try again in ${retryAfter} seconds`,
      undefined,
      { 'Retry-After': String(retryAfter) },
    );
  }
}
