import { Inject, Injectable } from '@nestjs/common';
import type {
  PartnerDeliveryRequest,
  PartnerDeliveryView,
  PartnerPrincipal,
  TimeSlotChoice,
  TimeSlotView,
} from '@federacycle/contracts';
import { TimeSlotsService } from '@federacycle/dispatch-server';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException, idempotent, type IdempotentResult } from '@federacycle/platform-http';
import { PartnerDeliveriesService, partnerDeliveryNotFound } from '../partner-deliveries/partner-deliveries.service';
import { coopcycleNumbers, coopcycleRef } from './coopcycle-ids';
import {
  CoopcycleViolations,
  fromCoopcycleDelivery,
  toCoopcycleDelivery,
  type Violation,
} from './coopcycle-deliveries.mapping';

type Json = Record<string, unknown>;

/** Where a refusal of ours lands in CoopCycle's violation list (the field a code is about). */
const PROPERTY_OF: Partial<Record<string, string>> = {
  WINDOW_CLOSES_BEFORE_OPENING: 'dropoff.before',
  WINDOW_IN_PAST: 'dropoff.before',
  COORDINATES_OUT_OF_RANGE: 'dropoff.address',
  OUTSIDE_SERVICE_AREA: 'dropoff.address',
  PICKUP_REQUIRED: 'pickup.address',
  CONTACT_EMAIL_INVALID: 'dropoff.address',
  TIME_SLOT_WINDOW_INVALID: 'dropoff.timeSlot',
  TIME_SLOT_PAST: 'dropoff.timeSlot',
  TIME_SLOT_FULL: 'dropoff.timeSlot',
  TIME_SLOT_NO_WINDOW: 'dropoff.timeSlot',
  UNKNOWN_TIME_SLOT: 'dropoff.timeSlot',
};

/** A 4xx of the native API as CoopCycle's violations (400), or null when it is not a validation problem. */
export function asViolations(error: unknown): Violation[] | null {
  if (error instanceof CoopcycleViolations) return error.violations;
  if (!(error instanceof ApiException)) return null;
  const status = error.getStatus();
  if (status !== 400 && status !== 422 && !(status === 409 && error.code === 'TIME_SLOT_FULL')) return null;
  const body = error.getResponse() as { errors?: Array<{ field: string; message: string }> };
  if (body.errors && body.errors.length > 0) {
    return body.errors.map((e) => ({ propertyPath: e.field.replace(/\[(\d+)\]/g, '.$1'), message: e.message }));
  }
  return [{ propertyPath: PROPERTY_OF[error.code] ?? '', message: error.message }];
}

/** "2 hours", "30 minutes": CoopCycle's way of writing a duration. */
export function durationText(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} ${minutes === 60 ? 'hour' : 'hours'}`;
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** An instant with the zone's offset, as CoopCycle writes choices: 2026-12-03T10:00:00+01:00. */
export function isoInZone(iso: string, timeZone: string): string {
  const at = new Date(iso);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const f = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const wall = Date.UTC(+f('year'), +f('month') - 1, +f('day'), +f('hour'), +f('minute'), +f('second'));
  const offset = Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${f('year')}-${f('month')}-${f('day')}T${f('hour')}:${f('minute')}:${f('second')}${sign}${hh}:${mm}`;
}

export function timeSlotJson(slot: TimeSlotView): Json {
  return {
    '@context': '/api/contexts/TimeSlot',
    '@id': `/api/time_slots/${slot.id}`,
    '@type': 'TimeSlot',
    id: slot.id,
    name: slot.name,
    interval: durationText(slot.intervalMinutes),
    priorNotice: slot.priorNoticeMinutes > 0 ? durationText(slot.priorNoticeMinutes) : null,
    workingDaysOnly: slot.workingDaysOnly,
    openingHours: [slot.openingHours],
    openingHoursSpecification: [],
  };
}

export function choicesJson(choices: readonly TimeSlotChoice[], timeZone: string, locale = 'fr-FR'): Json {
  const label = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
  return {
    choices: choices.map((c) => ({
      value: `${isoInZone(c.start, timeZone)}/${isoInZone(c.end, timeZone)}`,
      label: label.formatRange(new Date(c.start), new Date(c.end)),
    })),
  };
}

