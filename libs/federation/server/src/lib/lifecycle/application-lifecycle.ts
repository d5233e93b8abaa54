import { defineStateMachine } from './state-machine';

/**
 * Lifecycle of an application to join the federation:
 * applied → under_review → approved | rejected. Approval is when the coop is created (state
 * `active`) and its first admin invited; both final states are terminal.
 */
export const APPLICATION_STATES = ['applied', 'under_review', 'approved', 'rejected'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_EVENTS = ['start_review', 'approve', 'reject'] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

export const INITIAL_APPLICATION_STATE: ApplicationState = 'applied';

export const applicationLifecycle = defineStateMachine<ApplicationState, ApplicationEvent>({
  name: 'application',
  states: APPLICATION_STATES,
  events: APPLICATION_EVENTS,
  table: {
    applied: { start_review: 'under_review' },
    under_review: { approve: 'approved', reject: 'rejected' },
    approved: {},
    rejected: {},
  },
  // a rejection is explained to the applicant
  reasonRequired: ['reject'],
});

/** Next application state, or throws `IllegalTransitionError` (code ILLEGAL_TRANSITION). */
export function transitionApplication(from: ApplicationState, event: ApplicationEvent): ApplicationState {
  return applicationLifecycle.transition(from, event);
}
