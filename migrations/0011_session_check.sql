-- The guard's session check as one statement that RAISES instead of returning a row.
--
-- The API sends it in the same round trip as a request's first unit of work (after BEGIN,
-- before the work; see Precondition in libs/platform/database): when it raises, the
-- transaction is aborted, so nothing the work read or wrote is returned or kept. Write
-- requests run it on its own before the handler.
--
-- The access token carries the roles it was issued with, and the guard authorizes with them;
-- this check refuses the token as soon as they differ from the person's current roles (the
-- console then refreshes the token and retries with the current ones). So sign-out, a disabled
-- account, a removed membership or a changed role take effect at the next request.
--
-- SQLSTATEs (class FC, this project's): FCSES session ended or not this user's, FCUSR account
-- disabled, FCMEM no active membership in the token's coop, FCSTL roles changed since issue.
create function assert_session(p_session uuid, p_user uuid, p_coop uuid, p_roles text[], p_platform_roles text[])
  returns void
  language plpgsql stable security definer set search_path = public
  as $$
  declare
    s record;
  begin
    select se.user_id, se.revoked_at is not null as revoked, u.status as user_status,
           u.platform_roles, m.roles, m.status as membership_status
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
       or (p_coop is not null and not (s.roles @> p_roles and s.roles <@ p_roles)) then
      raise exception 'roles changed' using errcode = 'FCSTL';
    end if;
  end
  $$;
revoke execute on function assert_session(uuid, uuid, uuid, text[], text[]) from public;
grant execute on function assert_session(uuid, uuid, uuid, text[], text[]) to fc_app;

-- replaced by assert_session
drop function session_principal(uuid, uuid);
