import type { Scenario } from '../harness';

const PAGE_SIZE = 50;
const COURIERS_PER_COOP = 60;
const STALE_MS = 5 * 60 * 1000;

/** The courier users of the seeded coops (email `c-<coop>-<k>@bench.test`). */
const COURIER_USERS = `from users u
   join coops c on c.slug = 'bench-' || split_part(split_part(u.email, '@', 1), '-', 2)
  where u.email like 'c-%@bench.test'
    and split_part(split_part(u.email, '@', 1), '-', 2)::int between $1 and $2`;

/** A third of those couriers (k divisible by 3): on duty, with a fresh location. */
const ON_DUTY = `from couriers k
   join users u on u.id = k.user_id
   join coops c on c.id = k.coop_id
  where split_part(c.slug, '-', 2)::int between $1 and $2
    and u.email like 'c-%@bench.test'
    and split_part(split_part(u.email, '@', 1), '-', 3)::int % 3 = 0`;

/**
 * GET /api/fleet/couriers: a page of 50 of a coop's 60 couriers, each with its email, open duty period
 * and last location.
 */
export const couriersScenario: Scenario = {
  name: 'couriers',
  data: `${COURIERS_PER_COOP} couriers a coop (a third on duty with a location), page of ${PAGE_SIZE}`,
  path: () => `/api/fleet/couriers?limit=${PAGE_SIZE}`,
  tables: ['users', 'memberships', 'couriers', 'courier_duty_periods', 'courier_locations'],
  async seed({ su, from, to, passwordHash }) {
    await su.query(
      `insert into users (email, name, password_hash)
       select 'c-' || c || '-' || k || '@bench.test', 'Courier ' || c || '-' || k, $3
         from generate_series($1::int, $2::int) c, generate_series(1, $4::int) k`,
      [from, to, passwordHash, COURIERS_PER_COOP],
    );
    await su.query(
      `insert into memberships (coop_id, user_id, roles) select c.id, u.id, '{courier}' ${COURIER_USERS}`,
      [from, to],
    );
    await su.query(
      `insert into couriers (coop_id, user_id, display_name, vehicle, capacity_weight_kg, capacity_boxes, skills, member_owner)
       select c.id, u.id, u.name,
              (array['bike', 'cargo_bike', 'e_bike', 'on_foot'])[1 + split_part(split_part(u.email, '@', 1), '-', 3)::int % 4],
              20, 4, '{cold_chain}', split_part(split_part(u.email, '@', 1), '-', 3)::int % 2 = 0
         ${COURIER_USERS}`,
      [from, to],
    );
    await su.query(
      `insert into courier_duty_periods (coop_id, courier_id, started_at)
       select k.coop_id, k.id, now() - interval '2 hours' ${ON_DUTY}`,
      [from, to],
    );
    await su.query(
      `insert into courier_locations (coop_id, courier_id, lat, lng, accuracy_m, recorded_at)
       select k.coop_id, k.id, 45.75 + random() / 50, 4.83 + random() / 50, 12, now() ${ON_DUTY}`,
      [from, to],
    );
  },
  // what the API's courier list sends (TypeORM builds the API's: CouriersService.list)
  bareSql: `
    select c.coop_id, c.id, c.user_id, c.display_name, c.phone, c.vehicle, c.vehicle_note,
           c.capacity_weight_kg, c.capacity_volume_litres, c.capacity_boxes, c.skills, c.member_owner,
           c.active, c.availability, c.created_at, c.updated_at,
           u.email, d.started_at as on_duty_since, l.lat, l.lng, l.accuracy_m, l.recorded_at,
           count(*) over () as total
      from couriers c
      join users u on u.id = c.user_id
      left join courier_duty_periods d on d.coop_id = c.coop_id and d.courier_id = c.id and d.ended_at is null
      left join courier_locations l on l.coop_id = c.coop_id and l.courier_id = c.id
     where c.coop_id = $1
     order by c.display_name, c.id
     limit $2 offset $3`,
  bareParams: (coopId) => [coopId, PAGE_SIZE, 0],
  bareBody: (rows) => {
    const now = Date.now();
    return {
      items: rows.map((r) => ({
        id: r['id'],
        userId: r['user_id'],
        email: r['email'],
        displayName: r['display_name'],
        phone: r['phone'],
        vehicle: r['vehicle'],
        vehicleNote: r['vehicle_note'],
        capacity: {
          weightKg: r['capacity_weight_kg'],
          volumeLitres: r['capacity_volume_litres'],
          boxes: r['capacity_boxes'],
        },
        skills: r['skills'],
        memberOwner: r['member_owner'],
        active: r['active'],
        availability: r['availability'],
        onDutySince: r['on_duty_since'] ? (r['on_duty_since'] as Date).toISOString() : null,
        location: r['recorded_at']
          ? {
              lat: r['lat'],
              lng: r['lng'],
              accuracyM: r['accuracy_m'],
              recordedAt: (r['recorded_at'] as Date).toISOString(),
              stale: now - (r['recorded_at'] as Date).getTime() > STALE_MS,
            }
          : null,
        createdAt: (r['created_at'] as Date).toISOString(),
        updatedAt: (r['updated_at'] as Date).toISOString(),
      })),
      total: Number(rows[0]?.['total'] ?? 0),
    };
  },
};
