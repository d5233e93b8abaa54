import {
  WINDOW_PAST_TOLERANCE_MS,
  type ContactLanguage,
  type PackageLine,
  type TaskRequest,
} from '@federacycle/contracts';
import { normalizePhone } from '@federacycle/fleet-server';
import { ApiException } from '@federacycle/platform-http';

/** A task as it will be stored, checked. */
export interface CheckedTask {
  kind: TaskRequest['kind'];
  address: string;
  lat: number;
  lng: number;
  windowAfter: Date | null;
  windowBefore: Date | null;
  serviceMinutes: number;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  contactLanguage: ContactLanguage | null;
  comments: string | null;
  packages: PackageLine[];
  weightGrams: number;
}

function instant(value: string | null | undefined, field: string): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw ApiException.validation([{ field, code: 'isIso8601', message: `${field} must be an ISO 8601 instant` }]);
  }
  return date;
}

/** Coordinates in range, with their own code (the DTO has checked they are finite numbers). */
export function checkLatLng(lat: number, lng: number, where: string): void {
  if (lat < -90 || lat > 90 || lng < -180 || lng > 180) {
    throw new ApiException(
      400,
      'COORDINATES_OUT_OF_RANGE',
      `${where}: latitude must lie within -90 and 90 and longitude within -180 and 180 (got ${lat}, ${lng})`,
    );
  }
}

/** A window that opens before it closes and has not closed already (now is the caller's clock). */
export function checkWindow(after: Date | null, before: Date | null, where: string, now: number): void {
  if (after && before && before.getTime() <= after.getTime()) {
    throw new ApiException(400, 'WINDOW_CLOSES_BEFORE_OPENING', `${where}: the time window closes before it opens`);
  }
  if (before && before.getTime() < now - WINDOW_PAST_TOLERANCE_MS) {
    throw new ApiException(400, 'WINDOW_IN_PAST', `${where}: the time window closed already (${before.toISOString()})`);
  }
}

const blank = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);

/** A recipient's address: one @, no spaces, 254 characters at most (what the column accepts). */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** A dropoff's recipient email, trimmed and lower-cased; a pickup carries none (its mails are the recipient's). */
export function checkContactEmail(task: TaskRequest, where: string): string | null {
  const email = blank(task.contactEmail);
  if (email === null) return null;
  if (task.kind !== 'dropoff') {
    throw new ApiException(400, 'CONTACT_EMAIL_INVALID', `${where}: only a dropoff has a recipient to mail`);
  }
  if (email.length > 254 || !EMAIL.test(email)) {
    throw new ApiException(400, 'CONTACT_EMAIL_INVALID', `${where}: "${email.slice(0, 60)}" is not an email address`);
  }
  return email.toLowerCase();
}

/** Checks and normalises one task of a new delivery (or a rescheduled one's window). */
export function checkTask(task: TaskRequest, index: number, now: number): CheckedTask {
  const where = `Task ${index + 1} (${task.kind})`;
  checkLatLng(task.lat, task.lng, where);
  const windowAfter = instant(task.after, `tasks.${index}.after`);
  const windowBefore = instant(task.before, `tasks.${index}.before`);
  checkWindow(windowAfter, windowBefore, where, now);
  const address = task.address.trim();
  if (address.length < 3) {
    throw ApiException.validation([
      { field: `tasks.${index}.address`, code: 'minLength', message: 'address must have at least 3 characters' },
    ]);
  }
  return {
    kind: task.kind,
    address,
    lat: task.lat,
    lng: task.lng,
    windowAfter,
    windowBefore,
    serviceMinutes: task.serviceMinutes ?? 0,
    contactName: blank(task.contactName),
    contactPhone: normalizePhone(task.contactPhone),
    contactEmail: checkContactEmail(task, where),
    contactLanguage: task.contactLanguage ?? null,
    comments: blank(task.comments),
    packages: (task.packages ?? []).map((p) => ({ type: p.type, quantity: p.quantity })),
    weightGrams: task.weightGrams ?? 0,
  };
}

export { instant as parseWindowInstant };
