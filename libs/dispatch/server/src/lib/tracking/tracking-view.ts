import type {
  DeliveryState,
  ProofKind,
  TaskEventType,
  TaskKind,
  TaskState,
  TrackingProof,
  TrackingTimelineEntry,
  TrackingView,
  Vehicle,
} from '@federacycle/contracts';
import { haversineMetric } from '@federacycle/dispatch-optimizer';
import { VEHICLE_SPEED_KMH } from '../planning/plan-problem';

/**
 * The public tracking page's view, from what the coop knows of one delivery: pure, no I/O. It
 * carries only this delivery's progress; the courier appears (first name, position) only while
 * the dropoff is under way.
 */

export interface TrackedTask {
  id: string;
  kind: TaskKind;
  state: TaskState;
  seq: number;
  superseded: boolean;
  address: string;
  lat: number;
  lng: number;
  windowAfter: Date | null;
  windowBefore: Date | null;
  serviceMinutes: number;
}

export interface TrackedEvent {
  taskId: string;
  type: TaskEventType;
  at: Date;
}

export interface TrackedCourier {
  /** the name the coop shows (the page keeps its first word) */
  displayName: string;
  vehicle: Vehicle;
  /** the last fix, when there is one */
  position: { lat: number; lng: number; at: Date } | null;
}

/** A proof collected on one of the delivery's done dropoffs. */
export interface TrackedProof {
  id: string;
  kind: ProofKind;
  at: Date;
}

export interface TrackingFacts {
  /** the delivery's tracking token (the proofs' links carry it) */
  token: string;
  coopName: string;
  state: DeliveryState;
  createdAt: Date;
  updatedAt: Date;
  tasks: readonly TrackedTask[];
  events: readonly TrackedEvent[];
  /** who holds the dropoff (or, before it is assigned, the first pickup) */
  courier: TrackedCourier | null;
  /** the proofs of the delivery's done dropoffs (shown once it is completed) */
  proofs: readonly TrackedProof[];
  /** the delivery's handover code when the coop's dropoff policy asks for it, else null */
  handoverCode: string | null;
}

/** A fix older than this says nothing about where the courier is now. */
export const POSITION_FRESH_MS = 10 * 60 * 1000;

const FINAL: readonly TaskState[] = ['done', 'failed', 'cancelled'];

/** The first word of a display name: "Camille Martin" → "Camille". */
export function firstNameOf(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? '';
}

function latest(events: readonly TrackedEvent[], taskIds: ReadonlySet<string>, type: TaskEventType): Date | null {
  let found: Date | null = null;
  for (const e of events) if (e.type === type && taskIds.has(e.taskId) && (!found || e.at > found)) found = e.at;
  return found;
}

function earliest(events: readonly TrackedEvent[], taskIds: ReadonlySet<string>, type: TaskEventType): Date | null {
  let found: Date | null = null;
  for (const e of events) if (e.type === type && taskIds.has(e.taskId) && (!found || e.at < found)) found = e.at;
  return found;
}

/** The dropoff the page is about: the first one still to do, else the last one. */
export function currentDropoff(tasks: readonly TrackedTask[]): TrackedTask | null {
  const dropoffs = tasks.filter((t) => t.kind === 'dropoff' && !t.superseded).sort((a, b) => a.seq - b.seq);
  return dropoffs.find((t) => !FINAL.includes(t.state)) ?? dropoffs[dropoffs.length - 1] ?? null;
}

/** Whether the dropoff is under way: its task started, or every pickup done and it not finished. */
export function dropoffUnderWay(tasks: readonly TrackedTask[], dropoff: TrackedTask | null): boolean {
  if (!dropoff || FINAL.includes(dropoff.state)) return false;
  if (dropoff.state === 'started') return true;
  const pickups = tasks.filter((t) => t.kind === 'pickup' && !t.superseded);
  return pickups.length > 0 && pickups.every((t) => t.state === 'done') && dropoff.state === 'assigned';
}

/**
 * The expected arrival at the dropoff. With a fresh fix of a courier under way: the ride from the
 * fix (through the pickups still to do) at the vehicle's town speed, plus service times, never
 * before the window opens. Otherwise the window (its closing, else its opening), or null.
 */
export function estimateArrival(
  facts: TrackingFacts,
  dropoff: TrackedTask,
  underWay: boolean,
  now: number,
): TrackingView['eta'] {
  if (FINAL.includes(dropoff.state)) return null;
  const fix = facts.courier?.position;
  if (underWay && facts.courier && fix && now - fix.at.getTime() <= POSITION_FRESH_MS) {
    const metric = haversineMetric(VEHICLE_SPEED_KMH[facts.courier.vehicle]);
    const stops = [
      ...facts.tasks
        .filter((t) => t.kind === 'pickup' && !t.superseded && !FINAL.includes(t.state))
        .sort((a, b) => a.seq - b.seq),
      dropoff,
    ];
    let at = { x: fix.lng, y: fix.lat };
    let seconds = 0;
    for (const stop of stops) {
      const next = { x: stop.lng, y: stop.lat };
      seconds += metric.duration(at, next);
      if (stop !== dropoff) seconds += stop.serviceMinutes * 60;
      at = next;
    }
    const opens = dropoff.windowAfter?.getTime() ?? 0;
    return { at: new Date(Math.max(now + seconds * 1000, opens)).toISOString(), basis: 'position' };
  }
  const window = dropoff.windowBefore ?? dropoff.windowAfter;
  return window ? { at: window.toISOString(), basis: 'window' } : null;
}

