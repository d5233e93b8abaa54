-- dispatch: deliveries, their tasks (pickups and dropoffs), assignments of tasks to couriers,
-- each task's history, and the coop's dispatch mode. Tenant rows: coop_id first in the primary
-- key and in every unique index and foreign key, row-level security ENABLED and FORCED.

create table deliveries (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  reference text check (length(reference) between 1 and 80),
  state text not null default 'open' check (state in ('open', 'in_progress', 'completed', 'failed', 'cancelled')),
  -- the public tracking page's token: 32 random bytes, base64url (unguessable, not a secret of the coop)
  tracking_token text not null check (tracking_token ~ '^[A-Za-z0-9_-]{43}$'),
  created_by uuid,
  source text not null check (source in ('console', 'courier_app', 'partner_api', 'storefront', 'worker')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (coop_id, id)
);
create unique index deliveries_tracking_token on deliveries (coop_id, tracking_token);
-- the public tracking page finds a delivery by its token alone (a SECURITY DEFINER lookup, later)
create index deliveries_tracking_lookup on deliveries (tracking_token);
create index deliveries_created on deliveries (coop_id, created_at, id);
create index deliveries_state on deliveries (coop_id, state, created_at);
alter table deliveries enable row level security;
alter table deliveries force row level security;
create policy tenant_isolation on deliveries
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

create table delivery_tasks (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  delivery_id uuid not null,
  kind text not null check (kind in ('pickup', 'dropoff')),
  -- order within the delivery as it was written
  seq smallint not null check (seq between 0 and 99),
  state text not null default 'open' check (state in ('open', 'assigned', 'started', 'done', 'failed', 'cancelled')),
  attempt smallint not null default 1 check (attempt between 1 and 20),
  -- the failed task this one tries again, and the later attempt that replaced this one
  previous_task_id uuid,
  superseded_by uuid,
  address text not null check (length(btrim(address)) between 3 and 300),
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  window_after timestamptz,
  window_before timestamptz,
  service_minutes smallint not null default 0 check (service_minutes between 0 and 240),
  contact_name text check (length(contact_name) <= 120),
  contact_phone text check (contact_phone ~ '^\+[1-9][0-9]{6,14}$'),
  comments text check (length(comments) <= 1000),
  packages jsonb not null default '[]' check (jsonb_typeof(packages) = 'array'),
  weight_grams integer not null default 0 check (weight_grams between 0 and 1000000),
  failure_reason text check (failure_reason in ('recipient_absent', 'address_not_found', 'refused', 'damaged', 'not_ready', 'closed', 'other')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (coop_id, id),
  constraint delivery_tasks_window_check check (window_before is null or window_after is null or window_before > window_after),
  constraint delivery_tasks_delivery_fkey foreign key (coop_id, delivery_id) references deliveries (coop_id, id) on delete cascade,
  constraint delivery_tasks_previous_fkey foreign key (coop_id, previous_task_id) references delivery_tasks (coop_id, id)
);
create index delivery_tasks_delivery on delivery_tasks (coop_id, delivery_id, seq);
-- the board's working set: tasks not yet final
create index delivery_tasks_live on delivery_tasks (coop_id, state) where state in ('open', 'assigned', 'started');
-- one later attempt per failed task
create unique index delivery_tasks_one_retry on delivery_tasks (coop_id, previous_task_id) where previous_task_id is not null;
alter table delivery_tasks enable row level security;
alter table delivery_tasks force row level security;
create policy tenant_isolation on delivery_tasks
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

-- Who holds a task: one active assignment per task (the partial unique index is the second wall
-- behind the conditional update of the task's state), history kept (ended_at set).
create table task_assignments (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  task_id uuid not null,
  courier_id uuid not null,
  position integer not null default 0 check (position >= 0),
  -- a manual decision the planner keeps
  pinned boolean not null default false,
  assigned_by uuid,
  assigned_at timestamptz not null default now(),
  ended_at timestamptz,
  primary key (coop_id, id),
  constraint task_assignments_order_check check (ended_at is null or ended_at >= assigned_at),
  constraint task_assignments_task_fkey foreign key (coop_id, task_id) references delivery_tasks (coop_id, id) on delete cascade,
  constraint task_assignments_courier_fkey foreign key (coop_id, courier_id) references couriers (coop_id, id)
);
create unique index task_assignments_one_active on task_assignments (coop_id, task_id) where ended_at is null;
create index task_assignments_courier on task_assignments (coop_id, courier_id, position) where ended_at is null;
alter table task_assignments enable row level security;
alter table task_assignments force row level security;
create policy tenant_isolation on task_assignments
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

-- Every change of a task: who, when, what and from where (the request or job that made it).
create table task_events (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  task_id uuid not null,
  delivery_id uuid not null,
  type text not null check (type in ('created', 'assigned', 'unassigned', 'reassigned', 'reordered', 'started', 'done', 'failed', 'cancelled', 'rescheduled')),
  from_state text,
  to_state text,
  actor_id uuid,
  request_id text not null,
  source text not null check (source in ('console', 'courier_app', 'partner_api', 'storefront', 'worker')),
  data jsonb not null default '{}' check (jsonb_typeof(data) = 'object'),
  at timestamptz not null default clock_timestamp(),
  primary key (coop_id, id),
  constraint task_events_task_fkey foreign key (coop_id, task_id) references delivery_tasks (coop_id, id) on delete cascade,
  constraint task_events_delivery_fkey foreign key (coop_id, delivery_id) references deliveries (coop_id, id) on delete cascade
);
create index task_events_task on task_events (coop_id, task_id, at);
create index task_events_delivery on task_events (coop_id, delivery_id, at);
alter table task_events enable row level security;
alter table task_events force row level security;
create policy tenant_isolation on task_events
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

-- The coop's dispatch mode is governance's voted setting `dispatch_mode` (coop_setting_versions,
-- read through federation's SettingsReader): no table of dispatch's own.
