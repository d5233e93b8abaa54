-- Idempotency keys (a platform piece any create uses: partner deliveries now, storefront checkout
-- next), the partner API's deliveries and quotes (ordering), and the integer ids CoopCycle's
-- surface exposes. Tenant rows: coop_id first in every key, row-level security ENABLED and FORCED.

-- One row per (coop, caller, key), written in the same transaction as the work it answers for:
-- a crash leaves neither. `caller` names who sent the key (`partner:<client id>`, `user:<user id>`).
create table idempotency_keys (
  coop_id uuid not null references coops (id),
  caller text not null check (length(caller) between 1 and 120),
  key text not null check (length(key) between 1 and 255),
  -- the route and the sha256 of the canonical body: another body under the same key is refused
  request_hash text not null check (request_hash ~ '^[0-9a-f]{64}$'),
  response_status smallint not null check (response_status between 100 and 599),
  response_body jsonb not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (coop_id, caller, key)
);
create index idempotency_keys_expiry on idempotency_keys (coop_id, expires_at);
alter table idempotency_keys enable row level security;
alter table idempotency_keys force row level security;
create policy tenant_isolation on idempotency_keys
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

-- A price given to a partner before it creates the delivery: confirming it (until it expires)
-- creates the delivery at that price.
create table partner_quotes (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  client_id uuid not null,
  -- the delivery request as the partner sent it (checked), replayed by the confirmation
  request jsonb not null check (jsonb_typeof(request) = 'object'),
  amount_minor bigint not null check (amount_minor >= 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  breakdown jsonb not null check (jsonb_typeof(breakdown) = 'object'),
  expires_at timestamptz not null,
  -- the delivery that confirmed it (once)
  delivery_id uuid,
  created_at timestamptz not null default now(),
  primary key (coop_id, id),
  constraint partner_quotes_client_fkey foreign key (coop_id, client_id) references partner_clients (coop_id, id),
  constraint partner_quotes_delivery_fkey foreign key (coop_id, delivery_id) references deliveries (coop_id, id)
);
create unique index partner_quotes_delivery_key on partner_quotes (coop_id, delivery_id) where delivery_id is not null;
create index partner_quotes_client on partner_quotes (coop_id, client_id, created_at);
alter table partner_quotes enable row level security;
alter table partner_quotes force row level security;
create policy tenant_isolation on partner_quotes
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

-- Which partner client owns a delivery, at what price, and whether it is a sandbox test delivery.
create table partner_deliveries (
  coop_id uuid not null references coops (id),
  delivery_id uuid not null,
  client_id uuid not null,
  quote_id uuid,
  amount_minor bigint check (amount_minor >= 0),
  currency char(3) check (currency ~ '^[A-Z]{3}$'),
  breakdown jsonb check (jsonb_typeof(breakdown) = 'object'),
  -- created while the coop runs in sandbox mode (counted against the federation's daily cap)
  test boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (coop_id, delivery_id),
  constraint partner_deliveries_delivery_fkey foreign key (coop_id, delivery_id) references deliveries (coop_id, id),
  constraint partner_deliveries_client_fkey foreign key (coop_id, client_id) references partner_clients (coop_id, id),
  constraint partner_deliveries_quote_fkey foreign key (coop_id, quote_id) references partner_quotes (coop_id, id),
  constraint partner_deliveries_price_check check ((amount_minor is null) = (currency is null))
);
-- a partner's list, newest first (keyset on created_at, delivery_id)
create index partner_deliveries_client on partner_deliveries (coop_id, client_id, created_at, delivery_id);
-- the sandbox's daily count
create index partner_deliveries_test on partner_deliveries (coop_id, created_at) where test;
alter table partner_deliveries enable row level security;
alter table partner_deliveries force row level security;
create policy tenant_isolation on partner_deliveries
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

-- CoopCycle's API names deliveries and tasks by integers (`/api/deliveries/7`, plugins store
-- `dropoff.id`): each coop numbers them from 1, on first use by the compatible surface.
create table coopcycle_ids (
  coop_id uuid not null references coops (id),
  kind text not null check (kind in ('delivery', 'task')),
  number bigint not null check (number >= 1),
  ref_id uuid not null,
  primary key (coop_id, kind, number)
);
create unique index coopcycle_ids_ref_key on coopcycle_ids (coop_id, kind, ref_id);
alter table coopcycle_ids enable row level security;
alter table coopcycle_ids force row level security;
create policy tenant_isolation on coopcycle_ids
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
