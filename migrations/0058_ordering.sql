-- ordering: a sample tenant table (rename or replace it before the first release; migrations
-- are forward-only once applied). Tenant rows: coop_id first in the primary key and in every
-- unique index and foreign key, row-level security ENABLED and FORCED.

create table ordering_samples (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  label text not null check (length(label) between 1 and 120),
  created_at timestamptz not null default now(),
  primary key (coop_id, id)
);
alter table ordering_samples enable row level security;
alter table ordering_samples force row level security;
create policy tenant_isolation on ordering_samples
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
