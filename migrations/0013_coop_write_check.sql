-- The session check of a write request, with the standing of the token's coop.
--
-- A suspended or offboarding coop is read-only for its people: every write of a coop route is
-- refused (reads keep working, so the coop can see and export its data). What the federation
-- does and signing out are not coop writes: the API runs plain assert_session for them.
-- The coop's status is read in the same statement as the session check that a write already
-- runs before its handler, so the rule costs no round trip (reads do not run it at all).
--
-- SQLSTATEs: those of assert_session (migration 0011), then FCCOP: the coop does not accept
-- writes; the message is the coop's status (suspended, offboarding, offboarded).
create function assert_session_writable(p_session uuid, p_user uuid, p_coop uuid, p_roles text[], p_platform_roles text[])
  returns void
  language plpgsql stable security definer set search_path = public
  as $$
  declare
    v_status text;
  begin
    perform assert_session(p_session, p_user, p_coop, p_roles, p_platform_roles);
    if p_coop is not null then
      select status into v_status from coops where id = p_coop;
      if v_status is distinct from 'active' then
        raise exception '%', coalesce(v_status, 'offboarded') using errcode = 'FCCOP';
      end if;
    end if;
  end
  $$;
revoke execute on function assert_session_writable(uuid, uuid, uuid, text[], text[]) from public;
grant execute on function assert_session_writable(uuid, uuid, uuid, text[], text[]) to fc_app;
