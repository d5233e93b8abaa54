import type { AssignmentConflictDetails } from '@federacycle/contracts';
import { ApiException } from '@federacycle/platform-http';
import type { TransitionRefusal } from './task-state-machine';

export function refused(refusal: TransitionRefusal): ApiException {
  return ApiException.conflict(refusal.code, refusal.message);
}

export function alreadyAssigned(details: AssignmentConflictDetails): ApiException {
  return new ApiException(
    409,
    'TASK_ALREADY_ASSIGNED',
    `This task is already assigned to ${details.courierName}`,
    undefined,
    undefined,
    { ...details },
  );
}

export function unknownCourier(courierId: string): ApiException {
  return new ApiException(
    422,
    'UNKNOWN_COURIER',
    `No active courier ${courierId.slice(0, 36)} in this coop: pick one from the coop's couriers`,
  );
}

export const taskNotFound = (): ApiException => ApiException.notFound('Task');
export const deliveryNotFound = (): ApiException => ApiException.notFound('Delivery');
