import {
  COOP_EVENTS,
  COOP_STATES,
  CoopEvent,
  CoopState,
  INITIAL_COOP_STATE,
  coopLifecycle,
  transitionCoop,
} from './coop-lifecycle';
import { IllegalTransitionError, MAX_REASON_LENGTH, ReasonRequiredError } from './state-machine';

/** The specification, written independently of the implementation's table. */
const LEGAL: ReadonlyArray<[CoopState, CoopEvent, CoopState]> = [
  ['active', 'suspend', 'suspended'],
  ['suspended', 'reinstate', 'active'],
  ['active', 'start_offboarding', 'offboarding'],
  ['offboarding', 'complete_offboarding', 'offboarded'],
];

const all = COOP_STATES.flatMap((s) => COOP_EVENTS.map((e) => [s, e] as const));
const expectedNext = (s: CoopState, e: CoopEvent) => LEGAL.find(([f, ev]) => f === s && ev === e)?.[2];

describe('coop lifecycle', () => {
  it('a new coop is active', () => {
    expect(INITIAL_COOP_STATE).toBe('active');
  });

  it.each(all.filter(([s, e]) => expectedNext(s, e) !== undefined))('%s --%s--> legal', (s, e) => {
    expect(transitionCoop(s, e)).toBe(expectedNext(s, e));
    expect(coopLifecycle.can(s, e)).toBe(true);
  });

  it.each(all.filter(([s, e]) => expectedNext(s, e) === undefined))('%s --%s--> ILLEGAL_TRANSITION', (s, e) => {
    expect(coopLifecycle.can(s, e)).toBe(false);
    expect(() => transitionCoop(s, e)).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_TRANSITION',
        machine: 'coop',
        from: s,
        event: e,
      }),
    );
    expect(() => transitionCoop(s, e)).toThrow(IllegalTransitionError);
  });

  it('offboarded is terminal', () => {
    expect(coopLifecycle.allowedEvents('offboarded')).toEqual([]);
  });

  it.each(['suspend', 'reinstate', 'start_offboarding'] as const)('requires a reason for %s', (event) => {
    const from = LEGAL.find(([, e]) => e === event)?.[0] as CoopState;
    const at = new Date('2026-01-01T00:00:00Z');
    expect(() => coopLifecycle.apply({ from, event, actorId: 'admin', reason: '', at })).toThrow(ReasonRequiredError);
    expect(
      coopLifecycle.apply({
        from,
        event,
        actorId: 'admin',
        reason: 'documented',
        at,
      }).to,
    ).toBe(expectedNext(from, event));
  });

  it('completing the offboarding needs no reason', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(
      coopLifecycle.apply({
        from: 'offboarding',
        event: 'complete_offboarding',
        actorId: 'admin',
        at,
      }),
    ).toMatchObject({
      to: 'offboarded',
      reason: null,
    });
  });

  it('bounds the stored reason', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const record = coopLifecycle.apply({
      from: 'active',
      event: 'suspend',
      actorId: 'a',
      reason: 'x'.repeat(5000),
      at,
    });
    expect(record.reason).toHaveLength(MAX_REASON_LENGTH);
  });
});
