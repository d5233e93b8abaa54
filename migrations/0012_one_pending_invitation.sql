-- One pending invitation per email per coop.
--
-- Re-inviting an email revokes its pending invitation in the same transaction as the new one
-- (identity's inviteInTransaction); this index makes the database refuse a second pending row
-- too (two invitations sent at the same moment, any writer that forgets the revoke), so a
-- person never holds two live links with different roles.
--
-- Existing duplicates first: the newest pending invitation of an email stays, the earlier ones
-- are revoked (their links already answered for the newest one's person). Row-level security is
-- forced on invitations, for this migration's owner role too: each coop's rows are touched
-- under that coop's app.coop_id, the policy unchanged.
do $$
declare
  coop record;
begin
  for coop in select id from coops loop
    perform set_config('app.coop_id', coop.id::text, true);
    update invitations i
       set revoked_at = now()
     where i.coop_id = coop.id
       and i.accepted_at is null
       and i.revoked_at is null
       and exists (
         select 1
           from invitations newer
          where newer.coop_id = i.coop_id
            and newer.email = i.email
            and newer.accepted_at is null
            and newer.revoked_at is null
            and (newer.created_at, newer.id) > (i.created_at, i.id)
       );
  end loop;
  perform set_config('app.coop_id', '', true);
end
$$;

create unique index invitations_pending_email on invitations (coop_id, email)
  where accepted_at is null and revoked_at is null;
