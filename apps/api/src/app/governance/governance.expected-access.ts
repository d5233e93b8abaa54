import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { FED, FOREIGN_USER, type CoopFixture, type Expectation, type Role } from '../isolation/access-expectation';

/**
 * The expected access of governance's routes, as the isolation suite probes them: members and
 * coop admins read and take part (abilities of 'Proposal'); every id-bearing route is aimed at a
 * foreign coop's open proposal (hidden results) and must answer 404, tally and verify included.
 */
const READERS: Role[] = ['coop_admin', 'member'];
const TAKERS: Role[] = ['coop_admin', 'member'];

/** A deterministic v4-shaped id per coop, so a probe can name the foreign coop's proposal. */
export function fixtureProposalId(coop: Pick<CoopFixture, 'id'>): string {
  const hex = createHash('md5').update(`proposal:${coop.id}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function proposalFixture(su: Client, coop: CoopFixture): Promise<void> {
  await su.query(
    `insert into proposals (coop_id, id, author_id, title, rationale, status, opens_at, closes_at,
                            quorum_percent, threshold_percent, hidden_results, opened_at)
     values ($1, $2, $3, $4, $5, 'open', now() - interval '1 hour', now() + interval '2 days', 25, 50, true, now())
     on conflict do nothing`,
    [coop.id, fixtureProposalId(coop), coop.users['member'], `Proposal ${coop.canary}`, `Why ${coop.canary}`],
  );
  await su.query(
    `insert into proposal_changes (coop_id, proposal_id, key, position, to_value)
     values ($1, $2, 'dispatch_mode', 0, '"auto"') on conflict do nothing`,
    [coop.id, fixtureProposalId(coop)],
  );
  await su.query(
    `insert into proposal_voters (coop_id, proposal_id, user_id) values ($1, $2, $3), ($1, $2, $4) on conflict do nothing`,
    [coop.id, fixtureProposalId(coop), coop.users['member'], coop.users['coop_admin']],
  );
}

/** A deterministic id for the coop's fixture college (the probes aim at the foreign coop's). */
export function fixtureCollegeId(coop: Pick<CoopFixture, 'id'>): string {
  return fixtureProposalId({ id: `college:${coop.id}` });
}

async function collegeFixture(su: Client, coop: CoopFixture): Promise<void> {
  await su.query(
    `insert into voting_colleges (coop_id, id, name, weight) values ($1, $2, $3, 50) on conflict do nothing`,
    [coop.id, fixtureCollegeId(coop), `College ${coop.canary}`],
  );
  await su.query(
    `insert into college_members (coop_id, user_id, college_id) values ($1, $2, $3) on conflict do nothing`,
    [coop.id, coop.users['member'], fixtureCollegeId(coop)],
  );
}
let collegeProbes = 0;
const collegeUrl = (f: CoopFixture, tail = '') => `/api/governance/colleges/${fixtureCollegeId(f)}${tail}`;

/** One federation proposal every coop sees (platform row: no coop's canary in it). */
export const FIXTURE_FEDERATION_PROPOSAL = '5e1d0a55-0000-4000-8000-00000000fed1';
const FED_READERS: Role[] = ['coop_admin', 'member', 'federation_admin'];
const fedUrl = (tail = '') => `/api/governance/federation/proposals/${FIXTURE_FEDERATION_PROPOSAL}${tail}`;

async function federationProposalFixture(su: Client): Promise<void> {
  // written by someone no probe signs in as: no probe is its author (who alone edits, publishes, withdraws)
  await su.query(
    `insert into users (email, name, password_hash) values ('federation-fixture-author@isolation.test', 'Fixture author', 'none')
     on conflict do nothing`,
  );
  await su.query(
    `insert into federation_proposals (id, author_id, title, rationale, changes, status, opens_at, closes_at,
                                       quorum_percent, threshold_percent, hidden_results, opened_at)
     select $1, id, 'Federation fixture', 'why', '[{"key": "sandbox_test_orders_per_day", "to": 25}]', 'open',
            now() - interval '1 hour', now() + interval '2 days', 50, 50, true, now()
       from users where email = 'federation-fixture-author@isolation.test'
     on conflict do nothing`,
    [FIXTURE_FEDERATION_PROPOSAL],
  );
}

const url = (f: CoopFixture, tail = '') => `/api/governance/proposals/${fixtureProposalId(f)}${tail}`;
const later = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

export const GOVERNANCE_EXPECTED: Record<string, Expectation> = {
  'GET /api/governance/proposals': {
    permission: 'read:Proposal',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/governance/proposals' }),
    fixture: proposalFixture,
  },
  'POST /api/governance/proposals': {
    permission: 'create:Proposal',
    kind: 'write',
    allowed: TAKERS,
    status: 201,
    probe: () => ({
      method: 'post',
      url: '/api/governance/proposals',
      body: {
        title: 'Probe proposal',
        rationale: 'probe',
        changes: [{ key: 'dispatch_mode', value: 'suggest' }],
        opensAt: later(1),
        closesAt: later(30),
      },
    }),
  },
  'GET /api/governance/proposals/:id': {
    permission: 'read:Proposal',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: url(f) }),
  },
  'POST /api/governance/proposals/:id/publish': {
    permission: 'create:Proposal',
    kind: 'write',
    allowed: TAKERS,
    probe: (f) => ({ method: 'post', url: url(f, '/publish'), body: {} }),
  },
  'POST /api/governance/proposals/:id/withdraw': {
    permission: 'create:Proposal',
    kind: 'write',
    allowed: TAKERS,
    probe: (f) => ({ method: 'post', url: url(f, '/withdraw'), body: {} }),
  },
  'GET /api/governance/proposals/:id/comments': {
    permission: 'read:Proposal',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: url(f, '/comments') }),
  },
  'POST /api/governance/proposals/:id/comments': {
    permission: 'create:Proposal',
    kind: 'write',
    allowed: TAKERS,
    probe: (f) => ({ method: 'post', url: url(f, '/comments'), body: { body: 'probe' } }),
  },
  'GET /api/governance/proposals/:id/voters': {
    permission: 'read:Proposal',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: url(f, '/voters') }),
  },
  'POST /api/governance/proposals/:id/ballots': {
    permission: 'create:Proposal',
    kind: 'write',
    allowed: TAKERS,
    probe: (f) => ({ method: 'post', url: url(f, '/ballots'), body: { choice: 'yes' } }),
  },
  'POST /api/governance/proposals/:id/proxy': {
    permission: 'create:Proposal',
    kind: 'write',
    allowed: TAKERS,
    probe: (f) => ({ method: 'post', url: url(f, '/proxy'), body: { holderId: FOREIGN_USER(f) } }),
  },
  'DELETE /api/governance/proposals/:id/proxy': {
    permission: 'create:Proposal',
    kind: 'write',
    allowed: TAKERS,
    probe: (f) => ({ method: 'delete', url: url(f, '/proxy') }),
  },
  'GET /api/governance/proposals/:id/tally': {
    permission: 'read:Proposal',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: url(f, '/tally') }),
  },
  'GET /api/governance/proposals/:id/verify': {
    permission: 'read:Proposal',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: url(f, '/verify') }),
  },
  'GET /api/governance/settings': {
    permission: 'read:Proposal',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/governance/settings' }),
    // a version enacted by the coop's proposal: its title (with the canary) shows in the history
    fixture: async (su, coop) => {
      await proposalFixture(su, coop);
      await su.query(
        `insert into coop_setting_versions (coop_id, key, version, value, source, proposal_id)
         values ($1, 'courier_max_concurrent_tasks', 1, '5', 'proposal', $2) on conflict do nothing`,
        [coop.id, fixtureProposalId(coop)],
      );
    },
  },
  'GET /api/governance/settings/federation': {
    permission: 'read:Proposal',
    kind: 'fixed',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/governance/settings/federation' }),
  },
  'GET /api/governance/federation/proposals': {
    permission: 'authenticated',
    kind: 'fixed',
    allowed: FED_READERS,
    probe: () => ({ method: 'get', url: '/api/governance/federation/proposals' }),
    fixture: (su) => federationProposalFixture(su),
  },
  'POST /api/governance/federation/proposals': {
    permission: 'authenticated',
    kind: 'fixed',
    // drafted by a federation admin or a coop's delegate (each fixture coop names its member)
    allowed: [...FED, 'member'],
    status: 201,
    probe: () => ({
      method: 'post',
      url: '/api/governance/federation/proposals',
      body: {
        title: 'Probe federation proposal',
        rationale: 'probe',
        changes: [{ key: 'sandbox_test_orders_per_day', value: 21 }],
        opensAt: later(1),
        closesAt: later(30),
      },
    }),
  },
  'GET /api/governance/federation/proposals/:id': {
    permission: 'authenticated',
    kind: 'fixed',
    allowed: FED_READERS,
    probe: () => ({ method: 'get', url: fedUrl() }),
  },
  // the fixture proposal is open and written by someone no probe is: nobody edits, publishes or withdraws it
  'PUT /api/governance/federation/proposals/:id': {
    permission: 'authenticated',
    kind: 'fixed',
    allowed: [],
    probe: () => ({
      method: 'put',
      url: fedUrl(),
      body: {
        title: 'Probe edit',
        rationale: 'probe',
        changes: [{ key: 'sandbox_test_orders_per_day', value: 22 }],
        opensAt: later(1),
        closesAt: later(30),
      },
    }),
  },
  'POST /api/governance/federation/proposals/:id/publish': {
    permission: 'authenticated',
    kind: 'fixed',
    allowed: [],
    probe: () => ({ method: 'post', url: fedUrl('/publish'), body: {} }),
  },
  'POST /api/governance/federation/proposals/:id/withdraw': {
    permission: 'authenticated',
    kind: 'fixed',
    allowed: [],
    probe: () => ({ method: 'post', url: fedUrl('/withdraw'), body: {} }),
  },
  'GET /api/governance/federation/proposals/:id/comments': {
    permission: 'authenticated',
    kind: 'fixed',
    allowed: FED_READERS,
    probe: () => ({ method: 'get', url: fedUrl('/comments') }),
  },
  'POST /api/governance/federation/proposals/:id/comments': {
    permission: 'authenticated',
    kind: 'fixed',
    allowed: FED_READERS,
    status: 201,
    probe: () => ({ method: 'post', url: fedUrl('/comments'), body: { body: 'probe' } }),
  },
  'POST /api/governance/federation/proposals/:id/ballots': {
    permission: 'authenticated',
    kind: 'fixed',
    // only delegates vote, for their own coop, and only coops in the snapshot (the fixture has none)
    allowed: [],
    probe: () => ({ method: 'post', url: fedUrl('/ballots'), body: { choice: 'yes' } }),
  },
  'GET /api/governance/federation/proposals/:id/verify': {
    permission: 'authenticated',
    kind: 'fixed',
    allowed: FED_READERS,
    probe: () => ({ method: 'get', url: fedUrl('/verify') }),
  },
  'GET /api/governance/delegates': {
    permission: 'read:Proposal',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/governance/delegates' }),
    fixture: (su, coop) =>
      su.query('insert into coop_delegates (coop_id, user_id) values ($1, $2) on conflict do nothing', [
        coop.id,
        coop.users['member'],
      ]),
  },
  'PUT /api/governance/delegates': {
    permission: 'manage:Settings',
    kind: 'body',
    allowed: ['coop_admin'],
    // a foreign coop's person is no member here: refused, nothing written anywhere
    status: 422,
    probe: (f) => ({ method: 'put', url: '/api/governance/delegates', body: { userIds: [FOREIGN_USER(f)] } }),
  },
  'GET /api/governance/colleges': {
    permission: 'read:Proposal',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/governance/colleges' }),
    fixture: collegeFixture,
  },
  'POST /api/governance/colleges': {
    permission: 'manage:Settings',
    kind: 'write',
    allowed: ['coop_admin'],
    status: 201,
    // a tiny weight so that the fixture's 50 % and every probe's college stay under 100 %
    probe: (_f, actor) => ({
      method: 'post',
      url: '/api/governance/colleges',
      body: { name: `Probe ${actor.role} ${(collegeProbes += 1)}`, weight: 0.001 },
    }),
  },
  'PATCH /api/governance/colleges/:id': {
    permission: 'manage:Settings',
    kind: 'write',
    allowed: ['coop_admin'],
    probe: (f) => ({ method: 'patch', url: collegeUrl(f), body: { weight: 1 } }),
  },
  'DELETE /api/governance/colleges/:id': {
    permission: 'manage:Settings',
    kind: 'write',
    allowed: ['coop_admin'],
    probe: (f) => ({ method: 'delete', url: collegeUrl(f) }),
  },
  'PUT /api/governance/colleges/:id/members': {
    permission: 'manage:Settings',
    kind: 'write',
    allowed: ['coop_admin'],
    probe: (f) => ({ method: 'put', url: collegeUrl(f, '/members'), body: { userIds: [f.users['member']] } }),
  },
};
