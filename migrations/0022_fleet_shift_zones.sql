-- fleet: a shift may name the zone it covers (zones arrive in 0021_geo). Nullable; the foreign
-- key is composite, so a shift can only name a zone of its own coop; deleting a zone leaves the
-- shift without one.
alter table courier_shifts add column zone_id uuid;
alter table courier_shifts
  add constraint courier_shifts_zone_fkey foreign key (coop_id, zone_id) references zones (coop_id, id) on delete set null (zone_id);