/**
 * CoopCycle's delivery endpoints over the partner API's use cases: same checks, isolation and
 * standing; CoopCycle's shapes and integer ids on the way in and out.
 */
@Injectable()
export class CoopcycleDeliveriesService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(PartnerDeliveriesService) private readonly partnerDeliveries: PartnerDeliveriesService,
    @Inject(TimeSlotsService) private readonly timeSlots: TimeSlotsService,
  ) {}

  /** POST {base}/api/deliveries → 201 Delivery (the same Idempotency-Key rules as the native API). */
  async create(partner: PartnerPrincipal, body: unknown, key: string | null): Promise<IdempotentResult<Json>> {
    const request = fromCoopcycleDelivery(body);
    const test = await this.partnerDeliveries.admit(partner.coopId);
    return this.db.forCoop(partner.coopId, (tx) =>
      idempotent(
        tx,
        { caller: `partner:${partner.clientId}`, key, route: 'POST coopcycle deliveries', body },
        async () => {
          const view = await this.partnerDeliveries.createIn(tx, partner, await this.withSlot(tx, body, request), test);
          return { status: 201, body: await this.shapeIn(tx, view) };
        },
      ),
    );
  }

  /** A dropoff `timeSlot` range that is one of the coop's slots' windows is booked in that slot (its capacity counts it). */
  private async withSlot(tx: Tx, body: unknown, request: PartnerDeliveryRequest): Promise<PartnerDeliveryRequest> {
    const dropoff = (body as { dropoff?: { timeSlot?: unknown } }).dropoff;
    const after = request.dropoff?.after;
    const before = request.dropoff?.before;
    if (dropoff?.timeSlot === undefined || !after || !before) return request;
    const slotId = await this.timeSlots.slotOfWindowIn(tx, new Date(after), new Date(before));
    return slotId ? { ...request, timeSlotId: slotId } : request;
  }

  /** GET {base}/api/deliveries/{id}: the client's own only (404 otherwise). */
  async get(partner: PartnerPrincipal, number: number): Promise<Json> {
    const id = await this.resolve(partner, number);
    const view = await this.partnerDeliveries.get(partner, id);
    return this.db.forCoop(partner.coopId, (tx) => this.shapeIn(tx, view));
  }

  /** DELETE {base}/api/deliveries/{id}: cancels; once under way CoopCycle answers 400. */
  async cancel(partner: PartnerPrincipal, number: number): Promise<void> {
    const id = await this.resolve(partner, number);
    try {
      await this.partnerDeliveries.cancel(partner, id);
    } catch (error) {
      if (error instanceof ApiException && (error.code === 'DELIVERY_UNDER_WAY' || error.code === 'TASK_CLOSED')) {
        throw new CoopcycleViolations([{ propertyPath: '', message: error.message }]);
      }
      throw error;
    }
  }

  async timeSlot(partner: PartnerPrincipal, id: string): Promise<Json> {
    return timeSlotJson(await this.timeSlots.get(partner.coopId, id));
  }

  async choices(partner: PartnerPrincipal, id: string): Promise<Json> {
    const view = await this.timeSlots.choices(partner.coopId, id);
    return choicesJson(view.items, view.timeZone);
  }

  private async resolve(partner: PartnerPrincipal, number: number): Promise<string> {
    const id = await this.db.forCoop(partner.coopId, (tx) => coopcycleRef(tx, 'delivery', number));
    if (id === null) throw partnerDeliveryNotFound();
    return id;
  }

  /** The Delivery shape, numbering the delivery and its tasks on first use (in the caller's unit of work). */
  private async shapeIn(tx: Tx, view: PartnerDeliveryView): Promise<Json> {
    const delivery = (await coopcycleNumbers(tx, 'delivery', [view.id])).get(view.id) ?? 0;
    const tasks = await coopcycleNumbers(
      tx,
      'task',
      view.tasks.map((t) => t.id),
    );
    return toCoopcycleDelivery(view, { delivery, tasks });
  }
}
