-- Partner clients: a shop, an e-commerce site or another coop that sends deliveries to a coop
-- by API. Bound to the coop and optionally to one merchant (its store). Credentials (API keys,
-- OAuth2 client secrets) hang off a client in their own tables. Tenant rows: coop_id first in
-- every key, row-level security ENABLED and FORCED.

create table partner_clients (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 120),
  kind text not null check (kind in ('shop', 'site', 'coop')),
  merchant_id uuid,
  -- what the client may do: deliveries (create and read), deliveries:read, webhooks
  scopes text[] not null check (
    cardinality(scopes) between 1 and 3
    and scopes <@ array['deliveries', 'deliveries:read', 'webhooks']::text[]
  ),
  -- calls per minute before 429 (Redis counter per client)
  rate_limit_per_minute integer not null default 120 check (rate_limit_per_minute between 1 and 100000),
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  primary key (coop_id, id),
  foreign key (coop_id, merchant_id) references merchants (coop_id, id)
);
create unique index partner_clients_name_key on partner_clients (coop_id, name) where revoked_at is null;
alter table partner_clients enable row level security;
alter table partner_clients force row level security;
create policy tenant_isolation on partner_clients
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
