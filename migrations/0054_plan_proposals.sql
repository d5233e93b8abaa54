-- dispatch: the optimizer's proposal of a coop in `suggest` mode, one per coop, replaced by each
-- planning run (the board shows it; a dispatcher accepts it whole or per courier). Tenant row:
-- coop_id is the primary key, row-level security ENABLED and FORCED.
create table plan_proposals (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  created_at timestamptz not null default now(),
  -- [{ courierId, taskIds }] in route order
  couriers jsonb not null default '[]',
  -- [{ deliveryId, courierId, taskIds }]: what accepting assigns, delivery by delivery
  deliveries jsonb not null default '[]',
  unassigned_task_ids jsonb not null default '[]',
  distance_km double precision not null default 0,
  late_tasks integer not null default 0,
  primary key (coop_id),
  constraint plan_proposals_couriers_check check (jsonb_typeof(couriers) = 'array'),
  constraint plan_proposals_deliveries_check check (jsonb_typeof(deliveries) = 'array'),
  constraint plan_proposals_unassigned_check check (jsonb_typeof(unassigned_task_ids) = 'array'),
  constraint plan_proposals_late_check check (late_tasks >= 0)
);
alter table plan_proposals enable row level security;
alter table plan_proposals force row level security;
create policy tenant_isolation on plan_proposals
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
