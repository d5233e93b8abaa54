import { Inject, Injectable } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import { COLLEGE_WEIGHTS_MAX_TOTAL, type CollegeView, type CollegesView } from '@federacycle/contracts';
import { Membership, User } from '@federacycle/identity-server';
import { Database } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { CollegeMember, VotingCollege } from './college.entity';

/** weights are numeric(6, 3): sums compared in thousandths, so 33.333 × 3 stays under 100 */
const thousandths = (n: number) => Math.round(n * 1000);

/** The sum rule of the tally: weights are shares of the vote, positive, together at most 100 %. */
export function assertWeightsFit(otherWeights: readonly number[], weight: number): void {
  const total = otherWeights.reduce((sum, w) => sum + thousandths(w), thousandths(weight));
  if (total > COLLEGE_WEIGHTS_MAX_TOTAL * 1000) {
    throw new ApiException(
      422,
      'COLLEGE_WEIGHTS_OVER_100',
      `The colleges' weights would add up to ${total / 1000} %: together they may not exceed 100 %.`,
    );
  }
}

async function collegeOr404(manager: EntityManager, coopId: string, id: string): Promise<VotingCollege> {
  const college = await manager.findOne(VotingCollege, { where: { coopId, id }, lock: { mode: 'pessimistic_write' } });
  if (!college) throw ApiException.notFound('College');
  return college;
}

/** the coop's members who vote (active, with the member role): the voters of its next proposal */
function votingMembers(manager: EntityManager, coopId: string): Promise<Membership[]> {
  return manager
    .getRepository(Membership)
    .createQueryBuilder('m')
    .where(`m.coopId = :coopId and m.status = 'active' and 'member' = any(m.roles)`, { coopId })
    .getMany();
}

/**
 * A coop's voting colleges (e.g. the workers, users and supporters of a French SCIC): a coop
 * admin names them, weighs them and places members in them (one college at most per member).
 * Proposals already open keep the colleges of their snapshot (proposal_voters holds each voter's
 * college name and weight): a change here counts from the next proposal that opens.
 */
@Injectable()
export class CollegesService {
  constructor(@Inject(Database) private readonly db: Database) {}

  async view(coopId: string): Promise<CollegesView> {
    return this.db.read(async (manager) => {
      const colleges = await manager.find(VotingCollege, { where: { coopId }, order: { name: 'ASC' } });
      const placements = await manager.find(CollegeMember, { where: { coopId } });
      const members = await votingMembers(manager, coopId);
      const ids = [...new Set([...members.map((m) => m.userId), ...placements.map((p) => p.userId)])];
      const users = ids.length
        ? await manager.find(User, { where: { id: In(ids) }, select: { id: true, name: true } })
        : [];
      const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? '';
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
      return {
        colleges: colleges.map(
          (c): CollegeView => ({
            id: c.id,
            name: c.name,
            weight: c.weight,
            members: placements
              .filter((p) => p.collegeId === c.id)
              .map((p) => ({ userId: p.userId, name: nameOf(p.userId) }))
              .sort(byName),
          }),
        ),
        members: members
          .map((m) => ({
            userId: m.userId,
            name: nameOf(m.userId),
            collegeId: placements.find((p) => p.userId === m.userId)?.collegeId ?? null,
          }))
          .sort(byName),
        totalWeight: colleges.reduce((sum, c) => sum + thousandths(c.weight), 0) / 1000,
      };
    });
  }

