-- Governance: a coop's members decide its settings. Tenant tables: coop_id first in every key,
-- row-level security ENABLED and FORCED.
--   proposals          one proposal: window, quorum, threshold, state, outcome, chain head
--   proposal_changes   the setting changes it makes (validated against the catalogue in code)
--   proposal_comments  the discussion
--   voting_colleges    a coop's colleges (e.g. a French SCIC) with their weights
--   college_members    which college a member votes in (one at most)
--   proposal_voters    the voters, fixed when voting opens (snapshot, with college and weight)
--   ballots            append-only hash chain per proposal: votes and proxy grants/revocations

create table proposals (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  author_id uuid not null references users (id),
  title text not null check (length(title) between 3 and 160),
  rationale text not null check (length(rationale) between 1 and 20000),
  status text not null default 'draft'
    check (status in ('draft', 'scheduled', 'open', 'closed', 'enacted', 'withdrawn')),
  outcome text check (outcome in ('passed', 'rejected', 'no_quorum')),
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  quorum_percent numeric(5, 2) not null check (quorum_percent between 0 and 100),
  threshold_percent numeric(5, 2) not null check (threshold_percent between 0 and 100),
  hidden_results boolean not null default false,
  statutory boolean not null default false,
  opened_at timestamptz,
  reminded_at timestamptz,
  closed_at timestamptz,
  enacted_at timestamptz,
  withdrawn_at timestamptz,
  tally jsonb,
  ballot_count integer not null default 0 check (ballot_count >= 0),
  chain_head text not null default '',
  created_at timestamptz not null default now(),
  primary key (coop_id, id),
  check (closes_at >= opens_at + interval '1 hour'),
  check ((outcome is null) = (status not in ('closed', 'enacted')))
);
create index proposals_coop_status on proposals (coop_id, status, closes_at);
alter table proposals enable row level security;
alter table proposals force row level security;
create policy tenant_isolation on proposals
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
-- the sweep of the worker finds proposals due to open or close across coops
create policy definer_reads_all on proposals for select to fc_owner using (true);

create table proposal_changes (
  coop_id uuid not null references coops (id),
  proposal_id uuid not null,
  key text not null check (length(key) between 1 and 64),
  position integer not null check (position >= 0),
  to_value jsonb not null,
  -- the value it replaced, recorded at enactment
  from_value jsonb,
  primary key (coop_id, proposal_id, key),
  foreign key (coop_id, proposal_id) references proposals (coop_id, id)
);
alter table proposal_changes enable row level security;
alter table proposal_changes force row level security;
create policy tenant_isolation on proposal_changes
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

create table proposal_comments (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  proposal_id uuid not null,
  author_id uuid not null references users (id),
  body text not null check (length(body) between 1 and 4000),
  created_at timestamptz not null default now(),
  primary key (coop_id, id),
  foreign key (coop_id, proposal_id) references proposals (coop_id, id)
);
create index proposal_comments_by_proposal on proposal_comments (coop_id, proposal_id, created_at);
alter table proposal_comments enable row level security;
alter table proposal_comments force row level security;
create policy tenant_isolation on proposal_comments
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

create table voting_colleges (
  coop_id uuid not null references coops (id),
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 80),
  weight numeric(6, 3) not null check (weight > 0 and weight <= 100),
  primary key (coop_id, id),
  unique (coop_id, name)
);
alter table voting_colleges enable row level security;
alter table voting_colleges force row level security;
create policy tenant_isolation on voting_colleges
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

create table college_members (
  coop_id uuid not null references coops (id),
  user_id uuid not null references users (id),
  college_id uuid not null,
  primary key (coop_id, user_id),
  foreign key (coop_id, college_id) references voting_colleges (coop_id, id)
);
alter table college_members enable row level security;
alter table college_members force row level security;
create policy tenant_isolation on college_members
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

create table proposal_voters (
  coop_id uuid not null references coops (id),
  proposal_id uuid not null,
  user_id uuid not null references users (id),
  college_id uuid,
  college_name text,
  college_weight numeric(6, 3) not null default 1 check (college_weight > 0),
  locale text not null default 'en' check (locale in ('en', 'fr')),
  reminded_at timestamptz,
  primary key (coop_id, proposal_id, user_id),
  foreign key (coop_id, proposal_id) references proposals (coop_id, id)
);
alter table proposal_voters enable row level security;
alter table proposal_voters force row level security;
create policy tenant_isolation on proposal_voters
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

-- The chain. Each row carries the hash of the previous row of its proposal (seq - 1; the first
-- row a genesis value) and the SHA-256 of its own canonical encoding (see ballot-chain.ts).
--   kind 'vote':          voter_id's vote, cast by cast_by (the voter, or their proxy holder)
--   kind 'proxy':         voter_id gives their vote to holder_id for this proposal
--   kind 'proxy_revoked': voter_id takes it back
create table ballots (
  coop_id uuid not null references coops (id),
  proposal_id uuid not null,
  seq integer not null check (seq >= 1),
  kind text not null check (kind in ('vote', 'proxy', 'proxy_revoked')),
  voter_id uuid not null references users (id),
  cast_by uuid not null references users (id),
  choice text check (choice in ('yes', 'no', 'abstain')),
  holder_id uuid references users (id),
  cast_at timestamptz not null,
  prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text not null check (hash ~ '^[0-9a-f]{64}$'),
  primary key (coop_id, proposal_id, seq),
  foreign key (coop_id, proposal_id) references proposals (coop_id, id),
  check ((kind = 'vote') = (choice is not null)),
  check ((kind = 'proxy') = (holder_id is not null))
);
alter table ballots enable row level security;
alter table ballots force row level security;
create policy tenant_isolation on ballots
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());
-- append-only for the application: a ballot is never rewritten or removed
revoke update, delete on ballots from fc_app;
-- the voters' snapshot is fixed once taken
revoke delete on proposal_voters from fc_app;

-- The worker's sweep: proposals due to open, to be reminded or to close, across coops (the
-- delayed jobs are the fast path; this is the net under them). Read-only, narrow, owner-run.
create function governance_due(p_now timestamptz, p_limit integer)
  returns table (coop_id uuid, id uuid, action text)
  language sql stable security definer set search_path = public
  as $$
    select p.coop_id, p.id,
           case when p.status = 'scheduled' then 'open'
                when p.closes_at <= p_now then 'close'
                else 'remind' end
      from proposals p
     where (p.status = 'scheduled' and p.opens_at <= p_now)
        or (p.status = 'open' and p.closes_at <= p_now)
        or (p.status = 'open' and p.reminded_at is null and p.closes_at - interval '24 hours' <= p_now)
     order by p.closes_at
     limit least(greatest(p_limit, 1), 1000)
  $$;
grant execute on function governance_due(timestamptz, integer) to fc_app;
