import { randomUUID } from 'node:crypto';
import type {
  ContactLanguage,
  DeliveryState,
  EventSource,
  FailureReason,
  TaskEventType,
  TaskState,
} from '@federacycle/contracts';
import { Courier } from '@federacycle/fleet-server';
import { Merchant } from '@federacycle/merchants-server';
import { Coop, type Database, type Tx } from '@federacycle/platform-database';
import { TaskAssignment } from '../assignments/task-assignment.entity';
import { DeliveryTask } from '../deliveries/delivery-task.entity';
import { Delivery } from '../deliveries/delivery.entity';
import { TaskEvent } from '../deliveries/task-event.entity';
import { newTrackingToken } from '../deliveries/usecases/create-delivery/create-delivery.usecase';

/**
 * A live day in Lyon: 150 deliveries since the morning, in every state, each with the events and
 * assignments the state machine would have written (created → assigned → started → done, a
 * failure with its reason, cancellations), times relative to `now` so the board looks live.
 * Written as rows (the use cases refuse windows in the past, which a day's history has), every
 * constraint of 0050/0057 respected. Idempotent: a coop that has its first demo delivery is left
 * as it is.
 */

export interface SeedDispatchOptions {
  now?: Date;
}

export interface SeedDispatchResult {
  /** deliveries per coop slug, after the seed */
  deliveries: Record<string, number>;
}

/** The reference of the demo's first delivery: its presence means the day is seeded. */
export const DEMO_FIRST_REFERENCE = 'LY-1000';

const MIN = 60_000;

/** How many of the day's deliveries end up in each situation (150 in all). */
const PLAN: ReadonlyArray<[Situation, number]> = [
  ['completed', 60],
  ['failed', 8],
  ['cancelled', 7],
  ['under_way', 10],
  ['picked_up', 10],
  ['assigned', 20],
  ['open', 35],
];
type Situation = 'completed' | 'failed' | 'cancelled' | 'under_way' | 'picked_up' | 'assigned' | 'open';

const STREETS = [
  ['rue de la République', '69002'],
  ['rue Victor Hugo', '69002'],
  ['cours Vitton', '69006'],
  ['rue Garibaldi', '69003'],
  ['avenue Jean Jaurès', '69007'],
  ['rue de Marseille', '69007'],
  ['cours Lafayette', '69003'],
  ['rue Paul Bert', '69003'],
  ['montée de la Grande Côte', '69001'],
  ['rue Saint-Jean', '69005'],
  ['boulevard de la Croix-Rousse', '69004'],
  ['rue Duguesclin', '69006'],
  ['quai Saint-Antoine', '69002'],
  ['rue de Créqui', '69006'],
  ['avenue Berthelot', '69007'],
  ['rue Sainte-Hélène', '69002'],
] as const;
const RECIPIENTS = [
  'Julie Petit',
  'Marc Durand',
  'Sofia Rossi',
  'Karim Haddad',
  'Anne Leroux',
  'Tom Weber',
  'Elsa Martin',
  'Omar Diallo',
];

/** A small deterministic generator (mulberry32): the same day every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A merchant the day's pickups start from, read under the entity's field names. */
type MerchantRow = Pick<Merchant, 'id' | 'name' | 'addressLine1' | 'postalCode' | 'city' | 'lat' | 'lng'>;
/** An active courier, and whether a duty period of theirs is open. */
type CourierRow = Pick<Courier, 'id'> & { onDuty: boolean };

export async function seedDispatch(db: Database, options: SeedDispatchOptions = {}): Promise<SeedDispatchResult> {
  const now = (options.now ?? new Date()).getTime();
  const result: SeedDispatchResult = { deliveries: {} };
  const coop = await db.platform(({ manager }) =>
    manager.findOne(Coop, { where: { slug: 'lyon' }, select: { id: true } }),
  );
  if (!coop) return result;
  result.deliveries['lyon'] = await db.forCoop(coop.id, (tx) => seedLyonDay(tx, coop.id, now));
  return result;
}

