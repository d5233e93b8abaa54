import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CoopRole, MemberView, Page } from '@federacycle/contracts';
import { Database } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { Membership } from './membership.entity';

/** The API view of a membership loaded with its user. */
export function toMemberView(membership: Membership): MemberView {
  const user = membership.user;
  if (!user) throw new Error('a member view needs the membership loaded with its user');
  return {
    userId: membership.userId,
    email: user.email,
    name: user.name,
    roles: membership.roles,
    status: user.status,
    membershipStatus: membership.status,
    joinedAt: membership.createdAt.toISOString(),
  };
}

/**
 * The columns a member view shows, and no more: every extra column is read, sorted with the page
 * and parsed in Node (measured: 1.35 ms a list query with the entities' every column against
 * 0.80 ms with these, at 300 members).
 */
const MEMBER_VIEW_COLUMNS = [
  'm.coopId',
  'm.userId',
  'm.roles',
  'm.status',
  'm.createdAt',
  'u.id',
  'u.email',
  'u.name',
  'u.status',
];

/** A row of the members list page: the view's fields under their own names, and the window total. */
type MemberListRow = Omit<MemberView, 'joinedAt'> & { joinedAt: Date; total: string };

/** A coop's memberships joined with their users (names the coop explicitly). */
function members(manager: EntityManager, coopId: string) {
  return manager
    .getRepository(Membership)
    .createQueryBuilder('m')
    .innerJoin('m.user', 'u')
    .select(MEMBER_VIEW_COLUMNS)
    .where('m.coopId = :coopId', { coopId });
}

/**
 * A coop's people. Every query names the coop explicitly (the token's) and runs in the
 * request's unit of work, where row-level security applies as a second wall.
 */
@Injectable()
export class MembersService {
  constructor(@Inject(Database) private readonly db: Database) {}

  /**
   * One page and the total (a window count): one statement, so one round trip with its
   * transaction and the session check. Past the last page, the total needs a count of its own.
   */
  async list(coopId: string, limit: number, offset: number): Promise<Page<MemberView>> {
    // raw rows under the view's names: a list page skips entity hydration (measured with bench:api)
    const rows = await this.db.read((manager) =>
      manager
        .getRepository(Membership)
        .createQueryBuilder('m')
        .innerJoin('m.user', 'u')
        .select('m.userId', 'userId')
        .addSelect('u.email', 'email')
        .addSelect('u.name', 'name')
        .addSelect('m.roles', 'roles')
        .addSelect('u.status', 'status')
        .addSelect('m.status', 'membershipStatus')
        .addSelect('m.createdAt', 'joinedAt')
        .addSelect('count(*) over ()', 'total')
        .where('m.coopId = :coopId', { coopId })
        .orderBy('u.name')
        .addOrderBy('m.userId')
        .limit(limit)
        .offset(offset)
        .getRawMany<MemberListRow>(),
    );
    if (rows.length > 0 || offset === 0) {
      return {
        items: rows.map(({ total: _total, joinedAt, ...view }) => ({ ...view, joinedAt: joinedAt.toISOString() })),
        total: Number(rows[0]?.total ?? 0),
      };
    }
    const total = await this.db.read((manager) => manager.countBy(Membership, { coopId }));
    return { items: [], total };
  }

  get(coopId: string, userId: string): Promise<MemberView> {
    return this.db.unitOfWork(({ manager }) => this.load(manager, coopId, userId));
  }

  updateRoles(coopId: string, actorId: string, userId: string, roles: CoopRole[]): Promise<MemberView> {
    if (userId === actorId && !roles.includes('coop_admin')) {
      throw ApiException.conflict('CONFLICT', 'You cannot remove your own coop_admin role; ask another admin');
    }
    return this.change(coopId, userId, 'member.roles_changed', { roles });
  }

  setStatus(coopId: string, actorId: string, userId: string, status: 'active' | 'disabled'): Promise<MemberView> {
    if (userId === actorId && status === 'disabled') {
      throw ApiException.conflict('CONFLICT', 'You cannot disable your own membership');
    }
    return this.change(coopId, userId, status === 'disabled' ? 'member.disabled' : 'member.enabled', { status });
  }

  private change(
    coopId: string,
    userId: string,
    action: string,
    patch: Pick<Membership, 'roles'> | Pick<Membership, 'status'>,
  ): Promise<MemberView> {
    return this.db.unitOfWork(async (tx) => {
      const { affected } = await tx.manager.update(Membership, { coopId, userId }, { ...patch, updatedAt: new Date() });
      if (affected !== 1) throw ApiException.notFound('Member');
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action,
        subjectType: 'member',
        subjectId: userId,
        data: { value: 'roles' in patch ? patch.roles : patch.status },
      });
      return this.load(tx.manager, coopId, userId);
    });
  }

  private async load(manager: EntityManager, coopId: string, userId: string): Promise<MemberView> {
    const membership = await members(manager, coopId).andWhere('m.userId = :userId', { userId }).getOne();
    if (!membership) throw ApiException.notFound('Member');
    return toMemberView(membership);
  }
}
