/**
 * A tiny explicit state machine: a table `state → event → next state`. A missing entry is an
 * illegal transition. Used by the application and coop lifecycles.
 */

/** Raised for a transition absent from the table; maps to HTTP 409 `ILLEGAL_TRANSITION`. */
export class IllegalTransitionError extends Error {
  readonly code = 'ILLEGAL_TRANSITION' as const;

  constructor(
    readonly machine: string,
    readonly from: string,
    readonly event: string,
  ) {
    super(`Illegal ${machine} transition: cannot '${event}' from '${from}'.`);
    this.name = 'IllegalTransitionError';
  }
}

/** Raised when an event that requires a reason is applied without one; maps to HTTP 400. */
export class ReasonRequiredError extends Error {
  readonly code = 'REASON_REQUIRED' as const;

  constructor(
    readonly machine: string,
    readonly event: string,
  ) {
    super(`A reason is required to '${event}' (${machine}).`);
    this.name = 'ReasonRequiredError';
  }
}

export type TransitionTable<S extends string, E extends string> = Readonly<Record<S, Readonly<Partial<Record<E, S>>>>>;

/** One line of the audit trail, written for every applied transition. */
export interface TransitionRecord<S extends string, E extends string> {
  from: S;
  event: E;
  to: S;
  actorId: string;
  /** trimmed reason; `null` when none was given and none was required */
  reason: string | null;
  at: Date;
}

export interface TransitionCommand<S extends string, E extends string> {
  from: S;
  event: E;
  actorId: string;
  reason?: string | null;
  at: Date;
}

/** Longest reason kept in the audit trail. */
export const MAX_REASON_LENGTH = 2000;

export interface StateMachine<S extends string, E extends string> {
  readonly name: string;
  readonly states: readonly S[];
  readonly events: readonly E[];
  readonly table: TransitionTable<S, E>;
  /** events that need a non-empty reason in {@link StateMachine.apply} */
  readonly reasonRequired: ReadonlySet<E>;
  /** next state, or throws {@link IllegalTransitionError} */
  transition(from: S, event: E): S;
  /** whether `event` is legal from `from` */
  can(from: S, event: E): boolean;
  /** events legal from `from`, in declaration order */
  allowedEvents(from: S): E[];
  /**
   * Checks the transition and the reason, and returns the audit record to persist.
   * Throws {@link IllegalTransitionError} or {@link ReasonRequiredError}.
   */
  apply(command: TransitionCommand<S, E>): TransitionRecord<S, E>;
}

export function defineStateMachine<S extends string, E extends string>(definition: {
  name: string;
  states: readonly S[];
  events: readonly E[];
  table: TransitionTable<S, E>;
  reasonRequired: readonly E[];
}): StateMachine<S, E> {
  const { name, states, events, table } = definition;
  const reasonRequired: ReadonlySet<E> = new Set(definition.reasonRequired);

  const next = (from: S, event: E): S | undefined =>
    Object.prototype.hasOwnProperty.call(table, from) && Object.prototype.hasOwnProperty.call(table[from], event)
      ? table[from][event]
      : undefined;

  const transition = (from: S, event: E): S => {
    const to = next(from, event);
    if (to === undefined) throw new IllegalTransitionError(name, from, event);
    return to;
  };

  return {
    name,
    states,
    events,
    table,
    reasonRequired,
    transition,
    can: (from, event) => next(from, event) !== undefined,
    allowedEvents: (from) => events.filter((e) => next(from, e) !== undefined),
    apply: ({ from, event, actorId, reason, at }) => {
      const to = transition(from, event);
      const trimmed = reason?.trim() ?? '';
      if (reasonRequired.has(event) && trimmed.length === 0) throw new ReasonRequiredError(name, event);
      return {
        from,
        event,
        to,
        actorId,
        reason: trimmed.length > 0 ? trimmed.slice(0, MAX_REASON_LENGTH) : null,
        at,
      };
    },
  };
}
