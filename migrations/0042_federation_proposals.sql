-- Federation proposals: the coops decide the federation's settings together, one vote per active
-- coop, cast by one of its delegates.
--   coop_delegates               tenant rows: the members a coop names to vote for it
--   federation_proposals         platform rows: one proposal (its changes as a checked JSON array)
--   federation_proposal_voters   platform rows: the active coops when voting opened (voting_coop_id)
--   federation_ballots           platform rows: append-only hash chain per proposal
-- Platform rows name coops as `voting_coop_id` / `author_coop_id` (they are about coops, not rows
-- of a coop), reached only through the governance service's explicit checks.

create table coop_delegates (
  coop_id uuid not null references coops (id),
  user_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  primary key (coop_id, user_id),
  foreign key (coop_id, user_id) references memberships (coop_id, user_id)
);
alter table coop_delegates enable row level security;
alter table coop_delegates force row level security;
create policy tenant_isolation on coop_delegates
  using (coop_id = app_coop_id()) with check (coop_id = app_coop_id());

create table federation_proposals (
  id uuid primary key default gen_random_uuid(),
  author_id uuid not null references users (id),
  author_coop_id uuid references coops (id),
  title text not null check (length(title) between 3 and 160),
  rationale text not null check (length(rationale) between 1 and 20000),
  changes jsonb not null check (jsonb_typeof(changes) = 'array'),
  status text not null default 'scheduled'
    check (status in ('scheduled', 'open', 'closed', 'enacted', 'withdrawn')),
  outcome text check (outcome in ('passed', 'rejected', 'no_quorum')),
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  quorum_percent numeric(5, 2) not null check (quorum_percent between 0 and 100),
  threshold_percent numeric(5, 2) not null check (threshold_percent between 0 and 100),
  hidden_results boolean not null default false,
  statutory boolean not null default false,
  opened_at timestamptz,
  closed_at timestamptz,
  enacted_at timestamptz,
  tally jsonb,
  ballot_count integer not null default 0 check (ballot_count >= 0),
  chain_head text not null default '',
  created_at timestamptz not null default now(),
  check (closes_at >= opens_at + interval '1 hour')
);

create table federation_proposal_voters (
  proposal_id uuid not null references federation_proposals (id),
  voting_coop_id uuid not null references coops (id),
  primary key (proposal_id, voting_coop_id)
);

create table federation_ballots (
  proposal_id uuid not null references federation_proposals (id),
  seq integer not null check (seq >= 1),
  voting_coop_id uuid not null references coops (id),
  cast_by uuid not null references users (id),
  choice text not null check (choice in ('yes', 'no', 'abstain')),
  cast_at timestamptz not null,
  prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text not null check (hash ~ '^[0-9a-f]{64}$'),
  primary key (proposal_id, seq)
);
revoke update, delete on federation_ballots from fc_app;
revoke delete on federation_proposal_voters from fc_app;
