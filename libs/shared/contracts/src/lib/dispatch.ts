/**
 * Dispatch: deliveries, their tasks (pickups and dropoffs), assignment to couriers and each
 * task's history. Shared by the API and the console.
 */

export const DELIVERY_STATES = ['open', 'in_progress', 'completed', 'failed', 'cancelled'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const TASK_STATES = ['open', 'assigned', 'started', 'done', 'failed', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_KINDS = ['pickup', 'dropoff'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** What a person (dispatcher or courier) may ask of a task's state; assignment has its own routes. */
export const TASK_ACTIONS = ['start', 'complete', 'fail', 'cancel'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export const PACKAGE_TYPES = ['parcel', 'envelope', 'bag', 'box', 'crate', 'pallet', 'other'] as const;
export type PackageType = (typeof PACKAGE_TYPES)[number];

/** Why a task failed (the courier app offers these). */
export const FAILURE_REASONS = [
  'recipient_absent',
  'address_not_found',
  'refused',
  'damaged',
  'not_ready',
  'closed',
  'other',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** Where a change came from. */
export const EVENT_SOURCES = ['console', 'courier_app', 'partner_api', 'storefront', 'worker'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

export const TASK_EVENT_TYPES = [
  'created',
  'assigned',
  'unassigned',
  'reassigned',
  'reordered',
  'started',
  'done',
  'failed',
  'cancelled',
  'rescheduled',
] as const;
export type TaskEventType = (typeof TASK_EVENT_TYPES)[number];

/** The languages a recipient's tracking mails are written in. */
export const CONTACT_LANGUAGES = ['en', 'fr'] as const;
export type ContactLanguage = (typeof CONTACT_LANGUAGES)[number];

/** Limits of one delivery. */
export const MAX_TASKS_PER_DELIVERY = 20;
export const MAX_PACKAGE_LINES = 20;
export const MAX_BULK_ASSIGN = 200;
/** a window may open at most this long before now (a task created a little late is fine) */
export const WINDOW_PAST_TOLERANCE_MS = 5 * 60 * 1000;

export interface PackageLine {
  type: PackageType;
  quantity: number;
}

export interface TaskRequest {
  kind: TaskKind;
  /** the address as written (street, number, floor, city) */
  address: string;
  lat: number;
  lng: number;
  /** ISO instants: the window in which service may start */
  after?: string | null;
  before?: string | null;
  /** minutes spent on site */
  serviceMinutes?: number;
  contactName?: string | null;
  contactPhone?: string | null;
  comments?: string | null;
  packages?: PackageLine[];
  weightGrams?: number;
  /** a dropoff's recipient: the tracking mails (on the way, delivered) go there */
  contactEmail?: string | null;
  /** the language of those mails (default en) */
  contactLanguage?: ContactLanguage | null;
}

export interface CreateDeliveryRequest {
  /** the client's own reference (order number…) */
  reference?: string | null;
  /** the merchant it is for (one of the coop's) */
  merchantId?: string | null;
  /**
   * a time slot of the coop: the dropoffs take one of its windows (the one their after/before
   * name, which must be exactly one of the slot's, or the first with a place left)
   */
  timeSlotId?: string | null;
  tasks: TaskRequest[];
}

export interface TaskAssignmentView {
  courierId: string;
  courierName: string;
  /** position in the courier's ordered list (0 first) */
  position: number;
  pinned: boolean;
  assignedAt: string;
}

export interface TaskView {
  id: string;
  deliveryId: string;
  kind: TaskKind;
  state: TaskState;
  /** 1 for the first attempt; a rescheduled failed task is a new task with attempt + 1 */
  attempt: number;
  previousTaskId: string | null;
  address: string;
  lat: number;
  lng: number;
  after: string | null;
  before: string | null;
  serviceMinutes: number;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  contactLanguage: ContactLanguage | null;
  comments: string | null;
  packages: PackageLine[];
  weightGrams: number;
  failureReason: FailureReason | null;
  assignment: TaskAssignmentView | null;
  createdAt: string;
  updatedAt: string;
}

export interface DeliveryView {
  id: string;
  reference: string | null;
  state: DeliveryState;
  merchantId: string | null;
  /** the public tracking page's token (unguessable) */
  trackingToken: string;
  /** where it was created: the console, the partner API, the storefront… */
  source: EventSource;
  /** the time slot its dropoffs were booked in, or null */
  timeSlotId: string | null;
  tasks: TaskView[];
  createdAt: string;
  updatedAt: string;
}

/** A row of the deliveries list. */
export interface DeliverySummaryView {
  id: string;
  reference: string | null;
  state: DeliveryState;
  pickups: number;
  dropoffs: number;
  /** the first pickup's and the first dropoff's address */
  from: string;
  to: string;
  /** the earliest window opening and the latest closing among the tasks */
  after: string | null;
  before: string | null;
  merchantId: string | null;
  merchantName: string | null;
  /** the courier holding the first dropoff (or else the first pickup), when one does */
  courierName: string | null;
  createdAt: string;
}

/** The Deliveries page's search (every filter optional; dates are the creation day, inclusive). */
export interface DeliverySearch {
  state?: DeliveryState;
  /** YYYY-MM-DD, the coop's day (Europe/Paris for now) */
  from?: string;
  to?: string;
  merchantId?: string;
  courierId?: string;
  /** a piece of any task's address */
  address?: string;
}

/** The most rows one CSV export holds (filter further for more). */
export const MAX_DELIVERY_EXPORT_ROWS = 50_000;

/** A step of the public tracking page's timeline. */
export const TRACKING_STEPS = [
  'created',
  'assigned',
  'picked_up',
  'on_the_way',
  'delivered',
  'failed',
  'cancelled',
] as const;
export type TrackingStep = (typeof TRACKING_STEPS)[number];

export interface TrackingTimelineEntry {
  step: TrackingStep;
  /** when it happened; null: not yet */
  at: string | null;
}

/** What the recipient's tracking page shows: the delivery's progress, nothing else of the coop. */
export interface TrackingView {
  coopName: string;
  state: DeliveryState;
  /** the steps reached so far and those to come (at null), in order */
  timeline: TrackingTimelineEntry[];
  /** the dropoff's address, its place and its window */
  dropoff: { address: string; lat: number; lng: number; after: string | null; before: string | null };
  /** the expected arrival: from the courier's last position while under way, else the window */
  eta: { at: string; basis: 'position' | 'window' } | null;
  /** only while the dropoff is under way (task started or pickups done): first name and position */
  courier: { firstName: string; lat: number | null; lng: number | null; at: string | null } | null;
  /**
   * Proof of delivery (photos, drawn signature of the delivered dropoffs), only once the delivery
   * is completed; each served by `GET /api/track/:token/proofs/:id` for this token only.
   */
  proofs: TrackingProof[];
  /**
   * The 6-digit code the recipient gives the courier at the door: only while the delivery is open
   * or in progress and the coop's dropoff proof policy is `code`; never after.
   */
  handoverCode: string | null;
  updatedAt: string;
}

export interface TrackingProof {
  id: string;
  kind: 'photo' | 'signature';
  /** the image, through this delivery's token (relative to the site) */
  url: string;
  at: string;
}

/** A proof a courier collected on one of a delivery's tasks, as the coop's people see it. */
export interface DeliveryProofView {
  id: string;
  taskId: string;
  taskKind: TaskKind;
  kind: 'photo' | 'signature';
  contentType: string;
  size: number;
  /** who collected it (the courier's display name) */
  courierName: string;
  createdAt: string;
}

/** What an event records beside its states: flat values only. */
export type TaskEventData = Record<string, string | number | boolean | null>;

export interface TaskEventView {
  id: string;
  taskId: string;
  type: TaskEventType;
  fromState: TaskState | null;
  toState: TaskState | null;
  at: string;
  actorId: string | null;
  /** the person who made the change (null: a job, or the seed) */
  actorName: string | null;
  requestId: string;
  source: EventSource;
  data: TaskEventData;
}

export interface AssignRequest {
  courierId: string;
  /** a manual decision the planner keeps (default true for a dispatcher's assignment) */
  pinned?: boolean;
}

export interface ReassignRequest {
  /** the courier the dispatcher saw holding the task: a concurrent change answers 409 */
  fromCourierId: string;
  toCourierId: string;
}

export interface BulkAssignRequest {
  courierId: string;
  taskIds: string[];
}

export interface CourierTaskOrderRequest {
  /** the courier's whole list of active tasks, in the new order */
  taskIds: string[];
}

export interface TaskActionRequest {
  action: TaskAction;
  reason?: FailureReason;
  note?: string | null;
}

export interface RescheduleRequest {
  after?: string | null;
  before?: string | null;
}

/** The body of 409 TASK_ALREADY_ASSIGNED: who holds the task. */
export interface AssignmentConflictDetails {
  taskId: string;
  courierId: string;
  courierName: string;
}

/**
 * The optimizer's proposal in `suggest` mode (one per coop, replaced by each planning run): for
 * each courier the open tasks it would give them, in route order; the open tasks it could not
 * place; the plan's distance and its late tasks.
 */
export interface PlanProposalView {
  id: string;
  createdAt: string;
  couriers: { courierId: string; taskIds: string[] }[];
  unassignedTaskIds: string[];
  stats: { distanceKm: number; lateTasks: number };
}

export interface PlanProposalResponse {
  proposal: PlanProposalView | null;
}

export interface AcceptProposalRequest {
  /** accept the proposal for these couriers only (all when omitted) */
  courierIds?: string[];
}

/** A proposed task that was not assigned, and why (PROPOSAL_STALE, TASK_ALREADY_ASSIGNED, …). */
export interface ProposalConflict {
  taskId: string;
  code: string;
}

export interface AcceptProposalResult {
  assigned: number;
  conflicts: ProposalConflict[];
}
