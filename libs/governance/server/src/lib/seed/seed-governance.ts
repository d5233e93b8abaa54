import type { BallotChoice } from '@federacycle/contracts';
import { writeSettingVersions } from '@federacycle/federation-server';
import { Membership } from '@federacycle/identity-server';
import { CoopDelegate, FederationProposal, FederationProposalVoter } from '../federation/federation-proposal.entity';
import { Coop, type Database, type Tx } from '@federacycle/platform-database';
import { Proposal, ProposalChange } from '../proposals/proposal.entity';
import { Ballot, ProposalVoter } from '../voting/ballot.entity';
import { genesisHash, linkHash, type ChainLink } from '../voting/ballot-chain';
import { tallyOf } from '../voting/tally';

const DAY = 86_400_000;

export const DEMO_PROPOSALS = {
  closed: 'Passer la répartition en mode suggestion',
  open: 'Passer la répartition en automatique',
  federation: 'Extend the licence grace period to 45 days',
} as const;

const RATIONALE_FEDERATION = `Several coops renew their licence at their general assembly, which can fall **after** the
30-day grace period. 45 days covers a quarterly assembly.

This is a statutory setting: it needs two thirds of the coops.`;

const RATIONALE_CLOSED = `Depuis trois mois, les répartiteurs passent **la moitié de leur service** à attribuer les tâches une à une.

Le planificateur propose déjà de bonnes tournées : en mode *suggestion*, il propose et un répartiteur confirme d’un geste.

- moins de temps au téléphone ;
- les coursiers gardent la main : une suggestion se refuse.`;

const RATIONALE_OPEN = `Le mode suggestion marche bien : **9 suggestions sur 10** sont confirmées sans changement.

Proposons de laisser le planificateur attribuer seul les tâches, les répartiteurs gardant la main pour les cas particuliers.`;

/**
 * Lyon's demo governance: a closed proposal that switched dispatch to `suggest` (enacted, with its
 * ballots in the chain and the setting version naming it) and an open one, results hidden, to
 * switch to `auto`. Idempotent: a proposal with the same title in the coop is left as it is.
 */
export async function seedGovernance(db: Database, now = new Date()): Promise<void> {
  await seedFederationProposal(db, now);
  const lyon = await db.platform(({ manager }) =>
    manager.findOne(Coop, { where: { slug: 'lyon' }, select: { id: true } }),
  );
  if (!lyon) return;
  const coopId = lyon.id;
  await db.forCoop(coopId, async (tx) => {
    const { manager } = tx;
    const members = await manager
      .getRepository(Membership)
      .createQueryBuilder('m')
      .where(`m.coopId = :coopId and m.status = 'active' and 'member' = any(m.roles)`, { coopId })
      .orderBy('m.createdAt')
      .getMany();
    if (members.length === 0) return;
    const author = members[0]?.userId as string;
    if (!(await manager.findOne(Proposal, { where: { coopId, title: DEMO_PROPOSALS.closed } }))) {
      const opensAt = new Date(now.getTime() - 20 * DAY);
      const closesAt = new Date(now.getTime() - 13 * DAY);
      const id = await insertProposal(
        tx,
        coopId,
        author,
        DEMO_PROPOSALS.closed,
        RATIONALE_CLOSED,
        opensAt,
        closesAt,
        false,
        'suggest',
      );
      const choices: BallotChoice[] = ['yes', 'yes', 'no', 'yes', 'abstain'];
      const links = await castAll(
        tx,
        coopId,
        id,
        members.map((m, i) => ({ voterId: m.userId, choice: choices[i % choices.length] as BallotChoice })),
        opensAt,
      );
      const voters = members.map((m) => ({ userId: m.userId, collegeId: null, collegeName: null, collegeWeight: 1 }));
      const tally = tallyOf(voters, links, 25, 50, links.at(-1)?.hash ?? '');
      await manager.update(ProposalChange, { coopId, proposalId: id, key: 'dispatch_mode' }, { fromValue: 'manual' });
      await manager.update(
        Proposal,
        { coopId, id },
        {
          status: tally.outcome === 'passed' ? 'enacted' : 'closed',
          outcome: tally.outcome,
          tally,
          closedAt: closesAt,
          enactedAt: tally.outcome === 'passed' ? closesAt : null,
        },
      );
      if (tally.outcome === 'passed') {
        await writeSettingVersions(tx, 'coop', coopId, [{ key: 'dispatch_mode', value: 'suggest' }], {
          source: 'proposal',
          proposalId: id,
          effectiveAt: closesAt,
        });
      }
    }
    if (!(await manager.findOne(Proposal, { where: { coopId, title: DEMO_PROPOSALS.open } }))) {
      const opensAt = new Date(now.getTime() - DAY);
      const closesAt = new Date(now.getTime() + 6 * DAY);
      const id = await insertProposal(
        tx,
        coopId,
        author,
        DEMO_PROPOSALS.open,
        RATIONALE_OPEN,
        opensAt,
        closesAt,
        true,
        'auto',
      );
      await manager.insert(
        ProposalVoter,
        members.map((m) => ({ coopId, proposalId: id, userId: m.userId, locale: 'fr' as const })),
      );
      // a few members voted already (not the demo's admin, dispatcher or member: they vote in the demo)
      const demoVoters = await manager.query<Array<{ id: string }>>(
        `select u.id from users u where u.email in ('admin@lyon.demo', 'dispatcher@lyon.demo', 'member@lyon.demo')`,
      );
      const keep = new Set(demoVoters.map((u) => u.id));
      const early = members.filter((m) => !keep.has(m.userId)).slice(0, 5);
      const choices: BallotChoice[] = ['yes', 'no', 'yes', 'abstain', 'yes'];
      await castAll(
        tx,
        coopId,
        id,
        early.map((m, i) => ({ voterId: m.userId, choice: choices[i] as BallotChoice })),
        opensAt,
        false,
      );
      await manager.update(Proposal, { coopId, id }, { status: 'open', openedAt: opensAt });
    }
  });
}

