-- geo: a coop's delivery zones and the area it serves. Geometry is GeoJSON (WGS84) in jsonb,
-- validated by the API with turf before it is stored (closed ring, at least three distinct
-- points, no self-intersection, inside the coop's service area); jsonb keeps the schema free of
-- PostGIS, which a bare Debian machine may not have. Tenant rows: coop_id first in every key,
-- row-level security ENABLED and FORCED.

-- The area a coop serves: its centre and a radius. Zones must lie inside it (a zone drawn in
-- another city is a mistake), and maps open on it.
create table coop_service_areas (
  coop_id uuid not null references coops (id),
  centre_lat double precision not null check (centre_lat between -90 and 90),
  centre_lng double precision not null check (centre_lng between -180 and 180),
  radius_m integer not null default 30000 check (radius_m between 1000 and 200000),
  updated_at timestamptz not null default now(),
  primary key (coop_id)
);
alter table coop_service_areas enable row level security;
alter table coop_service_areas force row level security;
create policy tenant_isolation on coop_service_areas
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

create table zones (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 80),
  -- a GeoJSON Polygon or MultiPolygon geometry object
  geometry jsonb not null check (geometry ->> 'type' in ('Polygon', 'MultiPolygon')),
  -- bounding box [west, south, east, north], kept for quick rejection before point-in-polygon
  bbox double precision[] not null check (cardinality(bbox) = 4),
  colour text not null default '#3b6ea8' check (colour ~ '^#[0-9a-f]{6}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (coop_id, id)
);
create unique index zones_name_unique on zones (coop_id, lower(name));
alter table zones enable row level security;
alter table zones force row level security;
create policy tenant_isolation on zones
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