async function seedLyonDay(tx: Tx, coopId: string, now: number): Promise<number> {
  const count = async () =>
    (await tx.one<{ n: number }>('select count(*)::int as n from deliveries where coop_id = $1', [coopId])).n;
  if (
    await tx.maybeOne('select 1 from deliveries where coop_id = $1 and reference = $2', [coopId, DEMO_FIRST_REFERENCE])
  ) {
    return count();
  }
  const merchants = await tx.query<MerchantRow>(
    `select id, name, address_line1 as "addressLine1", postal_code as "postalCode", city, lat, lng from merchants
      where coop_id = $1 and archived_at is null order by name, id`,
    [coopId],
  );
  const couriers = await tx.query<CourierRow>(
    `select c.id, exists (select 1 from courier_duty_periods p where p.coop_id = c.coop_id and p.courier_id = c.id and p.ended_at is null) as "onDuty"
       from couriers c where c.coop_id = $1 and c.active order by c.display_name, c.id`,
    [coopId],
  );
  if (merchants.length === 0 || couriers.length === 0) return count();
  const onDuty = couriers.filter((c) => c.onDuty);
  const riders = onDuty.length > 0 ? onDuty : couriers;
  const random = generator(20261207);

  const deliveries: Array<Partial<Delivery>> = [];
  const tasks: Array<Partial<DeliveryTask>> = [];
  const assignments: Array<Partial<TaskAssignment>> = [];
  const events: Array<Partial<TaskEvent>> = [];
  /** the next position in each courier's list of active tasks */
  const listLength = new Map<string, number>();

  let index = 0;
  for (const [situation, howMany] of PLAN) {
    for (let k = 0; k < howMany; k += 1, index += 1) {
      const merchant = merchants[index % merchants.length] as MerchantRow;
      const [street, postcode] = STREETS[index % STREETS.length] as (typeof STREETS)[number];
      const deliveryId = randomUUID();
      const pickupId = randomUUID();
      const dropoffId = randomUUID();
      // when it was created, in minutes before now (the day's history; the live work is recent)
      const createdMin = {
        completed: 600 - k * 8,
        failed: 560 - k * 40,
        cancelled: 500 - k * 50,
        under_way: 35 - k,
        picked_up: 30 - k,
        assigned: 28 - k,
        open: 60 - k * 1.5,
      }[situation];
      const created = now - createdMin * MIN;
      const at = (minutes: number) => new Date(created + minutes * MIN);
      const later = situation === 'open' || situation === 'assigned';
      // windows: the day's are around their creation; the work to come is planned ahead of now
      const pickupAfter = later ? new Date(now + (20 + k * 4) * MIN) : at(10);
      const pickupBefore = new Date(pickupAfter.getTime() + 30 * MIN);
      const dropoffAfter = later ? new Date(pickupAfter.getTime() + 15 * MIN) : at(20);
      const dropoffBefore = new Date(
        situation === 'under_way' || situation === 'picked_up'
          ? now + (25 + k * 3) * MIN
          : dropoffAfter.getTime() + 60 * MIN,
      );
      const angle = random() * 2 * Math.PI;
      const radius = 0.008 + random() * 0.022;
      const language: ContactLanguage = index % 4 === 3 ? 'en' : 'fr';
      const recipient = RECIPIENTS[index % RECIPIENTS.length] as string;
      const withEmail = index % 3 === 0;
      const source: EventSource = index % 2 === 0 ? 'storefront' : 'console';
      const rider = (situation === 'completed' || situation === 'failed' ? couriers : riders)[
        index % (situation === 'completed' || situation === 'failed' ? couriers.length : riders.length)
      ] as CourierRow;

      // the states each task reaches, and the events on the way
      const flow: Record<Situation, { pickup: TaskState; dropoff: TaskState; delivery: DeliveryState }> = {
        completed: { pickup: 'done', dropoff: 'done', delivery: 'completed' },
        failed: { pickup: 'done', dropoff: 'failed', delivery: 'failed' },
        cancelled: { pickup: 'cancelled', dropoff: 'cancelled', delivery: 'cancelled' },
        under_way: { pickup: 'done', dropoff: 'started', delivery: 'in_progress' },
        picked_up: { pickup: 'done', dropoff: 'assigned', delivery: 'in_progress' },
        assigned: { pickup: 'assigned', dropoff: 'assigned', delivery: 'in_progress' },
        open: { pickup: 'open', dropoff: 'open', delivery: 'open' },
      };
      const { pickup: pickupState, dropoff: dropoffState, delivery: state } = flow[situation];
      const history: Array<{
        task: string;
        type: TaskEventType;
        from: TaskState | null;
        to: TaskState;
        at: Date;
        data?: Record<string, string>;
      }> = [
        { task: pickupId, type: 'created', from: null, to: 'open', at: at(0), data: { kind: 'pickup' } },
        { task: dropoffId, type: 'created', from: null, to: 'open', at: at(0), data: { kind: 'dropoff' } },
      ];
      const failure: FailureReason | null =
        situation === 'failed' ? (k % 2 === 0 ? 'recipient_absent' : 'address_not_found') : null;
      if (situation === 'cancelled') {
        history.push({ task: pickupId, type: 'cancelled', from: 'open', to: 'cancelled', at: at(8) });
        history.push({ task: dropoffId, type: 'cancelled', from: 'open', to: 'cancelled', at: at(8) });
      } else if (situation !== 'open') {
        const courierId = rider.id;
        history.push({
          task: pickupId,
          type: 'assigned',
          from: 'open',
          to: 'assigned',
          at: at(2),
          data: { courierId },
        });
        history.push({
          task: dropoffId,
          type: 'assigned',
          from: 'open',
          to: 'assigned',
          at: at(2),
          data: { courierId },
        });
        if (pickupState === 'done') {
          history.push({
            task: pickupId,
            type: 'started',
            from: 'assigned',
            to: 'started',
            at: at(10),
            data: { courierId },
          });
          history.push({ task: pickupId, type: 'done', from: 'started', to: 'done', at: at(15), data: { courierId } });
        }
        if (dropoffState === 'started' || dropoffState === 'done' || dropoffState === 'failed') {
          history.push({
            task: dropoffId,
            type: 'started',
            from: 'assigned',
            to: 'started',
            at: at(17),
            data: { courierId },
          });
        }
        if (dropoffState === 'done') {
          history.push({ task: dropoffId, type: 'done', from: 'started', to: 'done', at: at(32), data: { courierId } });
        }
        if (dropoffState === 'failed' && failure) {
          history.push({
            task: dropoffId,
            type: 'failed',
            from: 'started',
            to: 'failed',
            at: at(32),
            data: { courierId, reason: failure },
          });
        }
        for (const taskId of [pickupId, dropoffId]) {
          const live =
            taskId === pickupId
              ? pickupState === 'assigned'
              : dropoffState === 'assigned' || dropoffState === 'started';
          const position = live ? (listLength.get(courierId) ?? 0) : 0;
          if (live) listLength.set(courierId, position + 1);
          assignments.push({
            coopId,
            taskId,
            courierId,
            position,
            pinned: false,
            assignedBy: null,
            assignedAt: at(2),
            endedAt: null,
          });
        }
      }
      const lastAt = (taskId: string) =>
        history.filter((h) => h.task === taskId).reduce((t, h) => (h.at > t ? h.at : t), at(0));
      deliveries.push({
        coopId,
        id: deliveryId,
        reference: `LY-${1000 + index}`,
        state,
        merchantId: merchant.id,
        trackingToken: newTrackingToken(),
        createdBy: null,
        source,
        createdAt: at(0),
        updatedAt: history.reduce((t, h) => (h.at > t ? h.at : t), at(0)),
      });
      const common = {
        coopId,
        deliveryId,
        attempt: 1,
        previousTaskId: null,
        supersededBy: null,
        packages: [{ type: index % 5 === 0 ? ('box' as const) : ('bag' as const), quantity: 1 + (index % 3) }],
        weightGrams: 500 + (index % 7) * 700,
        createdAt: at(0),
      };
      tasks.push({
        ...common,
        id: pickupId,
        kind: 'pickup',
        seq: 0,
        state: pickupState,
        address: `${merchant.name}, ${merchant.addressLine1}, ${merchant.postalCode} ${merchant.city}`.slice(0, 300),
        lat: merchant.lat,
        lng: merchant.lng,
        windowAfter: pickupAfter,
        windowBefore: pickupBefore,
        serviceMinutes: 3,
        contactName: merchant.name.slice(0, 120),
        contactPhone: null,
        contactEmail: null,
        contactLanguage: null,
        comments: null,
        failureReason: null,
        updatedAt: lastAt(pickupId),
      });
      tasks.push({
        ...common,
        id: dropoffId,
        kind: 'dropoff',
        seq: 1,
        state: dropoffState,
        address: `${1 + ((index * 7) % 120)} ${street}, ${postcode} Lyon`,
        lat: 45.764 + Math.sin(angle) * radius * 0.7,
        lng: 4.8357 + Math.cos(angle) * radius,
        windowAfter: dropoffAfter,
        windowBefore: dropoffBefore,
        serviceMinutes: 2,
        contactName: recipient,
        contactPhone: `+3367${String(1000000 + index * 7919).slice(-7)}`,
        contactEmail: withEmail ? `${recipient.split(' ')[0]?.toLowerCase() ?? 'client'}.${index}@example.fr` : null,
        contactLanguage: withEmail ? language : null,
        comments: index % 6 === 0 ? 'Code porte 4821B, 3e étage' : null,
        failureReason: failure,
        // the day's mails went out with the day (the worker sends the live ones)
        mailedOnWayAt: withEmail && pickupState === 'done' ? at(15) : null,
        mailedDeliveredAt: withEmail && dropoffState === 'done' ? at(32) : null,
        updatedAt: lastAt(dropoffId),
      });
      for (const h of history) {
        events.push({
          coopId,
          taskId: h.task,
          deliveryId,
          type: h.type,
          fromState: h.from,
          toState: h.to,
          actorId: null,
          requestId: 'seed',
          // created by the source, assigned by a dispatcher, worked by the courier
          source:
            h.type === 'started' || h.type === 'done' || h.type === 'failed'
              ? 'courier_app'
              : h.type === 'assigned' || h.type === 'cancelled'
                ? 'console'
                : source,
          data: h.data ?? {},
          at: h.at,
        });
      }
    }
  }
  await tx.manager.insert(Delivery, deliveries);
  await tx.manager.insert(DeliveryTask, tasks);
  await tx.manager.insert(TaskAssignment, assignments);
  await tx.manager.insert(TaskEvent, events);
  return count();
}

/**
 * Tracking links to show after `npm start`: a delivery of the demo whose dropoff is under way,
 * and one delivered (null when the demo day is not there).
 */
export async function demoTrackingTokens(db: Database): Promise<{ underWay: string | null; delivered: string | null }> {
  const coop = await db.platform(({ manager }) =>
    manager.findOne(Coop, { where: { slug: 'lyon' }, select: { id: true } }),
  );
  if (!coop) return { underWay: null, delivered: null };
  return db.forCoop(coop.id, async (tx) => {
    const pick = async (taskState: TaskState) =>
      (
        await tx.maybeOne<{ tracking_token: string }>(
          `select d.tracking_token from deliveries d
             join delivery_tasks t on t.coop_id = d.coop_id and t.delivery_id = d.id and t.kind = 'dropoff'
            where d.coop_id = $1 and d.reference like 'LY-%' and t.state = $2
            order by d.reference limit 1`,
          [coop.id, taskState],
        )
      )?.tracking_token ?? null;
    return { underWay: await pick('started'), delivered: await pick('done') };
  });
}
