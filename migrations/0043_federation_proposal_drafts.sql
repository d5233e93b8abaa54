-- Federation proposals as complete as the coops' own: drafts (created as drafts, edited, then
-- published), withdrawal by the author before the first ballot, the 24-hour reminder to the
-- delegates whose coop has not voted, and a discussion.
--   federation_proposal_comments   platform rows: a comment on a federation proposal, by a
--                                  federation admin or a member of an active coop (author_coop_id)

alter table federation_proposals drop constraint federation_proposals_status_check;
alter table federation_proposals add constraint federation_proposals_status_check
  check (status in ('draft', 'scheduled', 'open', 'closed', 'enacted', 'withdrawn'));
alter table federation_proposals alter column status set default 'draft';
alter table federation_proposals add column withdrawn_at timestamptz;
alter table federation_proposals add column reminded_at timestamptz;

create table federation_proposal_comments (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid not null references federation_proposals (id),
  author_id uuid not null references users (id),
  author_coop_id uuid references coops (id),
  body text not null check (length(body) between 1 and 4000),
  created_at timestamptz not null default now()
);
create index federation_proposal_comments_by_proposal on federation_proposal_comments (proposal_id, created_at);
