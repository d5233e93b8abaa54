-- the courier app: the handover code a recipient gives at delivery, the proofs a courier collects
-- (photos and drawn signatures, the bytes kept by a FileStore adapter outside the database), and
-- the actions a courier's device synced, by the id the device chose (an action synced again is
-- answered from here, never applied twice). Tenant rows: coop_id first in every key, RLS forced.

-- 6 random digits (from gen_random_uuid's random bits, not random()'s generator)
create function new_handover_code() returns text language sql volatile as $$
  select lpad(((('x' || left(replace(gen_random_uuid()::text, '-', ''), 8))::bit(32)::bigint) % 1000000)::text, 6, '0')
$$;
grant execute on function new_handover_code() to fc_app;

alter table deliveries add column handover_code text not null default new_handover_code()
  constraint deliveries_handover_code_check check (handover_code ~ '^[0-9]{6}$');

create table task_proofs (
  coop_id uuid not null references coops (id),
  -- chosen on the device (an upload sent again is the same proof)
  id uuid not null,
  task_id uuid not null,
  courier_id uuid not null,
  kind text not null check (kind in ('photo', 'signature')),
  -- the file in the object store (FileStore adapter; local disk under DATA_DIR today)
  file_id uuid not null,
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  size integer not null check (size between 1 and 5242880),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  primary key (coop_id, id),
  constraint task_proofs_task_fkey foreign key (coop_id, task_id) references delivery_tasks (coop_id, id) on delete cascade,
  constraint task_proofs_courier_fkey foreign key (coop_id, courier_id) references couriers (coop_id, id)
);
create index task_proofs_task on task_proofs (coop_id, task_id, kind);
alter table task_proofs enable row level security;
alter table task_proofs force row level security;
create policy tenant_isolation on task_proofs
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

create table courier_actions (
  coop_id uuid not null references coops (id),
  client_action_id uuid not null,
  courier_id uuid not null,
  task_id uuid not null,
  step text not null check (step in ('start', 'picked_up', 'delivered', 'failed')),
  -- SHA-256 of the request as first sent: the same id with another body is refused
  body_sha256 text not null check (body_sha256 ~ '^[0-9a-f]{64}$'),
  -- the answer given the first time, given again to every retry
  result jsonb not null check (jsonb_typeof(result) = 'object'),
  applied_at timestamptz not null default now(),
  primary key (coop_id, client_action_id),
  constraint courier_actions_task_fkey foreign key (coop_id, task_id) references delivery_tasks (coop_id, id) on delete cascade,
  constraint courier_actions_courier_fkey foreign key (coop_id, courier_id) references couriers (coop_id, id)
);
create index courier_actions_task on courier_actions (coop_id, task_id);
alter table courier_actions enable row level security;
alter table courier_actions force row level security;
create policy tenant_isolation on courier_actions
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
