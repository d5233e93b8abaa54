-- dispatch: the coops with a pickup that became delayed in [p_since, p_until) (its window opened
-- then and it is not started yet), for the worker's periodic sweep, which asks each of those
-- coops for a planning run. Across coops, so security definer; it returns coop ids only.
-- The function runs as the owner: this policy lets the owner role alone read every coop's tasks
-- (as for the outbox relay and the memberships lookups), never fc_app.
create policy definer_reads_all on delivery_tasks for select to fc_owner using (true);

create function dispatch_delayed_pickup_coops(p_since timestamptz, p_until timestamptz)
  returns table (coop_id uuid)
  language sql stable security definer set search_path = public
  as $$
    select distinct t.coop_id
      from delivery_tasks t
     where t.kind = 'pickup' and t.state in ('open', 'assigned') and t.superseded_by is null
       and t.window_after >= p_since and t.window_after < p_until
     order by t.coop_id
  $$;
grant execute on function dispatch_delayed_pickup_coops(timestamptz, timestamptz) to fc_app;

create index delivery_tasks_pickup_window on delivery_tasks (window_after)
  where kind = 'pickup' and state in ('open', 'assigned') and superseded_by is null;
