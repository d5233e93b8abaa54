import { In } from 'typeorm';
import type { CoopRole, Vehicle } from '@federacycle/contracts';
import { ensureDemoMembers, Membership, User, type SeedIdentityOptions } from '@federacycle/identity-server';
import { Coop, type Database, type Tx } from '@federacycle/platform-database';
import { Courier } from '../couriers/courier.entity';
import { CourierDutyPeriod } from '../duty/courier-duty-period.entity';
import { CourierLocation } from '../duty/courier-location.entity';
import { CourierShift } from '../shifts/courier-shift.entity';

interface DemoFleet {
  slug: string;
  centre: [lat: number, lng: number];
  /** the people to add (the identity seed's courier accounts get profiles too) */
  names: readonly string[];
  /** every n-th new courier is not a member of the coop */
  nonMemberEvery: number;
  onDuty: number;
  /** the start of the demo mobile numbers (country code and operator prefix) */
  phonePrefix: string;
  /** courier memberships left without a profile (new recruits, for the admin to set up) */
  recruits?: ReadonlyArray<{ name: string; member: boolean }>;
}

const LYON_NAMES = [
  'Camille Bernard',
  'Louis Moreau',
  'Inès Laurent',
  'Hugo Girard',
  'Chloé Lefèvre',
  'Nathan Roux',
  'Manon Fournier',
  'Théo Mercier',
  'Léa Bonnet',
  'Jules Fontaine',
  'Sarah Chevalier',
  'Mathis Garnier',
  'Zoé Lambert',
  'Rayan Faure',
  'Emma Rousseau',
  'Yanis Blanc',
  'Lina Guerin',
  'Adam Muller',
  'Jade Henry',
  'Noah Perrin',
  'Alice Morel',
  'Enzo Dupuis',
  'Louise Caron',
];
const BARCELONA_NAMES = ['Marta Puig', 'Jordi Soler', 'Laia Vidal', 'Pau Ferrer', 'Núria Font', 'Arnau Serra'];
const BERLIN_NAMES = ['Lena Schulz', 'Jonas Becker', 'Mia Hoffmann', 'Felix Wagner', 'Emilia Koch', 'Paul Richter'];

const DEMO_FLEETS: readonly DemoFleet[] = [
  {
    slug: 'lyon',
    centre: [45.764, 4.8357],
    names: LYON_NAMES,
    nonMemberEvery: 3,
    // the dispatch demo's live day needs riders across the city
    onDuty: 10,
    phonePrefix: '+3361234',
    recruits: [
      { name: 'Lucie Marchand', member: true },
      { name: 'Bastien Leroy', member: false },
    ],
  },
  {
    slug: 'barcelona',
    centre: [41.3874, 2.1686],
    names: BARCELONA_NAMES,
    nonMemberEvery: 3,
    onDuty: 2,
    phonePrefix: '+3461234',
  },
  {
    slug: 'berlin',
    centre: [52.52, 13.405],
    names: BERLIN_NAMES,
    nonMemberEvery: 4,
    onDuty: 2,
    phonePrefix: '+4915123',
  },
];

const VEHICLE_CYCLE: readonly Vehicle[] = [
  'bike',
  'cargo_bike',
  'e_bike',
  'bike',
  'cargo_bike',
  'on_foot',
  'e_bike',
  'bike',
];
const SKILL_CYCLE: readonly string[][] = [
  ['cold_chain'],
  ['heavy'],
  [],
  ['hot_food'],
  ['fragile', 'documents'],
  ['heavy', 'long_distance'],
  [],
];
const CAPACITY: Record<Vehicle, [kg: number, litres: number, boxes: number]> = {
  bike: [15, 40, 1],
  cargo_bike: [120, 300, 6],
  e_bike: [25, 60, 2],
  on_foot: [5, 15, 1],
  car: [200, 800, 10],
};

export interface SeedFleetOptions extends SeedIdentityOptions {
  now?: Date;
}

export interface SeedFleetResult {
  /** couriers per coop slug, after the seed */
  couriers: Record<string, number>;
}

const slugOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Monday 00:00 UTC of `now`'s week. */
function weekStartUtc(now: Date): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return midnight - ((now.getUTCDay() + 6) % 7) * DAY;
}

/**
 * The demo fleets: Lyon 25 couriers (some not members), Barcelona and Berlin smaller ones; varied
 * vehicles, shifts last week and this week (a lunch or an evening slot, coop-local hours roughly),
 * some couriers on duty with a fresh location (ten in Lyon, across the city); Lyon also has two recruits (courier memberships
 * without a profile yet) for the admin to set up. The people come from identity's
 * `ensureDemoMembers`; fleet writes only its own tables. Idempotent: a profile, a week's shifts,
 * an open duty period or a location that exists is left as it is.
 */
export async function seedFleet(db: Database, options: SeedFleetOptions = {}): Promise<SeedFleetResult> {
  const now = options.now ?? new Date();
  const result: SeedFleetResult = { couriers: {} };
  for (const fleet of DEMO_FLEETS) {
    const coop = await db.platform(({ manager }) =>
      manager.findOne(Coop, { where: { slug: fleet.slug }, select: { id: true } }),
    );
    if (!coop) continue;
    const people = fleet.names.map((name, i) => ({
      email: `${slugOf(name)}@${fleet.slug}.demo`,
      name,
      roles: ((i + 1) % fleet.nonMemberEvery === 0 ? ['courier'] : ['courier', 'member']) as CoopRole[],
    }));
    const recruits = (fleet.recruits ?? []).map((r) => ({
      email: `${slugOf(r.name)}@${fleet.slug}.demo`,
      name: r.name,
      roles: (r.member ? ['courier', 'member'] : ['courier']) as CoopRole[],
    }));
    await ensureDemoMembers(db, coop.id, [...people, ...recruits], options);
    const skip = new Set(recruits.map((r) => r.email));
    result.couriers[fleet.slug] = await db.forCoop(coop.id, (tx) => seedCoopFleet(tx, coop.id, fleet, now, skip));
  }
  return result;
}

