import { Inject, Injectable } from '@nestjs/common';
import type { CoopRole, MemberView, Page } from '@federacycle/contracts';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { JobName, writeOutbox } from '@federacycle/platform-queue';

interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  roles: CoopRole[];
  status: 'active' | 'disabled';
  membership_status: 'active' | 'disabled';
  created_at: Date;
  total?: string;
}

/** The list query of members, shared with the API benchmark's bare endpoint. */
export const LIST_MEMBERS_SQL = `
  select m.user_id, u.email, u.name, m.roles, u.status, m.status as membership_status, m.created_at,
         count(*) over () as total
    from memberships m
    join users u on u.id = m.user_id
   where m.coop_id = $1
   order by u.name, m.user_id
   limit $2 offset $3`;

const MEMBER_SQL = `
  select m.user_id, u.email, u.name, m.roles, u.status, m.status as membership_status, m.created_at
    from memberships m
    join users u on u.id = m.user_id
   where m.coop_id = $1 and m.user_id = $2`;

export function toMemberView(row: MemberRow): MemberView {
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    status: row.status,
    membershipStatus: row.membership_status,
    joinedAt: row.created_at.toISOString(),
  };
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
    const rows = await this.db.statement<MemberRow>(LIST_MEMBERS_SQL, [coopId, limit, offset]);
    if (rows.length > 0 || offset === 0) return { items: rows.map(toMemberView), total: Number(rows[0]?.total ?? 0) };
    const [count] = await this.db.statement<{ n: string }>('select count(*) as n from memberships where coop_id = $1', [
      coopId,
    ]);
    return { items: [], total: Number(count?.n ?? 0) };
  }

  get(coopId: string, userId: string): Promise<MemberView> {
    return this.db.unitOfWork((tx) => this.load(tx, coopId, userId));
  }

  updateRoles(coopId: string, actorId: string, userId: string, roles: CoopRole[]): Promise<MemberView> {
    if (userId === actorId && !roles.includes('coop_admin')) {
      throw ApiException.conflict('CONFLICT', 'You cannot remove your own coop_admin role; ask another admin');
    }
    return this.change(
      coopId,
      userId,
      'member.roles_changed',
      'update memberships set roles = $3, updated_at = now() where coop_id = $1 and user_id = $2',
      [roles],
    );
  }

  setStatus(coopId: string, actorId: string, userId: string, status: 'active' | 'disabled'): Promise<MemberView> {
    if (userId === actorId && status === 'disabled') {
      throw ApiException.conflict('CONFLICT', 'You cannot disable your own membership');
    }
    const action = status === 'disabled' ? 'member.disabled' : 'member.enabled';
    return this.change(
      coopId,
      userId,
      action,
      'update memberships set status = $3, updated_at = now() where coop_id = $1 and user_id = $2',
      [status],
    );
  }

  private async change(
    coopId: string,
    userId: string,
    action: string,
    sql: string,
    extra: unknown[],
  ): Promise<MemberView> {
    return this.db.unitOfWork(async (tx) => {
      const touched = await tx.execute(sql, [coopId, userId, ...extra]);
      if (touched !== 1) throw ApiException.notFound('Member');
      await writeOutbox(tx, JobName.AUDIT_RECORD, {
        action,
        subjectType: 'member',
        subjectId: userId,
        data: { value: extra[0] },
      });
      return this.load(tx, coopId, userId);
    });
  }

  private async load(tx: Tx, coopId: string, userId: string): Promise<MemberView> {
    const row = await tx.maybeOne<MemberRow>(MEMBER_SQL, [coopId, userId]);
    if (!row) throw ApiException.notFound('Member');
    return toMemberView(row);
  }
}
