-- dispatch: a coop's time slots (the delivery windows it offers: "every 2 hours within these
-- opening hours, booked at least 60 minutes ahead, at most N deliveries a window"), and the slot a
-- delivery was booked in. Tenant rows: coop_id first in every key, row-level security ENABLED and
-- FORCED.

create table time_slots (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 80),
  -- the length of one window, in minutes (15 minutes to one day)
  interval_minutes integer not null check (interval_minutes between 15 and 1440),
  -- OpenStreetMap opening_hours text, read in the coop's time zone (windows are cut inside it)
  opening_hours text not null check (length(btrim(opening_hours)) between 1 and 500),
  -- a window must start at least this long after the booking
  prior_notice_minutes integer not null default 0 check (prior_notice_minutes between 0 and 10080),
  -- only Monday to Friday, public holidays of the coop's country excluded
  working_days_only boolean not null default false,
  -- deliveries a window may hold; null: no limit
  capacity integer check (capacity between 1 and 100000),
  -- how far ahead windows are offered
  horizon_days smallint not null default 7 check (horizon_days between 1 and 60),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (coop_id, id)
);
create unique index time_slots_name_key on time_slots (coop_id, name);
alter table time_slots enable row level security;
alter table time_slots force row level security;
create policy tenant_isolation on time_slots
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

-- A delivery booked in a slot keeps the slot and the start of its window: the slot's capacity is
-- counted from these (cancelled deliveries excluded), and a slot in use cannot be deleted.
alter table deliveries add column time_slot_id uuid;
alter table deliveries add column time_slot_start timestamptz;
alter table deliveries add constraint deliveries_time_slot_fkey
  foreign key (coop_id, time_slot_id) references time_slots (coop_id, id);
alter table deliveries add constraint deliveries_time_slot_check
  check ((time_slot_id is null) = (time_slot_start is null));
create index deliveries_time_slot on deliveries (coop_id, time_slot_id, time_slot_start)
  where time_slot_id is not null;