async function seedCoopFleet(
  tx: Tx,
  coopId: string,
  fleet: DemoFleet,
  now: Date,
  recruits: ReadonlySet<string>,
): Promise<number> {
  const { manager } = tx;
  // every active courier membership of the coop (the identity seed's and ours), by email
  const memberships = await manager
    .getRepository(Membership)
    .createQueryBuilder('m')
    .innerJoin(User, 'u', 'u.id = m.userId')
    .select(['m.userId', 'm.roles'])
    .addSelect('u.name', 'name')
    .addSelect('u.email', 'email')
    .where('m.coopId = :coopId', { coopId })
    .andWhere(`m.status = 'active'`)
    .andWhere(`'courier' = any(m.roles)`)
    .orderBy('u.email')
    .getRawAndEntities<{ name: string; email: string; m_user_id: string }>();
  const existing = await manager.find(Courier, { where: { coopId }, select: { userId: true } });
  const withProfile = new Set(existing.map((c) => c.userId));
  const names = new Map(memberships.raw.map((r) => [r.m_user_id, r.name]));
  const emails = new Map(memberships.raw.map((r) => [r.m_user_id, r.email]));
  for (const [i, m] of memberships.entities.entries()) {
    if (withProfile.has(m.userId) || recruits.has(emails.get(m.userId) ?? '')) continue;
    const vehicle = VEHICLE_CYCLE[i % VEHICLE_CYCLE.length] as Vehicle;
    const [kg, litres, boxes] = CAPACITY[vehicle];
    await manager.insert(Courier, {
      coopId,
      userId: m.userId,
      displayName: (names.get(m.userId) ?? 'Courier').slice(0, 80),
      phone: `${fleet.phonePrefix}${String(1000 + i).slice(-4)}`,
      vehicle,
      vehicleNote: null,
      capacityWeightKg: kg,
      capacityVolumeLitres: litres,
      capacityBoxes: boxes,
      skills: SKILL_CYCLE[i % SKILL_CYCLE.length] as string[],
      memberOwner: m.roles.includes('member'),
      active: true,
      availability: [
        { weekday: 1 + (i % 5), start: '11:00', end: '14:30' },
        { weekday: 1 + ((i + 2) % 5), start: '18:00', end: '22:00' },
        { weekday: 6, start: '10:00', end: '15:00' },
      ],
    });
  }
  const couriers = await manager.find(Courier, { where: { coopId }, order: { displayName: 'ASC', id: 'ASC' } });
  const week = weekStartUtc(now);
  const alreadyPlanned = new Set(
    (
      await manager.find(CourierShift, {
        where: { coopId, courierId: In(couriers.map((c) => c.id)) },
        select: { courierId: true, startsAt: true },
      })
    )
      .filter((s) => s.startsAt.getTime() >= week - 7 * DAY)
      .map((s) => s.courierId),
  );
  const shifts: Array<Pick<CourierShift, 'coopId' | 'courierId' | 'startsAt' | 'endsAt' | 'note'>> = [];
  for (const [i, courier] of couriers.entries()) {
    if (alreadyPlanned.has(courier.id)) continue;
    // last week and this week: a lunch slot (10:00-13:30 UTC) and an evening slot (16:00-20:00 UTC)
    for (const base of [week - 7 * DAY, week]) {
      const lunchDays = [i % 7, (i + 3) % 7];
      const eveningDay = (i + 5) % 7;
      for (const day of lunchDays) {
        shifts.push({
          coopId,
          courierId: courier.id,
          startsAt: new Date(base + day * DAY + 10 * HOUR),
          endsAt: new Date(base + day * DAY + 13.5 * HOUR),
          note: null,
        });
      }
      if (eveningDay !== lunchDays[0] && eveningDay !== lunchDays[1]) {
        shifts.push({
          coopId,
          courierId: courier.id,
          startsAt: new Date(base + eveningDay * DAY + 16 * HOUR),
          endsAt: new Date(base + eveningDay * DAY + 20 * HOUR),
          note: i % 4 === 0 ? 'Presqu’île / centre' : null,
        });
      }
    }
  }
  if (shifts.length > 0) await manager.insert(CourierShift, shifts);
  // a few on duty now, with a fresh location around the centre
  const open = new Set(
    (await manager.find(CourierDutyPeriod, { where: { coopId }, select: { courierId: true, endedAt: true } }))
      .filter((p) => p.endedAt === null)
      .map((p) => p.courierId),
  );
  for (const [i, courier] of couriers.slice(0, fleet.onDuty).entries()) {
    if (open.has(courier.id)) continue;
    await manager.insert(CourierDutyPeriod, {
      coopId,
      courierId: courier.id,
      startedAt: new Date(now.getTime() - (i + 1) * 40 * 60_000),
    });
    await manager.upsert(
      CourierLocation,
      {
        coopId,
        courierId: courier.id,
        // spread over the city: a 5 x 4 grid around the centre, ~1 km apart
        lat: fleet.centre[0] + ((i % 5) - 2) * 0.009,
        lng: fleet.centre[1] + ((i % 4) - 1.5) * 0.012,
        accuracyM: 8 + i,
        recordedAt: new Date(now.getTime() - i * 60_000),
      },
      { conflictPaths: ['coopId', 'courierId'] },
    );
  }
  return couriers.length;
}
