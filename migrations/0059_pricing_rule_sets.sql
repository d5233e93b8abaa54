-- ordering: pricing rule sets and their ordered rules (issue 12, part 3). Tenant rows: coop_id
-- first in every key, RLS enabled and forced. Conditions and formulas are expressions checked by
-- the application's expression engine before they are stored; amounts are integer minor units.

create table pricing_rule_sets (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 80),
  strategy text not null check (strategy in ('first_match', 'sum_of_matches')),
  scope text not null check (scope in ('per_delivery', 'per_task')),
  currency char(3) not null,
  vat_rate_bp integer not null check (vat_rate_bp between 0 and 10000),
  prices_include_vat boolean not null default true,
  is_default boolean not null default false,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (coop_id, id),
  constraint pricing_rule_sets_default_not_archived check (not (is_default and archived_at is not null))
);
-- one default rule set per coop
create unique index pricing_rule_sets_one_default on pricing_rule_sets (coop_id) where is_default;
alter table pricing_rule_sets enable row level security;
alter table pricing_rule_sets force row level security;
create policy tenant_isolation on pricing_rule_sets
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

create table pricing_rules (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  rule_set_id uuid not null,
  position integer not null check (position >= 0),
  label text not null check (length(btrim(label)) between 1 and 80),
  condition text not null default '' check (length(condition) <= 500),
  price_kind text not null
    check (price_kind in ('fixed', 'per_km', 'per_package', 'per_stop', 'percentage', 'formula')),
  amount_minor integer check (amount_minor between 0 and 100000000),
  percent_bp integer check (percent_bp between -10000 and 100000),
  km_ranges jsonb,
  package_type text check (length(package_type) between 1 and 40),
  included_stops integer check (included_stops between 0 and 100),
  formula text check (length(formula) between 1 and 500),
  primary key (coop_id, id),
  constraint pricing_rules_rule_set_fkey foreign key (coop_id, rule_set_id)
    references pricing_rule_sets (coop_id, id) on delete cascade,
  -- each kind carries what it needs (the application says which field is missing first)
  constraint pricing_rules_kind_fields check (
    (price_kind in ('fixed', 'per_package', 'per_stop') and amount_minor is not null)
    or (price_kind = 'percentage' and percent_bp is not null)
    or (price_kind = 'per_km' and jsonb_typeof(km_ranges) = 'array')
    or (price_kind = 'formula' and formula is not null)
  )
);
create index pricing_rules_rule_set on pricing_rules (coop_id, rule_set_id, position);
alter table pricing_rules enable row level security;
alter table pricing_rules force row level security;
create policy tenant_isolation on pricing_rules
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