  async create(coopId: string, name: string, weight: number): Promise<CollegesView> {
    await this.db.unitOfWork(async (tx) => {
      const others = await tx.manager.find(VotingCollege, {
        where: { coopId },
        lock: { mode: 'pessimistic_write' },
      });
      this.assertNameFree(others, name);
      assertWeightsFit(
        others.map((c) => c.weight),
        weight,
      );
      const inserted = await tx.manager.insert(VotingCollege, { coopId, name: name.trim(), weight });
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'governance.college_created',
        subjectType: 'voting_college',
        subjectId: (inserted.identifiers[0] as Pick<VotingCollege, 'id'>).id,
        data: { name: name.trim(), weight },
      });
    });
    return this.view(coopId);
  }

  async update(coopId: string, id: string, change: { name?: string; weight?: number }): Promise<CollegesView> {
    await this.db.unitOfWork(async (tx) => {
      const college = await collegeOr404(tx.manager, coopId, id);
      const others = await tx.manager.find(VotingCollege, {
        where: { coopId, id: Not(id) },
        lock: { mode: 'pessimistic_write' },
      });
      if (change.name !== undefined) this.assertNameFree(others, change.name);
      assertWeightsFit(
        others.map((c) => c.weight),
        change.weight ?? college.weight,
      );
      await tx.manager.update(
        VotingCollege,
        { coopId, id },
        {
          ...(change.name !== undefined ? { name: change.name.trim() } : {}),
          ...(change.weight !== undefined ? { weight: change.weight } : {}),
        },
      );
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'governance.college_changed',
        subjectType: 'voting_college',
        subjectId: id,
        data: { ...change },
      });
    });
    return this.view(coopId);
  }

  /** Removes a college and its placements (the snapshots of open proposals keep it). */
  async remove(coopId: string, id: string): Promise<CollegesView> {
    await this.db.unitOfWork(async (tx) => {
      const college = await collegeOr404(tx.manager, coopId, id);
      await tx.manager.delete(CollegeMember, { coopId, collegeId: id });
      await tx.manager.delete(VotingCollege, { coopId, id });
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'governance.college_removed',
        subjectType: 'voting_college',
        subjectId: id,
        data: { name: college.name },
      });
    });
    return this.view(coopId);
  }

  /**
   * The members of a college, replaced as a whole. A member already in another college is
   * refused (409 COLLEGE_MEMBER_TAKEN: remove them there first); only the coop's voting members
   * are placed (422 COLLEGE_NOT_A_MEMBER).
   */
  async setMembers(coopId: string, id: string, userIds: readonly string[]): Promise<CollegesView> {
    const wanted = [...new Set(userIds)];
    await this.db.unitOfWork(async (tx) => {
      // every college of the coop is locked: two placements of one member cannot cross
      const colleges = await tx.manager.find(VotingCollege, { where: { coopId }, lock: { mode: 'pessimistic_write' } });
      if (!colleges.some((c) => c.id === id)) throw ApiException.notFound('College');
      const members = new Set((await votingMembers(tx.manager, coopId)).map((m) => m.userId));
      const strangers = wanted.filter((u) => !members.has(u));
      if (strangers.length) {
        throw new ApiException(
          422,
          'COLLEGE_NOT_A_MEMBER',
          'Only the cooperative’s members who vote can be placed in a college.',
          undefined,
          undefined,
          { userIds: strangers },
        );
      }
      if (wanted.length) {
        const elsewhere = await tx.manager.find(CollegeMember, {
          where: { coopId, userId: In(wanted), collegeId: Not(id) },
        });
        if (elsewhere.length) {
          throw new ApiException(
            409,
            'COLLEGE_MEMBER_TAKEN',
            'A member votes in one college at most: remove them from their college first.',
            undefined,
            undefined,
            { userIds: elsewhere.map((e) => e.userId) },
          );
        }
      }
      await tx.manager.delete(CollegeMember, { coopId, collegeId: id });
      if (wanted.length) {
        await tx.manager.insert(
          CollegeMember,
          wanted.map((userId) => ({ coopId, userId, collegeId: id })),
        );
      }
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'governance.college_members_set',
        subjectType: 'voting_college',
        subjectId: id,
        data: { members: wanted.length },
      });
    });
    return this.view(coopId);
  }

  private assertNameFree(others: readonly VotingCollege[], name: string): void {
    if (!name.trim()) {
      throw ApiException.validation(
        [{ field: 'name', code: 'isNotEmpty', message: 'A college needs a name.' }],
        'A college needs a name.',
      );
    }
    const wanted = name.trim().toLocaleLowerCase();
    if (others.some((c) => c.name.toLocaleLowerCase() === wanted)) {
      throw ApiException.conflict('COLLEGE_NAME_TAKEN', 'The cooperative already has a college of that name.');
    }
  }
}
