-- Federation onboarding and the cooperative-only licence: applications, the coop's legal
-- identity, the audit trail of transitions, the licence signing keys (public parts only),
-- licences, federation settings, and two tenant tables (worker-ownership compliance and the
-- storefront, the first operational capability guarded by the licence).
--
-- Platform tables (no coop_id column, no RLS): coop_applications, federation_transitions,
-- licence_signing_keys, licences, federation_settings. Their rows are about coops, never rows
-- of a coop, and are reached only through explicit checks in code (federation admin routes,
-- or the token's coop for GET /api/licence).
-- Tenant tables (coop_id first in the primary key, RLS enabled and forced): coop_compliance,
-- coop_storefronts.

-- The coop's legal identity, stored when its application is approved (null for coops created
-- before the federation onboarding existed). registration_key = 'CC:NORMALISED' is unique
-- across the federation.
alter table coops
  add column legal_form text check (legal_form is null or length(legal_form) between 1 and 64),
  add column registration_number text check (registration_number is null or length(registration_number) between 1 and 120),
  add column registration_key text unique check (registration_key is null or length(registration_key) between 4 and 130),
  add column contact_email text check (contact_email is null or (contact_email = lower(contact_email) and length(contact_email) between 3 and 254)),
  add column contact_name text check (contact_name is null or length(contact_name) between 1 and 120);

-- "Start a coop" applications. The statutes PDF is kept with its SHA-256; the status page link
-- carries a token stored as its SHA-256 only. A registration key is held by at most one
-- application that is not rejected (a rejected applicant may apply again).
create table coop_applications (
  id uuid primary key default gen_random_uuid(),
  status text not null default 'applied'
    check (status in ('applied', 'under_review', 'approved', 'rejected')),
  name text not null check (length(name) between 2 and 120),
  city text not null check (length(city) between 1 and 100),
  country char(2) not null check (country ~ '^[A-Z]{2}$'),
  timezone text not null check (length(timezone) between 1 and 64),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  legal_form text not null check (length(legal_form) between 1 and 64),
  legal_form_justification text check (legal_form_justification is null or length(legal_form_justification) <= 2000),
  registration_number text not null check (length(registration_number) between 1 and 120),
  registration_key text not null check (length(registration_key) between 4 and 130),
  declarations jsonb not null,
  admin_name text not null check (length(admin_name) between 1 and 120),
  admin_email text not null check (admin_email = lower(admin_email) and length(admin_email) between 3 and 254),
  statutes bytea not null,
  statutes_sha256 text not null check (statutes_sha256 ~ '^[0-9a-f]{64}$'),
  statutes_size integer not null check (statutes_size between 1 and 10485760),
  status_token_hash text not null unique check (status_token_hash ~ '^[0-9a-f]{64}$'),
  created_coop_id uuid unique references coops (id),
  submitted_at timestamptz not null default now(),
  decided_at timestamptz,
  reason text check (reason is null or length(reason) <= 2000),
  check ((status = 'approved') = (created_coop_id is not null))
);
create unique index coop_applications_registration on coop_applications (registration_key)
  where status <> 'rejected';
create index coop_applications_queue on coop_applications (status, submitted_at desc);

-- Audit trail of every application and coop transition (and licence issue / revoke).
create table federation_transitions (
  id uuid primary key default gen_random_uuid(),
  subject_type text not null check (subject_type in ('application', 'coop', 'licence')),
  subject_id uuid not null,
  event text not null check (length(event) between 1 and 64),
  from_state text not null,
  to_state text not null,
  reason text check (reason is null or length(reason) <= 2000),
  actor_id uuid references users (id),
  actor_email text,
  at timestamptz not null default clock_timestamp()
);
create index federation_transitions_subject on federation_transitions (subject_type, subject_id, at);

-- Public parts of the licence signing keys, published by every API instance at start-up so
-- that all instances verify with every key. Private keys never reach the database.
create table licence_signing_keys (
  kid text primary key check (kid ~ '^[A-Za-z0-9_-]{1,64}$'),
  public_jwk jsonb not null check (public_jwk ? 'x' and not (public_jwk ? 'd')),
  created_at timestamptz not null default now(),
  retired_at timestamptz
);

-- Licences: id = the JWS jti. A platform row about a coop, hence licensed_coop_id.
create table licences (
  id uuid primary key,
  licensed_coop_id uuid not null references coops (id),
  kid text not null references licence_signing_keys (kid),
  token text not null check (length(token) <= 8192),
  issued_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revocation_reason text check (revocation_reason is null or length(revocation_reason) <= 2000),
  created_at timestamptz not null default now(),
  check (expires_at > issued_at)
);
create index licences_coop on licences (licensed_coop_id, issued_at desc);

-- Federation settings: key/value with a version bumped on every change.
create table federation_settings (
  key text primary key check (key in ('licence_grace_days', 'worker_ownership_threshold')),
  value jsonb not null,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id)
);
insert into federation_settings (key, value) values
  ('licence_grace_days', '30'),
  ('worker_ownership_threshold', '0.5');

-- Worker ownership, computed daily per coop by the compliance job. Tenant rows.
create table coop_compliance (
  coop_id uuid not null references coops (id),
  share double precision check (share is null or (share >= 0 and share <= 1)),
  active_couriers integer not null default 0 check (active_couriers >= 0),
  member_couriers integer not null default 0 check (member_couriers >= 0),
  threshold double precision not null check (threshold > 0 and threshold <= 1),
  below_since timestamptz,
  warned_at timestamptz,
  checked_at timestamptz not null,
  primary key (coop_id)
);
alter table coop_compliance enable row level security;
alter table coop_compliance force row level security;
create policy tenant_isolation on coop_compliance
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
create policy definer_reads_all on coop_compliance for select to fc_owner using (true);

-- The coop's public storefront. Tenant rows.
create table coop_storefronts (
  coop_id uuid not null references coops (id),
  published_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (coop_id)
);
alter table coop_storefronts enable row level security;
alter table coop_storefronts force row level security;
create policy tenant_isolation on coop_storefronts
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

-- The federation directory shows each coop's member share: a read across coops of this one
-- table, through a definer function that returns the figures only.
create function federation_compliance_overview()
  returns table (coop_id uuid, share double precision, below_since timestamptz, checked_at timestamptz)
  language sql stable security definer set search_path = public
  as $$
    select c.coop_id, c.share, c.below_since, c.checked_at from coop_compliance c
  $$;
grant execute on function federation_compliance_overview() to fc_app;
