-- merchants: the restaurants, shops and partner stores a coop delivers for. Tenant rows: coop_id
-- first in the primary key and in every unique index and foreign key, row-level security
-- ENABLED and FORCED.
--
-- The address is structured (lines, postal code, city, country) and kept apart from the point
-- (lat, lng) and where the point came from (geocoded_by: a pin on the map, typed numbers, or a
-- geocoder adapter named in geocoder_ref), so a geocoder can fill the point later without a
-- schema change. Opening hours are OpenStreetMap opening_hours text, validated by the API with
-- the opening_hours library; holidays (PH) are the address country's, with an optional region.

create table merchants (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 120),
  kind text not null check (kind in ('restaurant', 'shop', 'partner_store')),
  address_line1 text not null check (length(btrim(address_line1)) between 1 and 200),
  address_line2 text check (length(address_line2) <= 200),
  postal_code text not null check (length(postal_code) between 1 and 20),
  city text not null check (length(btrim(city)) between 1 and 100),
  country text not null check (country ~ '^[A-Z]{2}$'),
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  geocoded_by text not null check (geocoded_by in ('manual_pin', 'typed', 'geocoder')),
  geocoder_ref text check (length(geocoder_ref) <= 200),
  contact_name text check (length(contact_name) <= 120),
  contact_phone text check (length(contact_phone) <= 40),
  contact_email text check (length(contact_email) <= 254),
  opening_hours text not null check (length(opening_hours) between 1 and 1000),
  holiday_region text check (holiday_region ~ '^[A-Za-z0-9-]{1,10}$'),
  prep_default_minutes integer not null default 15 check (prep_default_minutes between 0 and 240),
  -- [{ "when": "<opening_hours selector>", "minutes": n }], validated by the API
  prep_busy jsonb not null default '[]' check (jsonb_typeof(prep_busy) = 'array'),
  fulfilment text[] not null
    check (cardinality(fulfilment) >= 1 and fulfilment <@ array['delivery', 'collection']::text[]),
  perimeter_kind text not null check (perimeter_kind in ('radius', 'zone')),
  perimeter_radius_m integer check (perimeter_radius_m between 100 and 50000),
  perimeter_zone_id uuid,
  min_order_amount integer not null default 0 check (min_order_amount between 0 and 100000000),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  paused_at timestamptz,
  pause_reason text check (length(pause_reason) <= 200),
  -- a read after paused_until counts as unpaused: no job needed
  paused_until timestamptz,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (coop_id, id),
  constraint merchants_perimeter_check check (
    (perimeter_kind = 'radius' and perimeter_radius_m is not null and perimeter_zone_id is null)
    or (perimeter_kind = 'zone' and perimeter_zone_id is not null and perimeter_radius_m is null)
  ),
  constraint merchants_pause_check check (
    (paused_at is null and pause_reason is null and paused_until is null)
    or (paused_at is not null and pause_reason is not null)
  ),
  constraint merchants_perimeter_zone_fkey foreign key (coop_id, perimeter_zone_id) references zones (coop_id, id)
);
alter table merchants enable row level security;
alter table merchants force row level security;
create policy tenant_isolation on merchants
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
