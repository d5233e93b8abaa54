-- Partner credentials: API keys and OAuth2 client credentials of a partner client (0058).
-- Tenant rows (coop_id first in every key, RLS enabled and forced). A credential names no coop
-- when it arrives, so the API finds it through the security-definer lookups below, which answer
-- for the one credential presented (its client, coop and scopes) and nothing else.
--
-- Secrets are 256 random bits: the database keeps their SHA-256 (hex), never the secret. A slow
-- password hash (argon2) buys nothing against a 256-bit secret and would cost every call.

create table partner_api_keys (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  client_id uuid not null,
  -- the visible part of the key (`fcp_live_` + 8 hex), shown in lists; the key is prefix + '_' + secret
  prefix text not null check (prefix ~ '^fcp_live_[0-9a-f]{8}$'),
  key_hash text not null check (key_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  -- written at most once a minute per key (a Redis gate)
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (coop_id, id),
  foreign key (coop_id, client_id) references partner_clients (coop_id, id)
);
create unique index partner_api_keys_hash_key on partner_api_keys (coop_id, key_hash);
create index partner_api_keys_client on partner_api_keys (coop_id, client_id);
-- the lookup by hash alone (the key names no coop); 256-bit secrets do not collide
create index partner_api_keys_lookup on partner_api_keys (key_hash);
alter table partner_api_keys enable row level security;
alter table partner_api_keys force row level security;
create policy tenant_isolation on partner_api_keys
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

-- OAuth2 client credentials: a public client key (`fco_` + 22 base64url) and a secret. Rotating the
-- secret adds a row with the same key and revokes the previous row: tokens it issued die with it.
create table partner_oauth_credentials (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  client_id uuid not null,
  client_key text not null check (client_key ~ '^fco_[A-Za-z0-9_-]{22}$'),
  secret_hash text not null check (secret_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (coop_id, id),
  foreign key (coop_id, client_id) references partner_clients (coop_id, id)
);
-- one live secret per client
create unique index partner_oauth_credentials_live_client on partner_oauth_credentials (coop_id, client_id)
  where revoked_at is null;
create index partner_oauth_credentials_lookup on partner_oauth_credentials (client_key);
alter table partner_oauth_credentials enable row level security;
alter table partner_oauth_credentials force row level security;
create policy tenant_isolation on partner_oauth_credentials
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

-- The lookups below run as the owner, which reads these tables through these policies (select
-- only; fc_app's rows stay under tenant_isolation).
create policy definer_reads_all on partner_clients for select to fc_owner using (true);
create policy definer_reads_all on partner_api_keys for select to fc_owner using (true);
create policy definer_reads_all on partner_oauth_credentials for select to fc_owner using (true);
create policy definer_touches on partner_api_keys for update to fc_owner using (true) with check (true);
create policy definer_touches on partner_oauth_credentials for update to fc_owner using (true) with check (true);

-- The live API key with this hash, with its client and coop; no row when unknown or revoked
-- (the key or its client).
create function partner_api_key_lookup(p_key_hash text)
  returns table (
    coop_id uuid, coop_slug text, client_id uuid, client_name text, merchant_id uuid,
    scopes text[], rate_limit_per_minute integer, credential_id uuid
  )
  language sql stable security definer set search_path = public
  as $$
    select k.coop_id, co.slug, c.id, c.name, c.merchant_id, c.scopes, c.rate_limit_per_minute, k.id
      from partner_api_keys k
      join partner_clients c on c.coop_id = k.coop_id and c.id = k.client_id
      join coops co on co.id = k.coop_id
     where k.key_hash = p_key_hash and k.revoked_at is null and c.revoked_at is null
     limit 2
  $$;
grant execute on function partner_api_key_lookup(text) to fc_app;

-- The live OAuth2 credential of this client key and secret hash, with its client and coop.
create function partner_oauth_lookup(p_client_key text, p_secret_hash text)
  returns table (
    coop_id uuid, coop_slug text, client_id uuid, client_name text, merchant_id uuid,
    scopes text[], rate_limit_per_minute integer, credential_id uuid
  )
  language sql stable security definer set search_path = public
  as $$
    select o.coop_id, co.slug, c.id, c.name, c.merchant_id, c.scopes, c.rate_limit_per_minute, o.id
      from partner_oauth_credentials o
      join partner_clients c on c.coop_id = o.coop_id and c.id = o.client_id
      join coops co on co.id = o.coop_id
     where o.client_key = p_client_key and o.secret_hash = p_secret_hash
       and o.revoked_at is null and c.revoked_at is null
     limit 2
  $$;
grant execute on function partner_oauth_lookup(text, text) to fc_app;

-- The per-call check of an OAuth2 bearer token: its credential and client are still live, and
-- the client's rate limit (it may have changed since the token was issued). Raises FCPAR when not.
create function assert_partner_credential(p_coop uuid, p_client uuid, p_credential uuid)
  returns integer
  language plpgsql stable security definer set search_path = public
  as $$
  declare
    v_limit integer;
  begin
    select c.rate_limit_per_minute into v_limit
      from partner_oauth_credentials o
      join partner_clients c on c.coop_id = o.coop_id and c.id = o.client_id
     where o.coop_id = p_coop and o.id = p_credential and o.client_id = p_client
       and o.revoked_at is null and c.revoked_at is null;
    if v_limit is null then
      raise exception 'partner credential revoked' using errcode = 'FCPAR';
    end if;
    return v_limit;
  end
  $$;
grant execute on function assert_partner_credential(uuid, uuid, uuid) to fc_app;

-- Records that a credential was used (the API calls it at most once a minute per credential).
create function partner_credential_used(p_coop uuid, p_credential uuid)
  returns void
  language sql volatile security definer set search_path = public
  as $$
    update partner_api_keys set last_used_at = now() where coop_id = p_coop and id = p_credential;
    update partner_oauth_credentials set last_used_at = now() where coop_id = p_coop and id = p_credential;
  $$;
grant execute on function partner_credential_used(uuid, uuid) to fc_app;
