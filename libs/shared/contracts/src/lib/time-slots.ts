/**
 * A coop's time slots: the delivery windows it offers (CoopCycle's "time slots"), cut from
 * opening hours in windows of a fixed length, booked with prior notice, with an optional
 * capacity per window.
 */

export const MIN_SLOT_INTERVAL_MINUTES = 15;
export const MAX_SLOT_INTERVAL_MINUTES = 1440;
/** at most this many windows are offered by one read of a slot's choices */
export const MAX_SLOT_CHOICES = 500;

export interface TimeSlotView {
  id: string;
  name: string;
  /** the length of one window, in minutes */
  intervalMinutes: number;
  /** OpenStreetMap opening_hours text, in the coop's time zone */
  openingHours: string;
  /** a window must start at least this many minutes after the booking */
  priorNoticeMinutes: number;
  /** Monday to Friday only, public holidays of the coop's country excluded */
  workingDaysOnly: boolean;
  /** deliveries one window may hold; null: no limit */
  capacity: number | null;
  /** how many days ahead windows are offered */
  horizonDays: number;
  createdAt: string;
  updatedAt: string;
}

export interface TimeSlotRequest {
  name: string;
  intervalMinutes: number;
  openingHours: string;
  priorNoticeMinutes?: number;
  workingDaysOnly?: boolean;
  capacity?: number | null;
  horizonDays?: number;
}

/** One window a slot offers. */
export interface TimeSlotChoice {
  /** ISO 8601 instants (UTC) */
  start: string;
  end: string;
  /** deliveries already booked in it (cancelled ones excluded) */
  booked: number;
  /** places left; null: no limit */
  remaining: number | null;
}

export interface TimeSlotChoicesView {
  slotId: string;
  timeZone: string;
  /** future windows the slot can still take (full windows excluded unless asked) */
  items: TimeSlotChoice[];
}
