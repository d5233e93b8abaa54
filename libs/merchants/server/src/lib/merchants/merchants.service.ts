import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldError, HoursPreview, MerchantView, Page, MerchantSummary } from '@federacycle/contracts';
import { Coop, Database, PgErrorCode, pgErrorCode, type Tx } from '@federacycle/platform-database';
import { ApiException, type Caller, coopOf } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { OpeningHoursError, openingState, parseHours, warningsOf, weekIntervals } from '../hours/opening-hours';
import { isTimeZone } from '../hours/zoned-time';
import { inScope, scopeOf } from '../shared/merchant-access';
import { GEOCODER, type Geocoder } from './geocoder.port';
import { Merchant } from './merchant.entity';
import { toMerchantSummary, toMerchantView } from './merchant-view';
import type {
  BusyPeriodDto,
  CreateMerchantDto,
  HoursPreviewDto,
  LocationDto,
  MerchantsQueryDto,
  PauseMerchantDto,
  UpdateMerchantDto,
} from './merchants.dto';

/** The most rows an "open now" filter evaluates (hours are evaluated in Node, not SQL). */
const OPEN_NOW_SCAN_LIMIT = 5000;

/** The 4xx of an opening_hours text that does not parse, naming the field, position and problem. */
export function hoursError(field: string, error: OpeningHoursError): ApiException {
  const { position, problem } = error.detail;
  const message = `The opening hours do not parse at character ${position + 1}: ${problem}`;
  return new ApiException(400, 'OPENING_HOURS_INVALID', message, [
    { field, code: 'openingHours', message: `character ${position + 1}: ${problem}` },
  ]);
}

function checkHours(field: string, value: string, country: string, region: string | null): void {
  try {
    parseHours(value, { country, region });
  } catch (error) {
    if (error instanceof OpeningHoursError) throw hoursError(field, error);
    throw error;
  }
}

function checkBusy(busy: readonly BusyPeriodDto[], country: string, region: string | null): void {
  busy.forEach((period, index) => checkHours(`preparation.busy.${index}.when`, period.when, country, region));
}

function checkLocation(location: LocationDto): void {
  const errors: FieldError[] = [];
  if (location.lat < -90 || location.lat > 90) {
    errors.push({ field: 'location.lat', code: 'range', message: 'latitude must be between -90 and 90' });
  }
  if (location.lng < -180 || location.lng > 180) {
    errors.push({ field: 'location.lng', code: 'range', message: 'longitude must be between -180 and 180' });
  }
  if (errors.length > 0) {
    throw new ApiException(400, 'COORDINATES_OUT_OF_RANGE', 'The coordinates are out of range', errors);
  }
}

interface CoopFacts {
  timezone: string;
  currency: string;
}

/** The raw columns of a merchant read with its coop's zone. */
interface MerchantRaw {
  m_id: string;
  tz: string;
  total?: string;
}

/**
 * Merchants of a coop: every query names the coop (the token's) and the caller's merchant
 * scope (merchant staff: their merchants only); row-level security is the second wall.
 */
