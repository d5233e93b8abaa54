import { defineJob } from '@federacycle/platform-queue';

/**
 * Fleet's events for other domains. Fleet may not import the domains that react (dispatch
 * replans when the fleet on duty changes), so it declares the job here and writes it to the
 * outbox in the transaction of the change; the reacting domain's worker consumes the queue.
 */
export const FLEET_EVENTS_QUEUE = 'fleet-events';

export interface DutyChangedPayload {
  courierId: string;
  onDuty: boolean;
}

/** a courier went on or off duty */
export const DUTY_CHANGED_JOB = defineJob<DutyChangedPayload>(FLEET_EVENTS_QUEUE, 'fleet.duty-changed');
