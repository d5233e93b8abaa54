-- Webhook deliveries: one row per event and subscription (the fan-out of a domain event), with
-- its body as sent and its schedule; one attempt row per call (status, duration, error, the first
-- characters of the answer). Tenant rows: coop_id first in every key, RLS ENABLED and FORCED.

create table webhook_deliveries (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  subscription_id uuid not null,
  event text not null check (event ~ '^[a-z_]+\.[a-z_]+$'),
  -- the dispatch delivery the event is about (null for events about something else)
  delivery_id uuid,
  -- the domain event (its outbox row) this was fanned out from: one row per event and subscription
  event_id uuid not null,
  -- the exact bytes signed and sent
  request_body text not null,
  state text not null default 'pending' check (state in ('pending', 'retrying', 'succeeded', 'failed')),
  -- every call made (scheduled and replays)
  attempts integer not null default 0 check (attempts >= 0),
  -- the last scheduled attempt (BullMQ's attempt number) that ran: a job run twice sends once
  scheduled_attempt integer not null default 0 check (scheduled_attempt >= 0),
  -- a call in flight holds the row until then (a crashed sender's lease runs out)
  sending_until timestamptz,
  last_status_code integer,
  last_duration_ms integer,
  last_error text,
  next_attempt_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (coop_id, id),
  foreign key (coop_id, subscription_id) references webhook_subscriptions (coop_id, id) on delete cascade,
  foreign key (coop_id, delivery_id) references deliveries (coop_id, id)
);
create unique index webhook_deliveries_event_key on webhook_deliveries (coop_id, subscription_id, event_id);
-- a subscription's log, newest first
create index webhook_deliveries_log on webhook_deliveries (coop_id, subscription_id, created_at, id);
alter table webhook_deliveries enable row level security;
alter table webhook_deliveries force row level security;
create policy tenant_isolation on webhook_deliveries
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

create table webhook_attempts (
  coop_id uuid not null references coops (id),
  webhook_delivery_id uuid not null,
  attempt integer not null check (attempt >= 1),
  at timestamptz not null default now(),
  -- null when no answer came (timeout, refused, DNS, refused target)
  status_code integer,
  duration_ms integer not null check (duration_ms >= 0),
  error text check (length(error) <= 500),
  response_excerpt text check (length(response_excerpt) <= 500),
  replay boolean not null default false,
  primary key (coop_id, webhook_delivery_id, attempt),
  foreign key (coop_id, webhook_delivery_id) references webhook_deliveries (coop_id, id) on delete cascade
);
alter table webhook_attempts enable row level security;
alter table webhook_attempts force row level security;
create policy tenant_isolation on webhook_attempts
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
