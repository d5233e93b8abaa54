/** Fleet: couriers, their shifts, availability, duty and last known location. */

export const VEHICLES = ['bike', 'cargo_bike', 'e_bike', 'on_foot', 'car'] as const;
export type Vehicle = (typeof VEHICLES)[number];

/** Skills the console offers as chips; a courier may also carry free tags (see COURIER_TAG_PATTERN). */
export const COURIER_SKILLS = ['cold_chain', 'heavy', 'fragile', 'hot_food', 'documents', 'long_distance'] as const;
export type CourierSkill = (typeof COURIER_SKILLS)[number];
/** a free tag: lower-case letters, digits, `_` or `-`, 2 to 30 characters */
export const COURIER_TAG_PATTERN = /^[a-z0-9][a-z0-9_-]{1,29}$/;
export const MAX_COURIER_TAGS = 12;

/** A location older than this is stale (computed when read). */
export const LOCATION_STALE_AFTER_MS = 5 * 60 * 1000;

export interface CourierCapacity {
  weightKg: number;
  volumeLitres: number;
  boxes: number;
}

/**
 * A recurring weekly slot when the courier can ride, in the coop's local time:
 * weekday 1 (Monday) … 7 (Sunday), times `HH:MM`, end after start (no slot across midnight).
 */
export interface AvailabilitySlot {
  weekday: number;
  start: string;
  end: string;
}

export interface CourierLocationView {
  lat: number;
  lng: number;
  accuracyM: number | null;
  recordedAt: string;
  /** older than five minutes when the answer was computed */
  stale: boolean;
}

export interface CourierView {
  id: string;
  userId: string;
  email: string;
  displayName: string;
  phone: string | null;
  vehicle: Vehicle;
  /** why a car: required when the vehicle is a car (the exception) */
  vehicleNote: string | null;
  capacity: CourierCapacity;
  skills: string[];
  memberOwner: boolean;
  active: boolean;
  availability: AvailabilitySlot[];
  /** the start of the open duty period, or null when off duty */
  onDutySince: string | null;
  location: CourierLocationView | null;
  createdAt: string;
  updatedAt: string;
}

export interface CourierRequest {
  userId: string;
  displayName: string;
  phone?: string | null;
  vehicle: Vehicle;
  vehicleNote?: string | null;
  capacity?: Partial<CourierCapacity>;
  skills?: string[];
  memberOwner?: boolean;
  active?: boolean;
}

export type CourierPatch = Partial<Omit<CourierRequest, 'userId'>>;

/** What a courier may change of their own profile. */
export interface OwnCourierPatch {
  phone?: string | null;
  availability?: AvailabilitySlot[];
}

export interface CouriersQuery {
  q?: string;
  vehicle?: Vehicle;
  onDuty?: 'true' | 'false';
  limit?: number;
  offset?: number;
}

/** A courier membership that has no profile yet (the "create profile" picker). */
export interface CourierCandidateView {
  userId: string;
  name: string;
  email: string;
  /** the membership also holds the `member` role */
  member: boolean;
}

export interface ShiftView {
  id: string;
  courierId: string;
  courierName: string;
  startsAt: string;
  endsAt: string;
  zoneId: string | null;
  note: string | null;
}

export interface ShiftRequest {
  courierId: string;
  startsAt: string;
  endsAt: string;
  zoneId?: string | null;
  note?: string | null;
}

export interface ShiftsQuery {
  /** ISO instant: the start of the window (a day or a week, the console decides) */
  from: string;
  /** ISO instant, after `from`, at most 31 days later */
  to: string;
  courierId?: string;
}

export interface DutyPeriodView {
  id: string;
  startedAt: string;
  endedAt: string | null;
}

export interface LocationRequest {
  lat: number;
  lng: number;
  accuracyM?: number | null;
  recordedAt?: string;
}

/** The worker-ownership figures of the coop now, with the federation's threshold. */
export interface WorkerOwnershipFiguresView {
  activeCouriers: number;
  memberCouriers: number;
  /** members / active in [0, 1]; null with no active courier */
  share: number | null;
  threshold: number;
  belowThreshold: boolean;
}
