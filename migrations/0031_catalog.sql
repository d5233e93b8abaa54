-- catalog: each merchant's menu: ordered categories, products (price in minor units, VAT rate in
-- basis points from the contracts' per-country catalogue, EU allergens, availability), option
-- groups (single or multiple choice, min/max selections) and their options (price delta,
-- availability). Tenant rows: coop_id first in every key, row-level security ENABLED and FORCED.
--
-- Every row carries its merchant_id, and each foreign key includes it: a product cannot sit in
-- another merchant's category, an option in another merchant's group (the database refuses it),
-- and a merchant staff member's scope is one column to filter on. Deleting a category removes
-- its products, their groups and options (cascades).

create table menu_categories (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  merchant_id uuid not null,
  name text not null check (length(btrim(name)) between 1 and 80),
  position integer not null default 0 check (position >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (coop_id, id),
  constraint menu_categories_merchant_key unique (coop_id, merchant_id, id),
  constraint menu_categories_name_key unique (coop_id, merchant_id, name),
  constraint menu_categories_merchant_fkey foreign key (coop_id, merchant_id) references merchants (coop_id, id)
);
alter table menu_categories enable row level security;
alter table menu_categories force row level security;
create policy tenant_isolation on menu_categories
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

create table products (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  merchant_id uuid not null,
  category_id uuid not null,
  name text not null check (length(btrim(name)) between 1 and 120),
  description text check (length(description) <= 1000),
  price_amount integer not null check (price_amount between 0 and 100000000),
  vat_rate integer not null check (vat_rate between 0 and 10000),
  allergens text[] not null default '{}'
    check (allergens <@ array['gluten', 'crustaceans', 'eggs', 'fish', 'peanuts', 'soybeans', 'milk', 'nuts',
                              'celery', 'mustard', 'sesame', 'sulphites', 'lupin', 'molluscs']::text[]),
  image_file_id uuid,
  available boolean not null default true,
  position integer not null default 0 check (position >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (coop_id, id),
  constraint products_merchant_key unique (coop_id, merchant_id, id),
  -- duplicate names in one category are refused (the API also compares them case-insensitively)
  constraint products_name_key unique (coop_id, category_id, name),
  constraint products_category_fkey foreign key (coop_id, merchant_id, category_id)
    references menu_categories (coop_id, merchant_id, id) on delete cascade
);
alter table products enable row level security;
alter table products force row level security;
create policy tenant_isolation on products
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

create table option_groups (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  merchant_id uuid not null,
  product_id uuid not null,
  name text not null check (length(btrim(name)) between 1 and 80),
  selection text not null check (selection in ('single', 'multiple')),
  min_select integer not null default 0 check (min_select between 0 and 50),
  max_select integer not null default 1 check (max_select between 1 and 50),
  position integer not null default 0 check (position >= 0),
  primary key (coop_id, id),
  constraint option_groups_merchant_key unique (coop_id, merchant_id, id),
  constraint option_groups_bounds_check check (min_select <= max_select and (selection = 'multiple' or max_select = 1)),
  constraint option_groups_product_fkey foreign key (coop_id, merchant_id, product_id)
    references products (coop_id, merchant_id, id) on delete cascade
);
create index option_groups_product on option_groups (coop_id, product_id);
alter table option_groups enable row level security;
alter table option_groups force row level security;
create policy tenant_isolation on option_groups
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

create table menu_options (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  merchant_id uuid not null,
  group_id uuid not null,
  name text not null check (length(btrim(name)) between 1 and 80),
  price_delta integer not null default 0 check (price_delta between -10000000 and 10000000),
  available boolean not null default true,
  position integer not null default 0 check (position >= 0),
  primary key (coop_id, id),
  constraint menu_options_group_fkey foreign key (coop_id, merchant_id, group_id)
    references option_groups (coop_id, merchant_id, id) on delete cascade
);
create index menu_options_group on menu_options (coop_id, group_id);
alter table menu_options enable row level security;
alter table menu_options force row level security;
create policy tenant_isolation on menu_options
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
