import { ApiException } from '@federacycle/platform-http';
import { chooseCoop, summaries, toPrincipal, type MembershipRow, type UserRow } from './sessions.service';

const lyon: MembershipRow = { coop_id: 'c-lyon', slug: 'lyon', name: 'Lyon', roles: ['courier'], status: 'active' };
const berlin: MembershipRow = {
  coop_id: 'c-berlin',
  slug: 'berlin',
  name: 'Berlin',
  roles: ['coop_admin'],
  status: 'disabled',
};
const user: UserRow = { id: 'u', email: 'a@b.c', name: 'A', status: 'active', platform_roles: [] };

describe('session helpers', () => {
  it('opens the asked coop only with an active membership, else the first active one', () => {
    expect(chooseCoop([berlin, lyon], undefined)).toBe('c-lyon');
    expect(chooseCoop([berlin, lyon], 'c-lyon')).toBe('c-lyon');
    expect(() => chooseCoop([berlin, lyon], 'c-berlin')).toThrow(ApiException);
    expect(() => chooseCoop([lyon], 'c-elsewhere')).toThrow(/not an active member/);
    expect(chooseCoop([], undefined)).toBeNull();
  });

  it('lists active memberships only and gives the roles of the selected coop', () => {
    expect(summaries([berlin, lyon])).toEqual([
      { coopId: 'c-lyon', coopSlug: 'lyon', coopName: 'Lyon', roles: ['courier'] },
    ]);
    expect(toPrincipal(user, 'c-lyon', [berlin, lyon], 's').roles).toEqual(['courier']);
    expect(toPrincipal(user, 'c-berlin', [berlin, lyon], 's').roles).toEqual([]);
    expect(toPrincipal(user, null, [lyon], 's')).toMatchObject({ coopId: null, roles: [], sessionId: 's' });
  });
});