async function insertProposal(
  tx: Tx,
  coopId: string,
  authorId: string,
  title: string,
  rationale: string,
  opensAt: Date,
  closesAt: Date,
  hiddenResults: boolean,
  to: string,
): Promise<string> {
  const inserted = await tx.manager.insert(Proposal, {
    coopId,
    authorId,
    title,
    rationale,
    status: 'draft',
    opensAt,
    closesAt,
    quorumPercent: 25,
    thresholdPercent: 50,
    hiddenResults,
    statutory: false,
  });
  const { id } = inserted.identifiers[0] as Pick<Proposal, 'id'>;
  await tx.manager.insert(ProposalChange, { coopId, proposalId: id, key: 'dispatch_mode', position: 0, toValue: to });
  return id;
}

/** Snapshot + one vote per member, chained as the voting service would chain them. */
async function castAll(
  tx: Tx,
  coopId: string,
  proposalId: string,
  votes: Array<{ voterId: string; choice: BallotChoice }>,
  opensAt: Date,
  insertVoters = true,
): Promise<Array<ChainLink & { hash: string }>> {
  if (insertVoters) {
    await tx.manager.insert(
      ProposalVoter,
      votes.map((v) => ({ coopId, proposalId, userId: v.voterId, locale: 'fr' as const })),
    );
  }
  let prevHash = genesisHash(coopId, proposalId);
  const links: Array<ChainLink & { hash: string }> = [];
  votes.forEach((v, i) => {
    const link: ChainLink = {
      coopId,
      proposalId,
      seq: i + 1,
      kind: 'vote',
      voterId: v.voterId,
      castBy: v.voterId,
      choice: v.choice,
      holderId: null,
      castAt: new Date(opensAt.getTime() + (i + 1) * 3_600_000),
      prevHash,
    };
    const hash = linkHash(link);
    links.push({ ...link, hash });
    prevHash = hash;
  });
  if (links.length) await tx.manager.insert(Ballot, links);
  await tx.manager.update(Proposal, { coopId, id: proposalId }, { ballotCount: links.length, chainHead: prevHash });
  return links;
}

/**
 * The federation's open proposal on the licence grace period (statutory: two thirds), with each
 * active coop's admin named its delegate. Idempotent by title.
 */
async function seedFederationProposal(db: Database, now: Date): Promise<void> {
  const coops = await db.platform(({ manager }) =>
    manager.find(Coop, { where: { status: 'active' }, select: { id: true }, order: { slug: 'ASC' } }),
  );
  for (const coop of coops) {
    await db.forCoop(coop.id, async ({ manager }) => {
      const admin = await manager
        .getRepository(Membership)
        .createQueryBuilder('m')
        .where(`m.coopId = :coopId and m.status = 'active' and 'coop_admin' = any(m.roles)`, { coopId: coop.id })
        .orderBy('m.createdAt')
        .getOne();
      if (admin && !(await manager.findOne(CoopDelegate, { where: { coopId: coop.id } }))) {
        await manager.insert(CoopDelegate, { coopId: coop.id, userId: admin.userId });
      }
    });
  }
  await db.platform(async ({ manager }) => {
    if (await manager.findOne(FederationProposal, { where: { title: DEMO_PROPOSALS.federation } })) return;
    const [author] = await manager.query<Array<{ id: string }>>(
      `select id from users where 'federation_admin' = any(platform_roles) order by created_at limit 1`,
    );
    if (!author || coops.length === 0) return;
    const inserted = await manager.insert(FederationProposal, {
      authorId: author.id,
      title: DEMO_PROPOSALS.federation,
      rationale: RATIONALE_FEDERATION,
      changes: [{ key: 'licence_grace_days', to: 45 }],
      status: 'open',
      opensAt: new Date(now.getTime() - DAY),
      closesAt: new Date(now.getTime() + 13 * DAY),
      openedAt: new Date(now.getTime() - DAY),
      quorumPercent: 50,
      thresholdPercent: 66.67,
      statutory: true,
    });
    const { id } = inserted.identifiers[0] as Pick<FederationProposal, 'id'>;
    await manager.insert(
      FederationProposalVoter,
      coops.map((c) => ({ proposalId: id, votingCoopId: c.id })),
    );
  });
}
