import { ApiException } from '@federacycle/platform-http';
import { chooseCoop, summaries, toPrincipal, type PrincipalUser, type UserMembership } from './sessions.service';

const lyon: UserMembership = {
  coopId: 'c-lyon',
  coopSlug: 'lyon',
  coopName: 'Lyon',
  roles: ['courier'],
  status: 'active',
  merchantIds: [],
};
const berlin: UserMembership = {
  coopId: 'c-berlin',
  coopSlug: 'berlin',
  coopName: 'Berlin',
  roles: ['coop_admin'],
  status: 'disabled',
  merchantIds: [],
};
const user: PrincipalUser = { id: 'u', email: 'a@b.c', name: 'A', platformRoles: [] };

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
