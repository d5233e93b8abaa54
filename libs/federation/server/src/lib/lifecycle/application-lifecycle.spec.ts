import {
  APPLICATION_EVENTS,
  APPLICATION_STATES,
  ApplicationEvent,
  ApplicationState,
  INITIAL_APPLICATION_STATE,
  applicationLifecycle,
  transitionApplication,
} from './application-lifecycle';
import { IllegalTransitionError, ReasonRequiredError } from './state-machine';

/** The specification, written independently of the implementation's table. */
const LEGAL: ReadonlyArray<[ApplicationState, ApplicationEvent, ApplicationState]> = [
  ['applied', 'start_review', 'under_review'],
  ['under_review', 'approve', 'approved'],
  ['under_review', 'reject', 'rejected'],
];

const all = APPLICATION_STATES.flatMap((s) => APPLICATION_EVENTS.map((e) => [s, e] as const));
const expectedNext = (s: ApplicationState, e: ApplicationEvent) => LEGAL.find(([f, ev]) => f === s && ev === e)?.[2];

describe('application lifecycle', () => {
  it('starts in applied', () => {
    expect(INITIAL_APPLICATION_STATE).toBe('applied');
  });

  it.each(all.filter(([s, e]) => expectedNext(s, e) !== undefined))('%s --%s--> legal', (s, e) => {
    expect(transitionApplication(s, e)).toBe(expectedNext(s, e));
    expect(applicationLifecycle.can(s, e)).toBe(true);
  });

  it.each(all.filter(([s, e]) => expectedNext(s, e) === undefined))('%s --%s--> ILLEGAL_TRANSITION', (s, e) => {
    expect(applicationLifecycle.can(s, e)).toBe(false);
    let caught: unknown;
    try {
      transitionApplication(s, e);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(IllegalTransitionError);
    const error = caught as IllegalTransitionError;
    expect(error.code).toBe('ILLEGAL_TRANSITION');
    expect(error.from).toBe(s);
    expect(error.event).toBe(e);
    expect(error.machine).toBe('application');
    expect(error.message).toContain(s);
    expect(error.message).toContain(e);
  });

  it('covers exactly states × events', () => {
    expect(all).toHaveLength(APPLICATION_STATES.length * APPLICATION_EVENTS.length);
  });

  it('final states are terminal', () => {
    expect(applicationLifecycle.allowedEvents('approved')).toEqual([]);
    expect(applicationLifecycle.allowedEvents('rejected')).toEqual([]);
    expect(applicationLifecycle.allowedEvents('under_review')).toEqual(['approve', 'reject']);
  });

  it('does not treat prototype keys as events', () => {
    expect(applicationLifecycle.can('applied', 'toString' as ApplicationEvent)).toBe(false);
    expect(() => transitionApplication('constructor' as ApplicationState, 'approve')).toThrow(IllegalTransitionError);
  });

  describe('apply (audit record)', () => {
    const at = new Date('2026-03-01T10:00:00Z');

    it('records from, event, to, actor, trimmed reason and time', () => {
      expect(
        applicationLifecycle.apply({
          from: 'under_review',
          event: 'reject',
          actorId: 'u1',
          reason: '  statutes unsigned ',
          at,
        }),
      ).toEqual({
        from: 'under_review',
        event: 'reject',
        to: 'rejected',
        actorId: 'u1',
        reason: 'statutes unsigned',
        at,
      });
    });

    it('requires a reason to reject', () => {
      expect(() =>
        applicationLifecycle.apply({
          from: 'under_review',
          event: 'reject',
          actorId: 'u1',
          reason: '   ',
          at,
        }),
      ).toThrow(ReasonRequiredError);
      expect(() =>
        applicationLifecycle.apply({
          from: 'under_review',
          event: 'reject',
          actorId: 'u1',
          at,
        }),
      ).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
    });

    it('keeps an optional reason, null when absent', () => {
      expect(
        applicationLifecycle.apply({
          from: 'applied',
          event: 'start_review',
          actorId: 'u1',
          at,
        }).reason,
      ).toBeNull();
      expect(
        applicationLifecycle.apply({
          from: 'under_review',
          event: 'approve',
          actorId: 'u1',
          reason: 'all good',
          at,
        }).reason,
      ).toBe('all good');
    });

    it('checks legality before the reason', () => {
      expect(() =>
        applicationLifecycle.apply({
          from: 'rejected',
          event: 'reject',
          actorId: 'u1',
          at,
        }),
      ).toThrow(IllegalTransitionError);
    });
  });
});
