-- identity: merchant staff are scoped to their merchants (memberships.merchant_ids). The access
-- token carries the ids (claim `mids`) so the CASL ability stays pure (no I/O); the session
-- check refuses the token as soon as they differ from the membership's, as it does for roles
-- (401 TOKEN_STALE: the console refreshes the token and replays the call). So assigning or
-- unassigning a merchant takes effect at the next request.
--
-- assert_session and assert_session_writable take the ids as a sixth argument (the five-argument
-- versions go); user_memberships() answers them too, for the sign-in and refresh paths.

create function assert_session(p_session uuid, p_user uuid, p_coop uuid, p_roles text[], p_platform_roles text[],
                               p_merchant_ids uuid[])
  returns void
  language plpgsql stable security definer set search_path = public
  as $$
  declare
    s record;
  begin
    select se.user_id, se.revoked_at is not null as revoked, u.status as user_status,
           u.platform_roles, m.roles, m.status as membership_status, m.merchant_ids
      into s
      from sessions se
      join users u on u.id = se.user_id
      left join memberships m on m.coop_id = p_coop and m.user_id = se.user_id
     where se.id = p_session;
    if not found or s.revoked or s.user_id <> p_user then
      raise exception 'session ended' using errcode = 'FCSES';
    end if;
    if s.user_status <> 'active' then
      raise exception 'account disabled' using errcode = 'FCUSR';
    end if;
    if p_coop is not null and (s.roles is null or s.membership_status <> 'active') then
      raise exception 'no active membership' using errcode = 'FCMEM';
    end if;
    if not (s.platform_roles @> p_platform_roles and s.platform_roles <@ p_platform_roles)
       or (p_coop is not null and not (s.roles @> p_roles and s.roles <@ p_roles))
       or (p_coop is not null and not (s.merchant_ids @> p_merchant_ids and s.merchant_ids <@ p_merchant_ids)) then
      raise exception 'roles changed' using errcode = 'FCSTL';
    end if;
  end
  $$;
revoke execute on function assert_session(uuid, uuid, uuid, text[], text[], uuid[]) from public;
grant execute on function assert_session(uuid, uuid, uuid, text[], text[], uuid[]) to fc_app;

create function assert_session_writable(p_session uuid, p_user uuid, p_coop uuid, p_roles text[],
                                        p_platform_roles text[], p_merchant_ids uuid[])
  returns void
  language plpgsql stable security definer set search_path = public
  as $$
  declare
    v_status text;
  begin
    perform assert_session(p_session, p_user, p_coop, p_roles, p_platform_roles, p_merchant_ids);
    if p_coop is not null then
      select status into v_status from coops where id = p_coop;
      if v_status is distinct from 'active' then
        raise exception '%', coalesce(v_status, 'offboarded') using errcode = 'FCCOP';
      end if;
    end if;
  end
  $$;
revoke execute on function assert_session_writable(uuid, uuid, uuid, text[], text[], uuid[]) from public;
grant execute on function assert_session_writable(uuid, uuid, uuid, text[], text[], uuid[]) to fc_app;

drop function assert_session_writable(uuid, uuid, uuid, text[], text[]);
drop function assert_session(uuid, uuid, uuid, text[], text[]);

drop function user_memberships(uuid);
create function user_memberships(p_user uuid)
  returns table (coop_id uuid, slug text, name text, roles text[], status text, merchant_ids uuid[])
  language sql stable security definer set search_path = public
  as $$
    select m.coop_id, c.slug, c.name, m.roles, m.status, m.merchant_ids
      from memberships m
      join coops c on c.id = m.coop_id
     where m.user_id = p_user
     order by c.name, c.id
  $$;
revoke execute on function user_memberships(uuid) from public;
grant execute on function user_memberships(uuid) to fc_app;
