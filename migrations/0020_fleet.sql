-- fleet: couriers (one profile per courier membership), their planned shifts, duty periods and
-- last known location. Tenant rows: coop_id first in the primary key and in every unique index
-- and foreign key, row-level security ENABLED and FORCED.

create table couriers (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  display_name text not null check (length(btrim(display_name)) between 1 and 80),
  phone text check (phone ~ '^\+[1-9][0-9]{6,14}$'),
  vehicle text not null check (vehicle in ('bike', 'cargo_bike', 'e_bike', 'on_foot', 'car')),
  -- a car is the exception: it carries a note saying why
  vehicle_note text check (length(vehicle_note) <= 200),
  capacity_weight_kg integer not null default 0 check (capacity_weight_kg between 0 and 1000),
  capacity_volume_litres integer not null default 0 check (capacity_volume_litres between 0 and 5000),
  capacity_boxes integer not null default 0 check (capacity_boxes between 0 and 100),
  skills text[] not null default '{}' check (cardinality(skills) <= 12),
  -- the courier is a member of the coop: feeds the worker-ownership check
  member_owner boolean not null default false,
  active boolean not null default true,
  -- recurring weekly slots [{weekday 1-7, start 'HH:MM', end 'HH:MM'}], validated by the API
  availability jsonb not null default '[]' check (jsonb_typeof(availability) = 'array'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (coop_id, id),
  constraint couriers_car_note_check check (vehicle <> 'car' or length(btrim(vehicle_note)) > 0),
  constraint couriers_membership_fkey foreign key (coop_id, user_id) references memberships (coop_id, user_id)
);
create unique index couriers_user_unique on couriers (coop_id, user_id);
alter table couriers enable row level security;
alter table couriers force row level security;
create policy tenant_isolation on couriers
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

-- Planned shifts. No two shifts of one courier overlap: the API inserts under a lock of the
-- courier row and a checked `not exists` (the database has no btree_gist to express it as an
-- exclusion constraint everywhere the project runs).
create table courier_shifts (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  courier_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  note text check (length(note) <= 200),
  created_at timestamptz not null default now(),
  primary key (coop_id, id),
  constraint courier_shifts_order_check check (ends_at > starts_at),
  constraint courier_shifts_length_check check (ends_at - starts_at <= interval '16 hours'),
  constraint courier_shifts_courier_fkey foreign key (coop_id, courier_id) references couriers (coop_id, id) on delete cascade
);
create index courier_shifts_window on courier_shifts (coop_id, starts_at);
create index courier_shifts_courier on courier_shifts (coop_id, courier_id, starts_at);
alter table courier_shifts enable row level security;
alter table courier_shifts force row level security;
create policy tenant_isolation on courier_shifts
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

-- On duty / off duty history: at most one open period per courier (partial unique index).
create table courier_duty_periods (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  courier_id uuid not null,
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  primary key (coop_id, id),
  constraint courier_duty_periods_order_check check (ended_at is null or ended_at >= started_at),
  constraint courier_duty_periods_courier_fkey foreign key (coop_id, courier_id) references couriers (coop_id, id) on delete cascade
);
create unique index courier_duty_periods_one_open on courier_duty_periods (coop_id, courier_id) where ended_at is null;
create index courier_duty_periods_courier on courier_duty_periods (coop_id, courier_id, started_at);
alter table courier_duty_periods enable row level security;
alter table courier_duty_periods force row level security;
create policy tenant_isolation on courier_duty_periods
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

-- Last known location, one row per courier (upserted by the courier app); stale after 5 minutes,
-- computed on read.
create table courier_locations (
  coop_id uuid not null references coops (id),
  courier_id uuid not null,
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  accuracy_m double precision check (accuracy_m >= 0 and accuracy_m <= 100000),
  recorded_at timestamptz not null,
  primary key (coop_id, courier_id),
  constraint courier_locations_courier_fkey foreign key (coop_id, courier_id) references couriers (coop_id, id) on delete cascade
);
alter table courier_locations enable row level security;
alter table courier_locations force row level security;
create policy tenant_isolation on courier_locations
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
