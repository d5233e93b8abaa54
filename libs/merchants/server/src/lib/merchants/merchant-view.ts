import type { MerchantSummary, MerchantView, OpeningState } from '@federacycle/contracts';
import { cachedHours, preparationMinutesAt } from '../hours/hours-cache';
import { openingState } from '../hours/opening-hours';
import type { Merchant } from './merchant.entity';

const CLOSED: OpeningState = { openNow: false, nextChange: null, opensAt: null, closesAt: null, holidayToday: false };

/** The active pause: a pause whose automatic end has passed counts as none. */
export function activePause(m: Pick<Merchant, 'pausedAt' | 'pauseReason' | 'pausedUntil'>, now: Date) {
  if (!m.pausedAt || (m.pausedUntil && m.pausedUntil.getTime() <= now.getTime())) return null;
  return {
    reason: m.pauseReason ?? '',
    pausedAt: m.pausedAt.toISOString(),
    until: m.pausedUntil?.toISOString() ?? null,
  };
}

/**
 * What the hours say now; a paused or archived merchant is closed, and while paused its next
 * change is the pause's end when it has one.
 */
export function stateOf(m: Merchant, timeZone: string, now: Date): OpeningState {
  if (m.archivedAt) return CLOSED;
  let state: OpeningState;
  try {
    state = openingState(cachedHours(m.openingHours, { country: m.country, region: m.holidayRegion }), now, timeZone);
  } catch {
    return CLOSED; // validated on write; a library change must not break reads
  }
  const pause = activePause(m, now);
  if (!pause) return state;
  return { ...CLOSED, holidayToday: state.holidayToday, nextChange: pause.until, opensAt: pause.until };
}

export function toMerchantView(m: Merchant, timeZone: string, now: Date): MerchantView {
  return {
    id: m.id,
    name: m.name,
    kind: m.kind,
    address: {
      line1: m.addressLine1,
      line2: m.addressLine2,
      postalCode: m.postalCode,
      city: m.city,
      country: m.country,
    },
    location: { lat: m.lat, lng: m.lng, geocodedBy: m.geocodedBy, geocoderRef: m.geocoderRef },
    contact: { name: m.contactName, phone: m.contactPhone, email: m.contactEmail },
    openingHours: m.openingHours,
    holidayRegion: m.holidayRegion,
    preparation: { defaultMinutes: m.prepDefaultMinutes, busy: m.prepBusy },
    fulfilment: m.fulfilment,
    perimeter:
      m.perimeterKind === 'zone'
        ? { kind: 'zone', zoneId: m.perimeterZoneId as string }
        : { kind: 'radius', radiusM: m.perimeterRadiusM as number },
    minimumOrder: { amount: m.minOrderAmount, currency: m.currency },
    pause: activePause(m, now),
    archived: m.archivedAt !== null,
    timezone: timeZone,
    state: stateOf(m, timeZone, now),
    preparationMinutesNow: preparationMinutesAt(m.prepDefaultMinutes, m.prepBusy, now, {
      country: m.country,
      region: m.holidayRegion,
      timeZone,
    }),
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

export function toMerchantSummary(m: Merchant, timeZone: string, now: Date): MerchantSummary {
  const state = stateOf(m, timeZone, now);
  return {
    id: m.id,
    name: m.name,
    kind: m.kind,
    city: m.city,
    paused: activePause(m, now) !== null,
    archived: m.archivedAt !== null,
    openNow: state.openNow,
    nextChange: state.nextChange,
  };
}
