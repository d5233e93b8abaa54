-- Identity: global users, per-coop memberships and invitations (tenant rows), sessions
-- with rotating refresh tokens and password resets (platform rows).
--
-- Tenant tables carry coop_id first in the primary key, in every unique index and in every
-- foreign key, with row-level security enabled and FORCED. The few cross-coop reads the
-- sign-in path needs (a person's memberships, an invitation found by its token, the
-- principal behind a session) go through SECURITY DEFINER functions that answer for one
-- given key only; a policy `for select to fc_owner` lets those functions (run as the owner)
-- read, and never applies to fc_app.

-- Users: platform rows. Emails are stored lower-cased; one account per email.
create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email) and length(email) between 3 and 254 and position('@' in email) > 1),
  name text not null check (length(name) between 1 and 120),
  password_hash text not null,
  status text not null default 'active' check (status in ('active', 'disabled')),
  platform_roles text[] not null default '{}'
    check (platform_roles <@ array['federation_admin']::text[]),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email on users (lower(email));

-- Memberships: a person in a coop, with roles. Tenant rows.
create table memberships (
  coop_id uuid not null references coops (id),
  user_id uuid not null references users (id),
  roles text[] not null
    check (cardinality(roles) >= 1
           and roles <@ array['coop_admin', 'dispatcher', 'courier', 'merchant_staff', 'member']::text[]),
  status text not null default 'active' check (status in ('active', 'disabled')),
  -- merchants a merchant_staff member acts for (composite FKs arrive with the merchants table)
  merchant_ids uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (coop_id, user_id)
);
-- user_memberships(): a person's coops, across coops (read by the definer function only)
create index memberships_user on memberships (user_id);
alter table memberships enable row level security;
alter table memberships force row level security;
create policy tenant_isolation on memberships
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
create policy definer_reads_all on memberships for select to fc_owner using (true);

-- Invitations: single-use links (token stored as a SHA-256 hash), 7 days. Tenant rows.
create table invitations (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  email text not null check (email = lower(email) and length(email) between 3 and 254),
  roles text[] not null
    check (cardinality(roles) >= 1
           and roles <@ array['coop_admin', 'dispatcher', 'courier', 'merchant_staff', 'member']::text[]),
  token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid references users (id),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references users (id),
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (coop_id, id),
  unique (coop_id, token_hash)
);
-- invitation_by_token(): the link names no coop, so the definer function looks the hash up
create index invitations_token on invitations (token_hash);
create index invitations_pending on invitations (coop_id, created_at desc)
  where accepted_at is null and revoked_at is null;
alter table invitations enable row level security;
alter table invitations force row level security;
create policy tenant_isolation on invitations
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
create policy definer_reads_all on invitations for select to fc_owner using (true);

-- Sessions: one row per refresh token; rotation chains rows of one family. A session is
-- not a coop's row (a person switches coops within it), hence selected_coop_id.
create table sessions (
  id uuid primary key default gen_random_uuid(),
  family_id uuid not null,
  user_id uuid not null references users (id),
  selected_coop_id uuid references coops (id),
  refresh_hash text not null unique check (refresh_hash ~ '^[0-9a-f]{64}$'),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  replaced_by uuid references sessions (id),
  created_at timestamptz not null default now()
);
create index sessions_family on sessions (family_id);
create index sessions_user on sessions (user_id) where revoked_at is null;

-- Password resets: single-use, 1 hour, hashed. Platform rows.
create table password_resets (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references users (id),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index password_resets_user on password_resets (user_id);

-- A person's memberships with their coop (sign-in, me, switch-coop). Only the asked user's rows.
create function user_memberships(p_user uuid)
  returns table (coop_id uuid, slug text, name text, roles text[], status text)
  language sql stable security definer set search_path = public
  as $$
    select m.coop_id, c.slug, c.name, m.roles, m.status
      from memberships m
      join coops c on c.id = m.coop_id
     where m.user_id = p_user
     order by c.name, c.id
  $$;
grant execute on function user_memberships(uuid) to fc_app;

-- The invitation behind a link (a token hash names no coop). Only that one row.
create function invitation_by_token(p_hash text)
  returns table (coop_id uuid, id uuid, coop_name text, email text, roles text[],
                 expires_at timestamptz, accepted_at timestamptz, revoked_at timestamptz)
  language sql stable security definer set search_path = public
  as $$
    select i.coop_id, i.id, c.name, i.email, i.roles, i.expires_at, i.accepted_at, i.revoked_at
      from invitations i
      join coops c on c.id = i.coop_id
     where i.token_hash = p_hash
  $$;
grant execute on function invitation_by_token(text) to fc_app;

-- What the guard checks on every request: the session, its user, and the membership in
-- the coop the token claims (a primary-key lookup each). One session only.
create function session_principal(p_session uuid, p_coop uuid)
  returns table (session_id uuid, user_id uuid, revoked boolean, session_expired boolean,
                 email text, name text, user_status text, platform_roles text[],
                 membership_roles text[], membership_status text)
  language sql stable security definer set search_path = public
  as $$
    select s.id, u.id, s.revoked_at is not null, s.expires_at <= now(),
           u.email, u.name, u.status, u.platform_roles,
           m.roles, m.status
      from sessions s
      join users u on u.id = s.user_id
      left join memberships m on m.coop_id = p_coop and m.user_id = s.user_id
     where s.id = p_session
  $$;
grant execute on function session_principal(uuid, uuid) to fc_app;
