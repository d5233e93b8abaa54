-- Webhook subscriptions: an HTTPS endpoint of the coop (owner null) or of one of its partner
-- clients that hears of delivery events. The secret must be usable to sign (HMAC), so it cannot be
-- hashed: it is stored encrypted with AES-256-GCM under a server key (WEBHOOK_SECRET_KEY), never in
-- clear. After a rotation the previous secret keeps signing too until previous_secret_until.
-- Tenant rows: coop_id first in every key, row-level security ENABLED and FORCED.

create table webhook_subscriptions (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  -- the partner client that owns it; null: the coop's own
  client_id uuid,
  url text not null check (length(url) between 9 and 2000 and url ~ '^https?://'),
  events text[] not null check (
    cardinality(events) between 1 and 8
    and events <@ array['delivery.created', 'delivery.assigned', 'delivery.started', 'delivery.picked_up',
                        'delivery.in_transit', 'delivery.completed', 'delivery.failed', 'delivery.cancelled']::text[]
  ),
  -- native: Federacycle's body and signature; coopcycle: CoopCycle's body and X-CoopCycle-Signature too
  flavour text not null default 'native' check (flavour in ('native', 'coopcycle')),
  -- AES-256-GCM: 12-byte IV, 16-byte tag, then the ciphertext
  secret_encrypted bytea not null,
  -- the secret's first characters (whsec_ab12…), to tell secrets apart
  secret_hint text not null,
  previous_secret_encrypted bytea,
  previous_secret_until timestamptz,
  state text not null default 'active' check (state in ('active', 'failing', 'disabled')),
  failing_since timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (coop_id, id),
  foreign key (coop_id, client_id) references partner_clients (coop_id, id),
  constraint webhook_subscriptions_failing_since_check check ((state = 'failing') = (failing_since is not null))
);
-- the fan-out reads the coop's live subscriptions of one event
create index webhook_subscriptions_coop on webhook_subscriptions (coop_id, state);
create index webhook_subscriptions_client on webhook_subscriptions (coop_id, client_id) where client_id is not null;
alter table webhook_subscriptions enable row level security;
alter table webhook_subscriptions force row level security;
create policy tenant_isolation on webhook_subscriptions
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
