import { CourierOwnershipRecord, computeWorkerOwnership, nextBelowSince } from './worker-ownership';

const now = new Date('2026-05-31T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const courier = (
  userId: string,
  isMember: boolean,
  lastActiveAt: Date | null = daysAgo(1),
): CourierOwnershipRecord => ({ userId, isMember, lastActiveAt });
const crew = (members: number, others: number) => [
  ...Array.from({ length: members }, (_, i) => courier(`m${i}`, true)),
  ...Array.from({ length: others }, (_, i) => courier(`o${i}`, false)),
];

describe('computeWorkerOwnership', () => {
  it.each([
    // members, non-members, threshold, share, below
    [3, 1, 0.5, 0.75, false],
    [1, 3, 0.5, 0.25, true],
    [2, 2, 0.5, 0.5, false], // exactly at the threshold is compliant
    [1, 1, 0.5, 0.5, false],
    [7, 3, 0.7, 0.7, false], // 7/10 vs 0.7: no floating-point surprise
    [6, 4, 0.7, 0.6, true],
    [2, 1, 2 / 3, 2 / 3, false],
    [0, 5, 0.5, 0, true],
    [5, 0, 1, 1, false],
    [4, 1, 1, 0.8, true],
  ])('%i members + %i others at threshold %d → share %d, below %s', (m, o, threshold, share, below) => {
    expect(computeWorkerOwnership(crew(m, o), now, threshold)).toEqual({
      activeCouriers: m + o,
      memberCouriers: m,
      share,
      belowThreshold: below,
      threshold,
    });
  });

  it('defaults to a 50 % threshold', () => {
    expect(computeWorkerOwnership(crew(1, 2), now).threshold).toBe(0.5);
    expect(computeWorkerOwnership(crew(1, 2), now).belowThreshold).toBe(true);
  });

  it('counts only couriers active in the last 30 days (bounds included)', () => {
    const result = computeWorkerOwnership(
      [
        courier('a', true, daysAgo(30)),
        courier('b', false, new Date(daysAgo(30).getTime() - 1)),
        courier('c', false, null),
        courier('d', false, daysAgo(0)),
        courier('e', true, new Date(now.getTime() + 60_000)), // clock skew
        courier('f', false, new Date('invalid')),
      ],
      now,
      0.5,
    );
    expect(result).toMatchObject({ activeCouriers: 3, memberCouriers: 2 });
  });

  it('with no active courier there is nothing to judge', () => {
    expect(computeWorkerOwnership([], now)).toEqual({
      activeCouriers: 0,
      memberCouriers: 0,
      share: null,
      belowThreshold: false,
      threshold: 0.5,
    });
    expect(computeWorkerOwnership([courier('x', false, daysAgo(90))], now).belowThreshold).toBe(false);
  });

  it('counts a courier listed twice once, member if any record says so', () => {
    expect(computeWorkerOwnership([courier('a', false), courier('a', true), courier('b', false)], now)).toMatchObject({
      activeCouriers: 2,
      memberCouriers: 1,
      share: 0.5,
    });
  });

  it.each([[0], [-0.1], [1.01], [Number.NaN]])('rejects threshold %d', (threshold) => {
    expect(() => computeWorkerOwnership([], now, threshold)).toThrow(RangeError);
  });
});

describe('nextBelowSince', () => {
  const earlier = daysAgo(10);
  it('starts, keeps and clears the breach date', () => {
    expect(nextBelowSince(null, { belowThreshold: true }, now)).toBe(now);
    expect(nextBelowSince(earlier, { belowThreshold: true }, now)).toBe(earlier);
    expect(nextBelowSince(earlier, { belowThreshold: false }, now)).toBeNull();
    expect(nextBelowSince(null, { belowThreshold: false }, now)).toBeNull();
  });
});