/** The steps reached (with their time) and those still to come (at null). */
export function timelineOf(facts: TrackingFacts): TrackingTimelineEntry[] {
  const all = new Set(facts.tasks.map((t) => t.id));
  const current = facts.tasks.filter((t) => !t.superseded);
  const pickups = current.filter((t) => t.kind === 'pickup');
  const dropoffs = current.filter((t) => t.kind === 'dropoff');
  const pickupIds = new Set(facts.tasks.filter((t) => t.kind === 'pickup').map((t) => t.id));
  const dropoffIds = new Set(facts.tasks.filter((t) => t.kind === 'dropoff').map((t) => t.id));
  const pickedUp =
    pickups.length > 0 && pickups.every((t) => t.state === 'done') ? latest(facts.events, pickupIds, 'done') : null;
  const onTheWay =
    earliest(facts.events, dropoffIds, 'started') ??
    (pickedUp && dropoffs.some((t) => t.state !== 'open') ? pickedUp : null);
  const entries: TrackingTimelineEntry[] = [
    { step: 'created', at: facts.createdAt.toISOString() },
    { step: 'assigned', at: earliest(facts.events, all, 'assigned')?.toISOString() ?? null },
    { step: 'picked_up', at: pickedUp?.toISOString() ?? null },
    { step: 'on_the_way', at: onTheWay?.toISOString() ?? null },
  ];
  if (facts.state === 'failed') {
    entries.push({
      step: 'failed',
      at: latest(facts.events, dropoffIds, 'failed')?.toISOString() ?? facts.updatedAt.toISOString(),
    });
  } else if (facts.state === 'cancelled') {
    entries.push({
      step: 'cancelled',
      at: latest(facts.events, all, 'cancelled')?.toISOString() ?? facts.updatedAt.toISOString(),
    });
  } else {
    const delivered =
      facts.state === 'completed' ? (latest(facts.events, dropoffIds, 'done') ?? facts.updatedAt) : null;
    entries.push({ step: 'delivered', at: delivered?.toISOString() ?? null });
  }
  return entries;
}

/** A proof's entry, its image served through this delivery's token only. */
export function proofOf(token: string, proof: TrackedProof): TrackingProof {
  return {
    id: proof.id,
    kind: proof.kind,
    url: `/api/track/${encodeURIComponent(token)}/proofs/${proof.id}`,
    at: proof.at.toISOString(),
  };
}

/**
 * The recipient holds the link, so the page tells them the code to give the courier at the door,
 * while there is still a door to come to: the delivery open or in progress and its dropoff not
 * finished. Never once the delivery is completed, failed or cancelled.
 */
export function handoverCodeShown(facts: TrackingFacts): boolean {
  if (facts.handoverCode === null) return false;
  if (facts.state !== 'open' && facts.state !== 'in_progress') return false;
  const dropoff = currentDropoff(facts.tasks);
  return dropoff !== null && !FINAL.includes(dropoff.state);
}

/** The whole view. */
export function trackingViewOf(facts: TrackingFacts, now: number): TrackingView {
  const dropoff = currentDropoff(facts.tasks);
  const underWay = dropoffUnderWay(facts.tasks, dropoff);
  const fix = facts.courier?.position ?? null;
  const freshFix = fix && now - fix.at.getTime() <= POSITION_FRESH_MS ? fix : null;
  return {
    coopName: facts.coopName,
    state: facts.state,
    timeline: timelineOf(facts),
    dropoff: dropoff
      ? {
          address: dropoff.address,
          lat: dropoff.lat,
          lng: dropoff.lng,
          after: dropoff.windowAfter?.toISOString() ?? null,
          before: dropoff.windowBefore?.toISOString() ?? null,
        }
      : { address: '', lat: 0, lng: 0, after: null, before: null },
    eta: dropoff ? estimateArrival(facts, dropoff, underWay, now) : null,
    courier:
      underWay && facts.courier
        ? {
            firstName: firstNameOf(facts.courier.displayName),
            lat: freshFix?.lat ?? null,
            lng: freshFix?.lng ?? null,
            at: freshFix?.at.toISOString() ?? null,
          }
        : null,
    proofs: facts.state === 'completed' ? facts.proofs.map((p) => proofOf(facts.token, p)) : [],
    handoverCode: handoverCodeShown(facts) ? facts.handoverCode : null,
    updatedAt: facts.updatedAt.toISOString(),
  };
}
