import { Inject, Injectable } from '@nestjs/common';
import type {
  BoardCourier,
  BoardCourierStatus,
  BoardTask,
  BoardView,
  TaskState,
  Vehicle,
} from '@federacycle/contracts';
import { Database } from '@federacycle/platform-database';
import { ZonesService, pointInZone } from '@federacycle/geo-server';

export interface BoardFilter {
  date: string;
  zoneId: string | null;
  /** only the tasks of deliveries for this merchant */
  merchantId: string | null;
  state: TaskState | null;
  lateOnly: boolean;
}

type TaskRow = Omit<BoardTask, 'after' | 'before'> & { after: Date | null; before: Date | null };
type CourierRow = Omit<BoardCourier, 'status' | 'locatedAt'> & { locatedAt: Date | null; started: number };

/**
 * The tasks of a day: the day is the coop's (its time zone), a task belongs to the day of its
 * window's close (else its opening, else its creation). Raw rows under the view's names, one
 * statement; the zone's bbox prefilters in SQL, the polygon test runs here on what is left.
 */
const DAY_TASKS = `with bounds as (
  select ($2::date::timestamp at time zone c.timezone) as s, (($2::date + 1)::timestamp at time zone c.timezone) as e
    from coops c where c.id = $1
)
select t.id, t.delivery_id as "deliveryId", d.reference, t.kind, t.state, t.lat, t.lng,
       split_part(t.address, ',', 1) as address, t.window_after as after, t.window_before as before,
       a.courier_id as "courierId", a.position as seq,
       (t.state in ('open', 'assigned', 'started') and t.window_before < now()) as late
  from bounds b
  join delivery_tasks t on t.coop_id = $1
   and coalesce(t.window_before, t.window_after, t.created_at) >= b.s
   and coalesce(t.window_before, t.window_after, t.created_at) < b.e
  join deliveries d on d.coop_id = t.coop_id and d.id = t.delivery_id
  left join task_assignments a on a.coop_id = t.coop_id and a.task_id = t.id and a.ended_at is null
 where ($3::text is null or t.state = $3::text)
   and (not $4::boolean or (t.state in ('open', 'assigned', 'started') and t.window_before < now()))
   and ($5::float8 is null or (t.lng between $5::float8 and $7::float8 and t.lat between $6::float8 and $8::float8))
   and ($9::uuid is null or d.merchant_id = $9::uuid)
 order by coalesce(t.window_before, t.window_after, t.created_at), t.id`;

/** Couriers on duty, and those off duty still holding live tasks; load = live tasks held. */
const BOARD_COURIERS = `select c.id, c.display_name as name, c.vehicle, (p.courier_id is not null) as "onDuty",
       l.lat, l.lng, l.recorded_at as "locatedAt", coalesce(w.load, 0)::int as load, coalesce(w.started, 0)::int as started
  from couriers c
  left join courier_duty_periods p on p.coop_id = c.coop_id and p.courier_id = c.id and p.ended_at is null
  left join courier_locations l on l.coop_id = c.coop_id and l.courier_id = c.id
  left join lateral (
    select count(*) as load, count(*) filter (where t.state = 'started') as started
      from task_assignments a
      join delivery_tasks t on t.coop_id = a.coop_id and t.id = a.task_id
     where a.coop_id = c.coop_id and a.courier_id = c.id and a.ended_at is null and t.state in ('assigned', 'started')
  ) w on true
 where c.coop_id = $1 and c.active and (p.courier_id is not null or w.load > 0)
 order by c.display_name, c.id`;

/** The dispatch board's read: a day's tasks and the couriers who can take them. */
@Injectable()
export class BoardService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(ZonesService) private readonly zones: ZonesService,
  ) {}

  async read(coopId: string, filter: BoardFilter): Promise<BoardView> {
    const zone = filter.zoneId ? await this.zones.get(coopId, filter.zoneId) : null;
    const box = zone?.bbox ?? [null, null, null, null];
    const [taskRows, courierRows] = await Promise.all([
      this.db.read((m) =>
        m.query(DAY_TASKS, [coopId, filter.date, filter.state, filter.lateOnly, ...box, filter.merchantId]),
      ),
      this.db.read((m) => m.query(BOARD_COURIERS, [coopId])),
    ]);
    let tasks = (taskRows as TaskRow[]).map(toBoardTask);
    if (zone) tasks = tasks.filter((t) => pointInZone({ lat: t.lat, lng: t.lng }, zone.geometry, zone.bbox));
    return {
      date: filter.date,
      at: new Date().toISOString(),
      tasks,
      couriers: (courierRows as CourierRow[]).map(toBoardCourier),
    };
  }
}

function toBoardTask(r: TaskRow): BoardTask {
  return {
    id: r.id,
    deliveryId: r.deliveryId,
    reference: r.reference,
    kind: r.kind,
    state: r.state,
    lat: r.lat,
    lng: r.lng,
    address: r.address,
    after: r.after ? r.after.toISOString() : null,
    before: r.before ? r.before.toISOString() : null,
    courierId: r.courierId,
    seq: r.seq,
    late: r.late,
  };
}

export function courierStatus(onDuty: boolean, load: number, started: number): BoardCourierStatus {
  if (!onDuty) return 'off_duty';
  if (started > 0) return 'busy';
  return load > 0 ? 'assigned' : 'idle';
}

function toBoardCourier(r: CourierRow): BoardCourier {
  return {
    id: r.id,
    name: r.name,
    vehicle: r.vehicle as Vehicle,
    onDuty: r.onDuty,
    lat: r.lat,
    lng: r.lng,
    locatedAt: r.locatedAt ? r.locatedAt.toISOString() : null,
    status: courierStatus(r.onDuty, r.load, r.started),
    load: r.load,
  };
}
