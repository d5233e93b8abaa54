import { defineStateMachine } from './state-machine';

/**
 * Lifecycle of a member coop once its application is approved:
 * active ⇄ suspended; active → offboarding → offboarded (terminal).
 * As specified, a suspended coop must be reinstated before it can be offboarded.
 */
export const COOP_STATES = ['active', 'suspended', 'offboarding', 'offboarded'] as const;
export type CoopState = (typeof COOP_STATES)[number];

export const COOP_EVENTS = ['suspend', 'reinstate', 'start_offboarding', 'complete_offboarding'] as const;
export type CoopEvent = (typeof COOP_EVENTS)[number];

/** State of a coop created by an approved application. */
export const INITIAL_COOP_STATE: CoopState = 'active';

export const coopLifecycle = defineStateMachine<CoopState, CoopEvent>({
  name: 'coop',
  states: COOP_STATES,
  events: COOP_EVENTS,
  table: {
    active: { suspend: 'suspended', start_offboarding: 'offboarding' },
    suspended: { reinstate: 'active' },
    offboarding: { complete_offboarding: 'offboarded' },
    offboarded: {},
  },
  // every change of a coop's standing is justified in the audit trail
  reasonRequired: ['suspend', 'reinstate', 'start_offboarding'],
});

/** Next coop state, or throws `IllegalTransitionError` (code ILLEGAL_TRANSITION). */
export function transitionCoop(from: CoopState, event: CoopEvent): CoopState {
  return coopLifecycle.transition(from, event);
}
