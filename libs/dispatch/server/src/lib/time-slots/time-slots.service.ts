import { Inject, Injectable } from '@nestjs/common';
import type OpeningHours from 'opening_hours';
import type { TimeSlotChoicesView, TimeSlotRequest, TimeSlotView } from '@federacycle/contracts';
import { CLOCK, type Clock } from '@federacycle/federation-server';
import { cachedHours, hoursError, isTimeZone, OpeningHoursError, parseHours } from '@federacycle/merchants-server';
import { Coop, Database, PgErrorCode, pgErrorCode, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import type { EntityManager } from 'typeorm';
import { coopOfTx } from '../shared/task-history';
import { matchWindow, slotChoices, slotWindows, type SlotRule, type SlotWindow, type WorkingDay } from './slot-choices';
import { TimeSlot } from './time-slot.entity';

/** Working days: Monday to Friday, public holidays of the country off (Monday to Friday where it has no calendar). */
const WORKING_DAYS = 'Mo-Fr 00:00-24:00; PH off';

export function toTimeSlotView(slot: TimeSlot): TimeSlotView {
  return {
    id: slot.id,
    name: slot.name,
    intervalMinutes: slot.intervalMinutes,
    openingHours: slot.openingHours,
    priorNoticeMinutes: slot.priorNoticeMinutes,
    workingDaysOnly: slot.workingDaysOnly,
    capacity: slot.capacity,
    horizonDays: slot.horizonDays,
    createdAt: slot.createdAt.toISOString(),
    updatedAt: slot.updatedAt.toISOString(),
  };
}

export function unknownTimeSlot(id: string): ApiException {
  return new ApiException(
    422,
    'UNKNOWN_TIME_SLOT',
    `No time slot ${id.slice(0, 36)} in this coop: pick one of its time slots`,
  );
}

/** Where a coop's slots are read: its time zone and country (holidays). */
interface CoopPlace {
  timeZone: string;
  country: string;
}

/** The booking a slot gives a delivery: its window and where it is counted. */
export interface SlotBooking {
  slotId: string;
  window: SlotWindow;
}

async function coopPlace(manager: EntityManager, coopId: string): Promise<CoopPlace> {
  const coop = await manager.findOne(Coop, {
    where: { id: coopId },
    select: { id: true, timezone: true, country: true },
  });
  return { timeZone: coop && isTimeZone(coop.timezone) ? coop.timezone : 'UTC', country: coop?.country ?? 'FR' };
}

function workingDayOf(country: string): WorkingDay {
  let days: OpeningHours;
  try {
    days = cachedHours(WORKING_DAYS, { country, region: null });
  } catch {
    days = cachedHours('Mo-Fr 00:00-24:00', { country, region: null });
  }
  return (wall) => days.getState(wall);
}

function ruleOf(slot: TimeSlot): SlotRule {
  return {
    intervalMinutes: slot.intervalMinutes,
    priorNoticeMinutes: slot.priorNoticeMinutes,
    workingDaysOnly: slot.workingDaysOnly,
    capacity: slot.capacity,
    horizonDays: slot.horizonDays,
  };
}

/** Deliveries booked per window start (ms), cancelled ones excluded. */
async function bookedCounts(
  manager: EntityManager,
  coopId: string,
  slotId: string,
  from: Date,
): Promise<Map<number, number>> {
  const rows: Array<{ start: Date; n: number }> = await manager.query(
    `select time_slot_start as start, count(*)::int as n from deliveries
      where coop_id = $1 and time_slot_id = $2 and time_slot_start >= $3 and state <> 'cancelled'
      group by time_slot_start`,
    [coopId, slotId, from],
  );
  return new Map(rows.map((r) => [r.start.getTime(), r.n]));
}

/**
 * A coop's time slots: the coop admin defines them, dispatchers and partners read their windows
 * (`choices`), and a delivery created with a slot is booked in one of its windows in the
 * creator's transaction (`bookIn`), the slot's row locked so two bookings of the last place
 * cannot both pass.
 */
@Injectable()
export class TimeSlotsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(coopId: string): Promise<TimeSlotView[]> {
    const slots = await this.db.read((m) => m.find(TimeSlot, { where: { coopId }, order: { name: 'ASC' }, take: 200 }));
    return slots.map(toTimeSlotView);
  }

  async get(coopId: string, id: string): Promise<TimeSlotView> {
    const slot = await this.db.read((m) => m.findOneBy(TimeSlot, { coopId, id }));
    if (!slot) throw ApiException.notFound('Time slot');
    return toTimeSlotView(slot);
  }

  create(coopId: string, request: TimeSlotRequest): Promise<TimeSlotView> {
    return this.db.unitOfWork(async (tx) => {
      await this.checkHours(tx, request.openingHours);
      const inserted = await this.saving(() => tx.manager.insert(TimeSlot, { coopId, ...this.columns(request) }));
      const { id } = inserted.identifiers[0] as Pick<TimeSlot, 'id'>;
      return toTimeSlotView(await tx.manager.findOneByOrFail(TimeSlot, { coopId, id }));
    });
  }

  update(coopId: string, id: string, request: TimeSlotRequest): Promise<TimeSlotView> {
    return this.db.unitOfWork(async (tx) => {
      await this.checkHours(tx, request.openingHours);
      const result = await this.saving(() =>
        tx.manager.update(TimeSlot, { coopId, id }, { ...this.columns(request), updatedAt: new Date() }),
      );
      if (!result.affected) throw ApiException.notFound('Time slot');
      return toTimeSlotView(await tx.manager.findOneByOrFail(TimeSlot, { coopId, id }));
    });
  }

  remove(coopId: string, id: string): Promise<void> {
    return this.db.unitOfWork(async (tx) => {
      try {
        const touched = await tx.execute('delete from time_slots where coop_id = $1 and id = $2', [coopId, id]);
        if (touched !== 1) throw ApiException.notFound('Time slot');
      } catch (error) {
        if (pgErrorCode(error) === PgErrorCode.FOREIGN_KEY_VIOLATION) {
          throw ApiException.conflict(
            'TIME_SLOT_IN_USE',
            'Deliveries were booked in this time slot: it cannot be deleted (change its hours instead)',
          );
        }
        throw error;
      }
    });
  }

  /** The windows a booking made now can take (full ones too with `includeFull`, marked by `remaining: 0`). */
  async choices(coopId: string, id: string, includeFull = false): Promise<TimeSlotChoicesView> {
    return this.db.forCoop(coopId, (tx) => this.choicesIn(tx, id, includeFull));
  }

  async choicesIn(tx: Tx, id: string, includeFull = false): Promise<TimeSlotChoicesView> {
    const coopId = coopOfTx(tx);
    const slot = await tx.manager.findOneBy(TimeSlot, { coopId, id });
    if (!slot) throw ApiException.notFound('Time slot');
    const now = this.clock.now();
    const place = await coopPlace(tx.manager, coopId);
    const windows = this.windowsOf(slot, place, now);
    const booked = await bookedCounts(tx.manager, coopId, id, windows[0]?.start ?? now);
    return {
      slotId: id,
      timeZone: place.timeZone,
      items: slotChoices(windows, ruleOf(slot), now, booked, includeFull),
    };
  }

  /**
   * Books a delivery in one of the slot's windows, in the creator's transaction: the window asked
   * (`after`/`before`, which must be exactly one of the slot's windows), or the first one with a
   * place left when none is asked. Locks the slot's row so concurrent bookings count each other.
   * 422 UNKNOWN_TIME_SLOT, TIME_SLOT_WINDOW_INVALID, TIME_SLOT_PAST, TIME_SLOT_NO_WINDOW; 409 TIME_SLOT_FULL.
   */
  async bookIn(tx: Tx, slotId: string, asked: { after: Date | null; before: Date | null }): Promise<SlotBooking> {
    const coopId = coopOfTx(tx);
    const locked = await tx.maybeOne<{ id: string }>(
      'select id from time_slots where coop_id = $1 and id = $2 for update',
      [coopId, slotId],
    );
    if (!locked) throw unknownTimeSlot(slotId);
    const slot = await tx.manager.findOneByOrFail(TimeSlot, { coopId, id: slotId });
    const now = this.clock.now();
    const place = await coopPlace(tx.manager, coopId);
    const windows = this.windowsOf(slot, place, now);
    const rule = ruleOf(slot);
    const booked = await bookedCounts(tx.manager, coopId, slotId, windows[0]?.start ?? now);
    if (asked.after === null && asked.before === null) {
      const first = slotChoices(windows, rule, now, booked)[0];
      if (!first) {
        throw new ApiException(
          422,
          'TIME_SLOT_NO_WINDOW',
          `The time slot "${slot.name}" has no window with a place left in the next ${slot.horizonDays} days`,
        );
      }
      return { slotId, window: { start: new Date(first.start), end: new Date(first.end) } };
    }
    if (asked.after === null || asked.before === null) {
      throw new ApiException(
        422,
        'TIME_SLOT_WINDOW_INVALID',
        'With a time slot, give both ends of its window (after and before) or neither (the first free window)',
      );
    }
    const match = matchWindow(windows, rule, now, asked.after, asked.before);
    if (!match.ok) {
      const range = `${asked.after.toISOString()}/${asked.before.toISOString()}`;
      throw match.code === 'TIME_SLOT_PAST'
        ? new ApiException(
            422,
            'TIME_SLOT_PAST',
            `The window ${range} starts too soon: the time slot "${slot.name}" is booked at least ${slot.priorNoticeMinutes} minutes ahead`,
          )
        : new ApiException(
            422,
            'TIME_SLOT_WINDOW_INVALID',
            `The window ${range} is not one of the time slot "${slot.name}"'s windows: read its choices`,
          );
    }
    if (slot.capacity !== null && (booked.get(match.window.start.getTime()) ?? 0) >= slot.capacity) {
      throw ApiException.conflict(
        'TIME_SLOT_FULL',
        `The window ${match.window.start.toISOString()} of "${slot.name}" is full (${slot.capacity} deliveries): pick another one`,
      );
    }
    return { slotId, window: match.window };
  }

  /**
   * The coop's slot (by name) one of whose windows is exactly [after, before], or null: a CoopCycle
   * client sends the window it picked from a slot's choices, not the slot.
   */
  async slotOfWindowIn(tx: Tx, after: Date, before: Date): Promise<string | null> {
    const coopId = coopOfTx(tx);
    const slots = await tx.manager.find(TimeSlot, { where: { coopId }, order: { name: 'ASC' }, take: 200 });
    if (slots.length === 0) return null;
    const place = await coopPlace(tx.manager, coopId);
    const now = this.clock.now();
    const found = slots.find((slot) =>
      this.windowsOf(slot, place, now).some(
        (w) => w.start.getTime() === after.getTime() && w.end.getTime() === before.getTime(),
      ),
    );
    return found?.id ?? null;
  }

  private windowsOf(slot: TimeSlot, place: CoopPlace, now: Date): SlotWindow[] {
    const hours = cachedHours(slot.openingHours, { country: place.country, region: null });
    return slotWindows(hours, ruleOf(slot), now, place.timeZone, workingDayOf(place.country));
  }

  private async checkHours(tx: Tx, text: string): Promise<void> {
    const { country } = await coopPlace(tx.manager, coopOfTx(tx));
    try {
      parseHours(text, { country, region: null });
    } catch (error) {
      if (error instanceof OpeningHoursError) throw hoursError('openingHours', error);
      throw error;
    }
  }

  private columns(request: TimeSlotRequest): Omit<TimeSlot, 'coopId' | 'id' | 'coop' | 'createdAt' | 'updatedAt'> {
    return {
      name: request.name.trim(),
      intervalMinutes: request.intervalMinutes,
      openingHours: request.openingHours.trim(),
      priorNoticeMinutes: request.priorNoticeMinutes ?? 0,
      workingDaysOnly: request.workingDaysOnly ?? false,
      capacity: request.capacity ?? null,
      horizonDays: request.horizonDays ?? 7,
    };
  }

  private async saving<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) {
        throw ApiException.conflict(
          'TIME_SLOT_NAME_TAKEN',
          'Another time slot of the coop has this name: choose another one',
        );
      }
      throw error;
    }
  }
}
