-- Versioned settings (the typed catalogue lives in libs/shared/contracts, settings-catalogue.ts).
-- Every version records its value, when it took effect, and the proposal that enacted it, or
-- 'initial' (the value the settings had before governance) or 'admin' (a federation admin's
-- direct change of a federation setting, kept until the federation votes them all).
-- The current value of a setting is its latest version; a setting with no version has the
-- catalogue's default. Only governance writes versions (through the federation's settings
-- store, which owns these tables because every domain may read it).

-- The federation's settings: platform rows (about the whole federation, no coop).
create table federation_setting_versions (
  key text not null check (key in ('licence_grace_days', 'worker_ownership_threshold',
    'worker_ownership_grace_days', 'sandbox_test_orders_per_day', 'default_quorum_percent',
    'default_threshold_percent')),
  version integer not null check (version >= 1),
  value jsonb not null,
  effective_at timestamptz not null default now(),
  source text not null check (source in ('initial', 'proposal', 'admin')),
  proposal_id uuid,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  primary key (key, version),
  check ((source = 'proposal') = (proposal_id is not null))
);

-- Backfill: the values of the settings table that governance replaces become version 1.
insert into federation_setting_versions (key, version, value, effective_at, source, created_by)
  select key, 1, value, updated_at, 'initial', updated_by from federation_settings;
drop table federation_settings;

-- A coop's settings: tenant rows.
create table coop_setting_versions (
  coop_id uuid not null references coops (id),
  key text not null check (key in ('dispatch_mode', 'proof_of_delivery_pickup',
    'proof_of_delivery_dropoff', 'order_auto_refuse_minutes', 'courier_max_concurrent_tasks',
    'storefront_public', 'max_proxies_per_holder')),
  version integer not null check (version >= 1),
  value jsonb not null,
  effective_at timestamptz not null default now(),
  source text not null check (source in ('initial', 'proposal')),
  proposal_id uuid,
  created_at timestamptz not null default now(),
  primary key (coop_id, key, version),
  check ((source = 'proposal') = (proposal_id is not null))
);
alter table coop_setting_versions enable row level security;
alter table coop_setting_versions force row level security;
create policy tenant_isolation on coop_setting_versions
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
-- versions are history: never rewritten
revoke update, delete on federation_setting_versions, coop_setting_versions from fc_app;