@Injectable()
export class MerchantsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(GEOCODER) private readonly geocoder: Geocoder,
  ) {}

  private scoped(manager: EntityManager, coopId: string, scope: 'all' | string[]) {
    const query = manager
      .getRepository(Merchant)
      .createQueryBuilder('m')
      .innerJoin(Coop, 'c', 'c.id = m.coopId')
      .addSelect('c.timezone', 'tz')
      .where('m.coopId = :coopId', { coopId });
    return scope === 'all' ? query : query.andWhere('m.id = any(:scope)', { scope });
  }

  async list(caller: Caller, query: MerchantsQueryDto): Promise<Page<MerchantSummary>> {
    const coopId = coopOf(caller);
    const scope = scopeOf(caller, 'read', 'Merchant');
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const now = new Date();
    const { entities, raw } = await this.db.read((manager) => {
      let q = this.scoped(manager, coopId, scope);
      q = query.archived ? q.andWhere('m.archivedAt is not null') : q.andWhere('m.archivedAt is null');
      if (query.kind) q = q.andWhere('m.kind = :kind', { kind: query.kind });
      if (query.q) {
        const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.andWhere('(m.name ilike :like or m.city ilike :like)', { like });
      }
      if (query.paused !== undefined) {
        const active = '(m.pausedAt is not null and (m.pausedUntil is null or m.pausedUntil > now()))';
        q = q.andWhere(query.paused ? active : `not ${active}`);
      }
      q = q.orderBy('lower(m.name)').addOrderBy('m.id');
      if (query.openNow) return q.limit(OPEN_NOW_SCAN_LIMIT).getRawAndEntities<MerchantRaw>();
      return q.addSelect('count(*) over ()', 'total').limit(limit).offset(offset).getRawAndEntities<MerchantRaw>();
    });
    const tz = raw[0]?.tz ?? 'UTC';
    const summaries = entities.map((m) => toMerchantSummary(m, tz, now));
    if (query.openNow) {
      const open = summaries.filter((s) => s.openNow);
      return { items: open.slice(offset, offset + limit), total: open.length };
    }
    if (entities.length > 0 || offset === 0) return { items: summaries, total: Number(raw[0]?.total ?? 0) };
    const total = await this.db.read((manager) => {
      let q = this.scoped(manager, coopId, scope);
      q = query.archived ? q.andWhere('m.archivedAt is not null') : q.andWhere('m.archivedAt is null');
      return q.getCount();
    });
    return { items: [], total };
  }

  async get(caller: Caller, id: string): Promise<MerchantView> {
    const coopId = coopOf(caller);
    const scope = scopeOf(caller, 'read', 'Merchant');
    const { entities, raw } = await this.db.read((manager) =>
      this.scoped(manager, coopId, scope).andWhere('m.id = :id', { id }).getRawAndEntities<MerchantRaw>(),
    );
    const merchant = entities[0];
    if (!merchant) throw ApiException.notFound('Merchant');
    return toMerchantView(merchant, raw[0]?.tz ?? 'UTC', new Date());
  }

  async create(caller: Caller, body: CreateMerchantDto): Promise<MerchantView> {
    const coopId = coopOf(caller);
    checkLocation(body.location);
    const region = body.holidayRegion ?? null;
    checkHours('openingHours', body.openingHours, body.address.country, region);
    checkBusy(body.preparation?.busy ?? [], body.address.country, region);
    const point = await this.geocoder.locate(body.address, {
      lat: body.location.lat,
      lng: body.location.lng,
      geocodedBy: body.location.geocodedBy,
      geocoderRef: body.location.geocoderRef ?? null,
    });
    return this.write(async (tx) => {
      const coop = await this.coopFacts(tx, coopId);
      this.checkCurrency(body.minimumOrder?.currency, coop);
      const inserted = await tx.manager.insert(Merchant, {
        coopId,
        name: body.name.trim(),
        kind: body.kind,
        addressLine1: body.address.line1.trim(),
        addressLine2: body.address.line2?.trim() || null,
        postalCode: body.address.postalCode.trim(),
        city: body.address.city.trim(),
        country: body.address.country,
        lat: point.lat,
        lng: point.lng,
        geocodedBy: point.geocodedBy,
        geocoderRef: point.geocoderRef,
        contactName: body.contact?.name ?? null,
        contactPhone: body.contact?.phone ?? null,
        contactEmail: body.contact?.email?.toLowerCase() ?? null,
        openingHours: body.openingHours.trim(),
        holidayRegion: region,
        prepDefaultMinutes: body.preparation?.defaultMinutes ?? 15,
        prepBusy: body.preparation?.busy.map((b) => ({ when: b.when.trim(), minutes: b.minutes })) ?? [],
        fulfilment: body.fulfilment,
        perimeterKind: body.perimeter.kind,
        perimeterRadiusM: body.perimeter.kind === 'radius' ? (body.perimeter.radiusM ?? null) : null,
        perimeterZoneId: body.perimeter.kind === 'zone' ? (body.perimeter.zoneId ?? null) : null,
        minOrderAmount: body.minimumOrder?.amount ?? 0,
        currency: coop.currency,
      });
      const { id } = inserted.identifiers[0] as Pick<Merchant, 'id'>;
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'merchant.created',
        subjectType: 'merchant',
        subjectId: id,
        data: { name: body.name },
      });
      return this.load(tx, coopId, id, coop);
    });
  }

  async update(caller: Caller, id: string, body: UpdateMerchantDto): Promise<MerchantView> {
    const coopId = coopOf(caller);
    if (body.location) checkLocation(body.location);
    return this.write(async (tx) => {
      const current = await this.locked(tx, coopId, id);
      const coop = await this.coopFacts(tx, coopId);
      const country = body.address?.country ?? current.country;
      const region = body.holidayRegion !== undefined ? body.holidayRegion : current.holidayRegion;
      checkHours('openingHours', body.openingHours ?? current.openingHours, country, region);
      checkBusy(body.preparation?.busy ?? current.prepBusy, country, region);
      this.checkCurrency(body.minimumOrder?.currency, coop);
      const patch: Partial<Merchant> = { updatedAt: new Date() };
      if (body.name !== undefined) patch.name = body.name.trim();
      if (body.kind !== undefined) patch.kind = body.kind;
      if (body.address) {
        patch.addressLine1 = body.address.line1.trim();
        patch.addressLine2 = body.address.line2?.trim() || null;
        patch.postalCode = body.address.postalCode.trim();
        patch.city = body.address.city.trim();
        patch.country = body.address.country;
      }
      if (body.location) {
        const point = await this.geocoder.locate(
          body.address ?? {
            line1: current.addressLine1,
            line2: current.addressLine2,
            postalCode: current.postalCode,
            city: current.city,
            country: current.country,
          },
          { ...body.location, geocoderRef: body.location.geocoderRef ?? null },
        );
        Object.assign(patch, {
          lat: point.lat,
          lng: point.lng,
          geocodedBy: point.geocodedBy,
          geocoderRef: point.geocoderRef,
        });
      }
      if (body.contact) {
        patch.contactName = body.contact.name ?? null;
        patch.contactPhone = body.contact.phone ?? null;
        patch.contactEmail = body.contact.email?.toLowerCase() ?? null;
      }
      if (body.openingHours !== undefined) patch.openingHours = body.openingHours.trim();
      if (body.holidayRegion !== undefined) patch.holidayRegion = body.holidayRegion;
      if (body.preparation) {
        patch.prepDefaultMinutes = body.preparation.defaultMinutes;
        patch.prepBusy = body.preparation.busy.map((b) => ({ when: b.when.trim(), minutes: b.minutes }));
      }
      if (body.fulfilment) patch.fulfilment = body.fulfilment;
      if (body.perimeter) {
        patch.perimeterKind = body.perimeter.kind;
        patch.perimeterRadiusM = body.perimeter.kind === 'radius' ? (body.perimeter.radiusM ?? null) : null;
        patch.perimeterZoneId = body.perimeter.kind === 'zone' ? (body.perimeter.zoneId ?? null) : null;
      }
      if (body.minimumOrder) patch.minOrderAmount = body.minimumOrder.amount;
      await tx.manager.update(Merchant, { coopId, id }, patch);
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'merchant.updated',
        subjectType: 'merchant',
        subjectId: id,
        data: { fields: Object.keys(body) },
      });
      return this.load(tx, coopId, id, coop);
    });
  }

  async pause(caller: Caller, id: string, body: PauseMerchantDto): Promise<MerchantView> {
    const coopId = coopOf(caller);
    this.assertPauseScope(caller, id);
    const until = body.until ? new Date(body.until) : null;
    if (until && until.getTime() <= Date.now()) {
      throw ApiException.validation([
        { field: 'until', code: 'future', message: 'the automatic end must be in the future' },
      ]);
    }
    return this.write(async (tx) => {
      await this.locked(tx, coopId, id);
      await tx.manager.update(
        Merchant,
        { coopId, id },
        { pausedAt: new Date(), pauseReason: body.reason.trim(), pausedUntil: until, updatedAt: new Date() },
      );
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'merchant.paused',
        subjectType: 'merchant',
        subjectId: id,
        data: { reason: body.reason, until: body.until ?? null },
      });
      return this.load(tx, coopId, id);
    });
  }

  async unpause(caller: Caller, id: string): Promise<MerchantView> {
    const coopId = coopOf(caller);
    this.assertPauseScope(caller, id);
    return this.write(async (tx) => {
      await this.locked(tx, coopId, id);
      await tx.manager.update(
        Merchant,
        { coopId, id },
        { pausedAt: null, pauseReason: null, pausedUntil: null, updatedAt: new Date() },
      );
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'merchant.unpaused',
        subjectType: 'merchant',
        subjectId: id,
        data: {},
      });
      return this.load(tx, coopId, id);
    });
  }

  async archive(caller: Caller, id: string): Promise<MerchantView> {
    const coopId = coopOf(caller);
    return this.write(async (tx) => {
      await this.locked(tx, coopId, id);
      await tx.manager.update(Merchant, { coopId, id }, { archivedAt: new Date(), updatedAt: new Date() });
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'merchant.archived',
        subjectType: 'merchant',
        subjectId: id,
        data: {},
      });
      return this.load(tx, coopId, id);
    });
  }

  /** The editor's preview: what the hours say now and over the next seven days, in the coop's zone. */
  async previewHours(caller: Caller, body: HoursPreviewDto): Promise<HoursPreview> {
    const coopId = coopOf(caller);
    let hours;
    try {
      hours = parseHours(body.openingHours, { country: body.country, region: body.holidayRegion ?? null });
    } catch (error) {
      if (error instanceof OpeningHoursError) throw hoursError('openingHours', error);
      throw error;
    }
    const coop = await this.db.read((manager) => manager.findOneByOrFail(Coop, { id: coopId }));
    const timezone = isTimeZone(coop.timezone) ? coop.timezone : 'UTC';
    const now = new Date();
    return {
      normalized: hours.prettifyValue(),
      warnings: warningsOf(hours),
      state: openingState(hours, now, timezone),
      week: weekIntervals(hours, now, timezone),
      timezone,
    };
  }

  /**
   * A merchant of the coop within the caller's scope, for use cases of this domain and others
   * (ordering later): 404 when outside (as another coop's would be).
   */
  async requireInScope(tx: Tx, caller: Caller, merchantId: string, subject: 'Menu' | 'Merchant' | 'MerchantPause') {
    if (!inScope(scopeOf(caller, 'update', subject), merchantId)) throw ApiException.notFound('Merchant');
    return this.locked(tx, coopOf(caller), merchantId);
  }

  private assertPauseScope(caller: Caller, id: string): void {
    if (!inScope(scopeOf(caller, 'update', 'MerchantPause'), id)) throw ApiException.notFound('Merchant');
  }

  /** The merchant locked for a change; 404 when absent, 409 when archived. */
  private async locked(tx: Tx, coopId: string, id: string): Promise<Merchant> {
    const merchant = await tx.manager.findOne(Merchant, { where: { coopId, id }, lock: { mode: 'pessimistic_write' } });
    if (!merchant) throw ApiException.notFound('Merchant');
    if (merchant.archivedAt)
      throw ApiException.conflict('MERCHANT_ARCHIVED', 'This merchant is archived; it can no longer be changed');
    return merchant;
  }

  private async coopFacts(tx: Tx, coopId: string): Promise<CoopFacts> {
    const coop = await tx.manager.findOneByOrFail(Coop, { id: coopId });
    return { timezone: isTimeZone(coop.timezone) ? coop.timezone : 'UTC', currency: coop.currency.trim() };
  }

  private checkCurrency(currency: string | undefined, coop: CoopFacts): void {
    if (currency !== undefined && currency !== coop.currency) {
      throw new ApiException(
        400,
        'CURRENCY_MISMATCH',
        `Amounts must be in ${coop.currency}, the cooperative’s currency`,
        [{ field: 'minimumOrder.currency', code: 'currency', message: `must be ${coop.currency}` }],
      );
    }
  }

  private async load(tx: Tx, coopId: string, id: string, coop?: CoopFacts): Promise<MerchantView> {
    const facts = coop ?? (await this.coopFacts(tx, coopId));
    const merchant = await tx.manager.findOneByOrFail(Merchant, { coopId, id });
    return toMerchantView(merchant, facts.timezone, new Date());
  }

  /** A unit of work whose foreign-key refusals become 4xx (an unknown perimeter zone). */
  private async write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.db.unitOfWork(fn);
    } catch (error) {
      if (
        pgErrorCode(error) === PgErrorCode.FOREIGN_KEY_VIOLATION &&
        String((error as { constraint?: string }).constraint).includes('zone')
      ) {
        throw new ApiException(400, 'UNKNOWN_ZONE', 'That delivery zone does not exist in this cooperative', [
          { field: 'perimeter.zoneId', code: 'zone', message: 'unknown zone' },
        ]);
      }
      throw error;
    }
  }
}
