-- Platform foundation: privileges of the application role, the coops table, the
-- transactional outbox and the audit trail.
--
-- Roles (created by provisioning, see libs/platform/database/src/lib/provisioning.ts):
--   fc_owner  owns every object, runs migrations
--   fc_app    the API and the worker; owns nothing, not superuser, no BYPASSRLS

revoke create on schema public from public;
grant usage on schema public to fc_app;
alter default privileges for role fc_owner in schema public
  grant select, insert, update, delete on tables to fc_app;
alter default privileges for role fc_owner in schema public
  grant usage, select on sequences to fc_app;
alter default privileges for role fc_owner in schema public
  revoke execute on functions from public;
-- migrations bookkeeping stays out of the application's reach
revoke all on schema_migrations from fc_app;

-- The current coop of the transaction, as set by the unit of work (null when none).
create function app_coop_id() returns uuid
  language sql stable
  as $$ select nullif(current_setting('app.coop_id', true), '')::uuid $$;
grant execute on function app_coop_id() to fc_app;

-- Coops: platform rows (not tenant rows). Reached only through explicit checks in code.
create table coops (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,40}$'),
  name text not null check (length(name) between 1 and 120),
  city text not null check (length(city) between 1 and 120),
  country char(2) not null check (country ~ '^[A-Z]{2}$'),
  timezone text not null,
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  status text not null default 'active'
    check (status in ('active', 'suspended', 'offboarding', 'offboarded')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Transactional outbox: written in the same transaction as the change it announces,
-- relayed to BullMQ with jobId = id. A tenant table like any other.
create table outbox (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  queue text not null,
  job_name text not null,
  payload jsonb not null,
  actor_id uuid,
  request_id text not null,
  status text not null default 'pending' check (status in ('pending', 'enqueued')),
  attempts integer not null default 0,
  created_at timestamptz not null default clock_timestamp(),
  enqueued_at timestamptz,
  processed_at timestamptz,
  primary key (coop_id, id)
);
create index outbox_due on outbox (created_at) where processed_at is null;
alter table outbox enable row level security;
alter table outbox force row level security;
create policy tenant_isolation on outbox
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
-- The relay needs to see every coop's due rows. It does so only through the
-- security-definer functions below, which run as the owner: this policy applies to the
-- owner role alone, never to fc_app.
create policy relay_reads_all on outbox for select to fc_owner using (true);

-- Rows the relay must (re-)enqueue: pending ones, and enqueued ones never processed
-- within the stale delay (a lost job, a crashed worker). Cross-coop by design; read-only.
create function outbox_due(p_limit integer, p_stale_seconds integer)
  returns table (coop_id uuid, id uuid, queue text, job_name text, payload jsonb,
                 actor_id uuid, request_id text, status text)
  language sql stable security definer set search_path = public
  as $$
    select o.coop_id, o.id, o.queue, o.job_name, o.payload, o.actor_id, o.request_id, o.status
      from outbox o
     where o.processed_at is null
       and (o.status = 'pending'
            or o.enqueued_at < now() - make_interval(secs => p_stale_seconds))
     order by o.created_at
     limit least(greatest(p_limit, 1), 1000)
  $$;
grant execute on function outbox_due(integer, integer) to fc_app;

-- Age in seconds of the oldest unprocessed outbox row (0 when none): the outbox lag metric.
create function outbox_lag_seconds()
  returns double precision
  language sql stable security definer set search_path = public
  as $$
    select coalesce(extract(epoch from now() - min(created_at)), 0)::double precision
      from outbox where processed_at is null
  $$;
grant execute on function outbox_lag_seconds() to fc_app;

-- Audit trail: append-only record of what happened in a coop, written by jobs.
create table audit_events (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  source_id uuid,
  actor_id uuid,
  action text not null,
  subject_type text not null,
  subject_id text,
  data jsonb not null default '{}',
  request_id text not null,
  created_at timestamptz not null default now(),
  primary key (coop_id, id)
);
-- One audit row per outbox event at most: a job run twice cannot record twice.
create unique index audit_events_source on audit_events (coop_id, source_id);
alter table audit_events enable row level security;
alter table audit_events force row level security;
create policy tenant_isolation on audit_events
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
revoke update, delete on audit_events from fc_app;
