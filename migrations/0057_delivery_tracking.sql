-- dispatch: a delivery's merchant (searched by the Deliveries page; set by the storefront and the
-- partner API), a dropoff recipient's email and language (the tracking mails), which of those
-- mails went out (a job run twice sends once), and the public tracking page's lookup by token.

alter table deliveries add column merchant_id uuid;
alter table deliveries add constraint deliveries_merchant_fkey
  foreign key (coop_id, merchant_id) references merchants (coop_id, id);
-- the Deliveries page's merchant filter, newest first
create index deliveries_merchant on deliveries (coop_id, merchant_id, created_at) where merchant_id is not null;

alter table delivery_tasks add column contact_email text;
alter table delivery_tasks add column contact_language text;
-- when the recipient was told the parcel is on its way / delivered (null: not yet)
alter table delivery_tasks add column mailed_on_way_at timestamptz;
alter table delivery_tasks add column mailed_delivered_at timestamptz;
alter table delivery_tasks add constraint delivery_tasks_contact_email_check
  check (length(contact_email) <= 254 and contact_email ~ '^[^@\s]+@[^@\s]+$');
alter table delivery_tasks add constraint delivery_tasks_contact_language_check
  check (contact_language in ('en', 'fr'));

-- The tracking page knows only a token, which names no coop: the function below runs as the owner,
-- which reads deliveries through this policy (select only; fc_app's rows stay under tenant_isolation).
create policy definer_reads_all on deliveries for select to fc_owner using (true);

-- The tracking page knows only a token, which names no coop: this answers for that one delivery
-- (its coop, id and the coop's name), nothing else. The page then reads in the coop's context.
create function delivery_by_tracking_token(p_token text)
  returns table (coop_id uuid, id uuid, tracking_token text, coop_name text)
  language sql stable security definer set search_path = public
  as $$
    select d.coop_id, d.id, d.tracking_token, c.name
      from deliveries d
      join coops c on c.id = d.coop_id
     where d.tracking_token = p_token
  $$;
grant execute on function delivery_by_tracking_token(text) to fc_app;

-- The metrics' figures across every coop (Prometheus: deliveries by state, created by source),
-- counts only: no row of any coop leaves it.
create function delivery_counts()
  returns table (state text, source text, n bigint)
  language sql stable security definer set search_path = public
  as $$
    select d.state, d.source, count(*) from deliveries d group by d.state, d.source
  $$;
grant execute on function delivery_counts() to fc_app;
