import type { Scenario } from '../harness';

const PAGE_SIZE = 50;
const ROWS_PER_COOP = 300;

/** GET /api/members: a page of 50 of a coop's 300 memberships, joined with their users. */
export const membersScenario: Scenario = {
  name: 'members',
  data: `${ROWS_PER_COOP} memberships a coop, page of ${PAGE_SIZE}`,
  path: () => `/api/members?limit=${PAGE_SIZE}`,
  tables: ['users', 'memberships'],
  async seed({ su, from, to, passwordHash }) {
    await su.query(
      `insert into users (email, name, password_hash)
       select 'u-' || c || '-' || k || '@bench.test', 'Rider ' || c || '-' || k, $3
         from generate_series($1::int, $2::int) c, generate_series(1, $4::int) k`,
      [from, to, passwordHash, ROWS_PER_COOP],
    );
    await su.query(
      `insert into memberships (coop_id, user_id, roles)
       select c.id, u.id, '{member}'
         from users u
         join coops c on c.slug = 'bench-' || split_part(split_part(u.email, '@', 1), '-', 2)
        where u.email like 'u-%@bench.test'
          and split_part(split_part(u.email, '@', 1), '-', 2)::int between $1 and $2`,
      [from, to],
    );
  },
  // what the API's member list sends (TypeORM builds the API's: MembersService.list)
  bareSql: `
    select m.user_id, u.email, u.name, m.roles, u.status, m.status as membership_status, m.created_at,
           count(*) over () as total
      from memberships m
      join users u on u.id = m.user_id
     where m.coop_id = $1
     order by u.name, m.user_id
     limit $2 offset $3`,
  bareParams: (coopId) => [coopId, PAGE_SIZE, 0],
  bareBody: (rows) => ({
    items: rows.map((row) => ({
      userId: row['user_id'],
      email: row['email'],
      name: row['name'],
      roles: row['roles'],
      status: row['status'],
      membershipStatus: row['membership_status'],
      joinedAt: (row['created_at'] as Date).toISOString(),
    })),
    total: Number(rows[0]?.['total'] ?? 0),
  }),
};
