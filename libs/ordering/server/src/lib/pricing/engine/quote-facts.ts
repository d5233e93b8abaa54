import type { LatLng, PricingInput } from '@federacycle/contracts';
import { distanceMetres } from '@federacycle/geo-server';
import { toWall } from '@federacycle/merchants-server';
import type { QuoteFacts, UnitFacts } from './price-rule-set';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const round2 = (n: number) => Math.round(n * 100) / 100;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** What the facts need from outside: the zones a point lies in (lower-case names) and the coop's time zone. */
export interface QuoteContext {
  zonesAt: (point: LatLng) => string[];
  timeZone: string;
  /** the moment of the quote */
  now: Date;
}

type Task = PricingInput['tasks'][number];

function countPackages(tasks: readonly Task[]): { total: number; byType: Map<string, number> } {
  const byType = new Map<string, number>();
  let total = 0;
  for (const task of tasks) {
    for (const p of task.packages ?? []) {
      const type = p.type.toLowerCase();
      byType.set(type, (byType.get(type) ?? 0) + p.quantity);
      total += p.quantity;
    }
  }
  return { total, byType };
}

/**
 * The facts of a quote. The route is the pickups in their order, then the dropoffs in theirs; its
 * distance is the sum of great-circle legs (geo's haversine `distanceMetres`). Time variables are
 * read at the first pickup's window opening (else the quote's moment) on the coop's wall clock.
 */
export function quoteFacts(input: PricingInput, context: QuoteContext): QuoteFacts {
  const route = [
    ...input.tasks.map((task, index) => ({ task, index })).filter(({ task }) => task.type === 'pickup'),
    ...input.tasks.map((task, index) => ({ task, index })).filter(({ task }) => task.type === 'dropoff'),
  ];
  const legKm = new Map<number, number>();
  let distanceKm = 0;
  route.forEach(({ task, index }, i) => {
    const previous = route[i - 1]?.task;
    const leg = previous ? distanceMetres(previous, task) / 1000 : 0;
    legKm.set(index, round2(leg));
    distanceKm += leg;
  });
  distanceKm = round2(distanceKm);

  const zonesOf = input.tasks.map((task) => new Set(context.zonesAt({ lat: task.lat, lng: task.lng })));
  const pickupZones = new Set<string>();
  const dropoffZones = new Set<string>();
  input.tasks.forEach((task, i) => {
    for (const zone of zonesOf[i]) (task.type === 'pickup' ? pickupZones : dropoffZones).add(zone);
  });

  const firstPickup = input.tasks.find((t) => t.type === 'pickup');
  const opensAt = firstPickup?.after ? new Date(firstPickup.after) : null;
  const reference = opensAt && !Number.isNaN(opensAt.getTime()) ? opensAt : context.now;
  const wall = toWall(reference, context.timeZone);
  const { total: packages, byType } = countPackages(input.tasks);
  const grams = input.tasks.reduce((sum, t) => sum + (t.weightGrams ?? 0), 0);

  const variables: Record<string, string | number> = {
    distance_km: distanceKm,
    weight_kg: round3(grams / 1000),
    packages,
    stops: input.tasks.length,
    pickups: input.tasks.filter((t) => t.type === 'pickup').length,
    dropoffs: input.tasks.filter((t) => t.type === 'dropoff').length,
    lead_time_min: Math.max(0, Math.round((reference.getTime() - context.now.getTime()) / 60_000)),
    hour: wall.getHours(),
    weekday: WEEKDAYS[wall.getDay()],
    time_slot: input.tasks.find((t) => t.timeSlotId)?.timeSlotId ?? '',
    vehicle: input.vehicleType ?? '',
  };
  const zones = { pickup: pickupZones, dropoff: dropoffZones, task: new Set<string>() };
  const delivery: UnitFacts = {
    taskIndex: null,
    distanceKm,
    packages,
    packagesByType: byType,
    stops: input.tasks.length,
    variables,
    zones,
  };
  const tasks = input.tasks.map((task, index): UnitFacts => {
    const own = countPackages([task]);
    const leg = legKm.get(index) ?? 0;
    return {
      taskIndex: index,
      distanceKm: leg,
      packages: own.total,
      packagesByType: own.byType,
      stops: 1,
      variables: {
        ...variables,
        task_type: task.type,
        task_index: index,
        task_weight_kg: round3((task.weightGrams ?? 0) / 1000),
        task_packages: own.total,
        leg_km: leg,
      },
      zones: { ...zones, task: zonesOf[index] },
    };
  });
  return { distanceKm, delivery, tasks };
}
