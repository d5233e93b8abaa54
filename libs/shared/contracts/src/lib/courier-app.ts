import type { FailureReason, TaskState, TaskView } from './dispatch';

/**
 * The courier app: a courier's steps on their own task, each carrying an id chosen on the device
 * (a uuid) so that an action synced again after a lost answer is applied once; proofs of pickup
 * and delivery; batches of location fixes. Shared by the API and the console.
 */

/** start; picked up (the pickup done); delivered (the dropoff done); failed (with a reason). */
export const COURIER_STEPS = ['start', 'picked_up', 'delivered', 'failed'] as const;
export type CourierStep = (typeof COURIER_STEPS)[number];

export const PROOF_KINDS = ['photo', 'signature'] as const;
export type ProofKind = (typeof PROOF_KINDS)[number];

/** What a proof policy may require: a photo, a drawn signature, the recipient's handover code. */
export type ProofRequirement = ProofKind | 'code';

/** a proof file (photo or signature) may not exceed this */
export const MAX_PROOF_BYTES = 5 * 1024 * 1024;
/** the most location fixes one batch may carry */
export const MAX_LOCATION_FIXES = 100;
/** a fix less accurate than this (metres) says nothing useful */
export const MAX_FIX_ACCURACY_M = 5000;
/** a fix older than this is refused (a device offline all day sends nothing stale) */
export const MAX_FIX_AGE_MS = 12 * 60 * 60 * 1000;
/** a fix may be this much ahead of the server's clock (device clocks drift) */
export const FIX_CLOCK_SKEW_MS = 2 * 60 * 1000;

export interface DevicePosition {
  lat: number;
  lng: number;
  accuracyM?: number | null;
}

export interface CourierActionRequest {
  /** chosen on the device (uuid v4): the same id synced again answers the first answer */
  clientActionId: string;
  taskId: string;
  step: CourierStep;
  /** required to fail */
  reason?: FailureReason;
  note?: string | null;
  /** the handover code the recipient gave, when the policy asks for it */
  code?: string | null;
  /** where the device was when the courier acted, if it knew */
  position?: DevicePosition | null;
  /** when the courier acted on the device (ISO), if it differs from the sync */
  actedAt?: string | null;
}

export interface CourierActionResult {
  clientActionId: string;
  step: CourierStep;
  task: TaskView;
  appliedAt: string;
}

/** The body of 409 COURIER_TASK_CONFLICT: the task as it is now. */
export interface CourierTaskConflictDetails {
  taskId: string;
  state: TaskState;
  /** why it is no longer the courier's to act on */
  reason: 'reassigned' | 'unassigned' | 'cancelled';
}

/** The body of 422 PROOF_MISSING: what the coop's policy still needs. */
export interface ProofMissingDetails {
  missing: ProofRequirement[];
}

export interface TaskProofView {
  id: string;
  taskId: string;
  kind: ProofKind;
  contentType: string;
  size: number;
  createdAt: string;
}

/** What a courier must collect on their tasks, from the coop's settings. */
export interface ProofPolicyView {
  pickup: ProofRequirement[];
  dropoff: ProofRequirement[];
}

export interface LocationFix {
  lat: number;
  lng: number;
  accuracyM: number;
  recordedAt: string;
}

export interface LocationBatchRequest {
  fixes: LocationFix[];
}

export interface LocationBatchResult {
  /** fixes received; only the newest changes the stored position */
  received: number;
  /** the newest fix's time */
  newest: string;
}
