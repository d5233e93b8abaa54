import type { StoredLink } from './ballot-chain';
import { activeProxies, countedChoices, tallyOf, type TallyVoter } from './tally';

let seq = 0;
const vote = (voterId: string, choice: 'yes' | 'no' | 'abstain', castBy = voterId): StoredLink =>
  ({ seq: ++seq, kind: 'vote', voterId, castBy, choice, holderId: null }) as StoredLink;
const proxy = (voterId: string, holderId: string): StoredLink =>
  ({ seq: ++seq, kind: 'proxy', voterId, castBy: voterId, choice: null, holderId }) as StoredLink;
const revoke = (voterId: string): StoredLink =>
  ({ seq: ++seq, kind: 'proxy_revoked', voterId, castBy: voterId, choice: null, holderId: null }) as StoredLink;
const voters = (...ids: string[]): TallyVoter[] =>
  ids.map((userId) => ({ userId, collegeId: null, collegeName: null, collegeWeight: 1 }));

describe('the tally', () => {
  it('counts the last vote of each voter once, and only the snapshot', () => {
    const links = [vote('a', 'no'), vote('a', 'yes'), vote('b', 'no'), vote('stranger', 'yes')];
    expect(countedChoices(links).get('a')).toBe('yes');
    const t = tallyOf(voters('a', 'b', 'c', 'd'), links, 50, 50, 'h');
    expect(t).toMatchObject({
      voters: 4,
      voted: 2,
      yes: 1,
      no: 1,
      participationPercent: 50,
      yesPercent: 50,
      outcome: 'passed',
    });
  });

  it('no quorum below the quorum; rejected below the threshold; abstentions count for quorum only', () => {
    expect(tallyOf(voters('a', 'b', 'c', 'd'), [vote('a', 'yes')], 30, 50, '').outcome).toBe('no_quorum');
    expect(tallyOf(voters('a', 'b'), [vote('a', 'yes'), vote('b', 'no')], 0, 60, '').outcome).toBe('rejected');
    expect(tallyOf(voters('a', 'b'), [vote('a', 'abstain'), vote('b', 'abstain')], 50, 50, '')).toMatchObject({
      quorumReached: true,
      yesPercent: null,
      outcome: 'rejected',
    });
    expect(tallyOf([], [], 0, 0, '').outcome).toBe('no_quorum');
  });

  it('two votes of three meet a two-thirds threshold (66.67 %)', () => {
    const t = tallyOf(voters('a', 'b', 'c'), [vote('a', 'yes'), vote('b', 'yes'), vote('c', 'no')], 0, 66.67, '');
    expect(t).toMatchObject({ yesPercent: 66.67, outcome: 'passed' });
  });

  it('colleges: the weighted sum of each college’s yes share', () => {
    const v: TallyVoter[] = [
      { userId: 'w1', collegeId: 'w', collegeName: 'Workers', collegeWeight: 3 },
      { userId: 'w2', collegeId: 'w', collegeName: 'Workers', collegeWeight: 3 },
      { userId: 'u1', collegeId: 'u', collegeName: 'Users', collegeWeight: 1 },
      { userId: 'u2', collegeId: 'u', collegeName: 'Users', collegeWeight: 1 },
      { userId: 'u3', collegeId: 'u', collegeName: 'Users', collegeWeight: 1 },
    ];
    // workers 1/2 yes, users 0/3 yes: (3 × 0.5 + 1 × 0) / 4 = 37.5 %
    const links = [vote('w1', 'yes'), vote('w2', 'no'), vote('u1', 'no'), vote('u2', 'no'), vote('u3', 'no')];
    const t = tallyOf(v, links, 0, 30, '');
    expect(t.yesPercent).toBe(37.5);
    expect(t.outcome).toBe('passed');
    expect(t.colleges.map((c) => [c.name, c.yesPercent])).toEqual([
      ['Users', 0],
      ['Workers', 50],
    ]);
    // unweighted it would be 1 yes of 5: 20 %
    expect(tallyOf(voters('w1', 'w2', 'u1', 'u2', 'u3'), links, 0, 30, '').outcome).toBe('rejected');
  });

  it('a vote cast by a proxy holder counts for the giver; proxies follow grants and revocations', () => {
    const links = [proxy('a', 'b'), vote('a', 'yes', 'b'), proxy('c', 'b'), revoke('c')];
    expect([...activeProxies(links)]).toEqual([['a', 'b']]);
    expect(countedChoices(links).get('a')).toBe('yes');
    expect(countedChoices(links).has('b')).toBe(false);
  });
});
