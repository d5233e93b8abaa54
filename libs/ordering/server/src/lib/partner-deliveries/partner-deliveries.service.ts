import { Inject, Injectable } from '@nestjs/common';
import {
  PARTNER_QUOTE_TTL_MINUTES,
  type DeliveryPartnerView,
  type DeliveryState,
  type DeliveryView,
  type PartnerCheckView,
  type PartnerDeliveryPage,
  type PartnerDeliveryRequest,
  type PartnerDeliveryView,
  type PartnerPrice,
  type PartnerPrincipal,
  type PartnerQuoteView,
  type PriceBreakdown,
  type PricingInput,
} from '@federacycle/contracts';
import {
  CreateDeliveryUseCase,
  DeliveriesService,
  TimeSlot,
  TimeSlotsService,
  unknownTimeSlot,
} from '@federacycle/dispatch-server';
import { CLOCK, StandingService, type Clock } from '@federacycle/federation-server';
import { ZonesService } from '@federacycle/geo-server';
import { Merchant } from '@federacycle/merchants-server';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException, cursorPage, decodeCursor, idempotent, type IdempotentResult } from '@federacycle/platform-http';
import { DELIVERY_PRICER, type DeliveryPricer } from './delivery-pricer.port';
import { PartnerDelivery, PartnerQuote } from './partner-delivery.entity';
import { defaultPickupWindow, placeOf, stopsOf, taskOf, type PlannedTask, type StorePlace } from './partner-request';

const MINUTE = 60_000;

/** What a partner's request becomes before dispatch creates it. */
export interface PartnerPlan {
  reference: string | null;
  timeSlotId: string | null;
  tasks: PlannedTask[];
}

export interface PartnerListQuery {
  limit: number;
  cursor?: string;
  state?: DeliveryState;
  /** created on or after / before this instant */
  from?: string;
  to?: string;
}

/** The partner's ownership of a delivery (and its price), as the views need it. */
type Ownership = Pick<PartnerDelivery, 'quoteId' | 'amountMinor' | 'currency' | 'breakdown' | 'test' | 'createdAt'>;

/** Thrown inside a dry run's unit of work to roll it back with what it would have answered. */
class DryRun extends Error {
  constructor(readonly view: PartnerDeliveryView) {
    super('dry run');
  }
}

export const partnerDeliveryNotFound = () => new ApiException(404, 'NOT_FOUND', 'Delivery not found');

function priceOf(row: Pick<Ownership, 'amountMinor' | 'currency' | 'breakdown'>): PartnerPrice | null {
  return row.amountMinor === null || row.currency === null
    ? null
    : {
        amountMinor: Number(row.amountMinor),
        currency: row.currency,
        breakdown: (row.breakdown ?? {}) as Record<string, unknown>,
      };
}

function pricingInputOf(plan: PartnerPlan, now: Date): PricingInput {
  return {
    at: now,
    tasks: plan.tasks.map((t) => ({
      type: t.kind,
      lat: t.lat,
      lng: t.lng,
      after: t.after ?? null,
      before: t.before ?? null,
      timeSlotId: t.kind === 'dropoff' ? plan.timeSlotId : null,
      weightGrams: t.weightGrams ?? null,
      packages: t.packages,
    })),
  };
}

/**
 * The partner delivery API's use cases. Every delivery is created through dispatch's
 * CreateDeliveryUseCase in the same unit of work as its `partner_deliveries` row (the client that
 * owns it, its price) and, with an Idempotency-Key, its stored answer. A partner reaches only its
 * own deliveries: another's (or another coop's) answers 404, as one that does not exist.
 */
@Injectable()
export class PartnerDeliveriesService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CreateDeliveryUseCase) private readonly createDelivery: CreateDeliveryUseCase,
    @Inject(DeliveriesService) private readonly deliveries: DeliveriesService,
    @Inject(TimeSlotsService) private readonly timeSlots: TimeSlotsService,
    @Inject(ZonesService) private readonly zones: ZonesService,
    @Inject(StandingService) private readonly standing: StandingService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DELIVERY_PRICER) private readonly pricer: DeliveryPricer,
  ) {}

  /** POST /deliveries: 201 with the delivery, or the stored answer of the same Idempotency-Key. */
  async create(
    partner: PartnerPrincipal,
    body: PartnerDeliveryRequest,
    key: string | null,
  ): Promise<IdempotentResult<PartnerDeliveryView>> {
    const test = await this.admit(partner.coopId);
    return this.db.forCoop(partner.coopId, (tx) =>
      idempotent(tx, { caller: `partner:${partner.clientId}`, key, route: 'POST deliveries', body }, async () => ({
        status: 201,
        body: await this.createIn(tx, partner, body, test),
      })),
    );
  }

  /** POST /quotes/:id/confirm: the quoted delivery at the quoted price. */
  async confirm(
    partner: PartnerPrincipal,
    quoteId: string,
    key: string | null,
  ): Promise<IdempotentResult<PartnerDeliveryView>> {
    const test = await this.admit(partner.coopId);
    return this.db.forCoop(partner.coopId, (tx) =>
      idempotent(
        tx,
        { caller: `partner:${partner.clientId}`, key, route: 'POST deliveries', body: { quoteId } },
        async () => ({
          status: 201,
          body: await this.confirmIn(tx, partner, quoteId, test),
        }),
      ),
    );
  }

  /** POST /deliveries/check: everything a create would check and price, nothing written. */
  async check(partner: PartnerPrincipal, body: PartnerDeliveryRequest): Promise<PartnerCheckView> {
    try {
      const test = await this.admit(partner.coopId);
      await this.db.forCoop(partner.coopId, async (tx) => {
        throw new DryRun(await this.createIn(tx, partner, body, test));
      });
    } catch (error) {
      if (error instanceof DryRun) {
        return {
          ok: true,
          problems: [],
          tasks: error.view.tasks.map((t) => ({ type: t.type, address: t.address, after: t.after, before: t.before })),
          price: error.view.price,
        };
      }
      if (error instanceof ApiException && error.getStatus() < 500) {
        return { ok: false, problems: [{ code: error.code, message: error.message }], tasks: [], price: null };
      }
      throw error;
    }
    throw new Error('unreachable: a dry run always rolls back');
  }

  /** POST /quotes: the price of the request (checked like a create), held until it expires. */
  async quote(partner: PartnerPrincipal, body: PartnerDeliveryRequest): Promise<PartnerQuoteView> {
    if (body.quoteId) {
      throw ApiException.validation([
        { field: 'quoteId', code: 'forbidden', message: 'a quote is asked for a request, not for a quote' },
      ]);
    }
    const checked = await this.check(partner, body);
    const first = checked.problems[0];
    if (first) {
      const status = ['NOT_FOUND'].includes(first.code) ? 404 : 422;
      throw new ApiException(status, first.code as ApiException['code'], first.message);
    }
    return this.db.forCoop(partner.coopId, async (tx) => {
      const now = this.clock.now();
      const plan = await this.plan(tx, partner, body, now);
      const price = await this.pricer.priceIn(tx, partner.coopId, pricingInputOf(plan, now));
      const expiresAt = new Date(now.getTime() + PARTNER_QUOTE_TTL_MINUTES * MINUTE);
      const inserted = await tx.manager.insert(PartnerQuote, {
        coopId: partner.coopId,
        clientId: partner.clientId,
        request: body as object,
        amountMinor: String(price.amountMinor),
        currency: price.currency,
        breakdown: price as object,
        expiresAt,
      });
      const { id } = inserted.identifiers[0] as Pick<PartnerQuote, 'id'>;
      return {
        id,
        amountMinor: price.amountMinor,
        currency: price.currency,
        breakdown: price as unknown as Record<string, unknown>,
        expiresAt: expiresAt.toISOString(),
        deliveryId: null,
      };
    });
  }

  async get(partner: PartnerPrincipal, id: string): Promise<PartnerDeliveryView> {
    await this.admit(partner.coopId);
    const owned = await this.db.read((m) =>
      m.findOneBy(PartnerDelivery, { coopId: partner.coopId, deliveryId: id, clientId: partner.clientId }),
    );
    if (!owned) throw partnerDeliveryNotFound();
    return this.view(await this.deliveries.get(partner.coopId, id), owned);
  }

  /** The client's deliveries, newest first, by keyset (`nextCursor`), filtered by state and creation time. */
  async list(partner: PartnerPrincipal, query: PartnerListQuery): Promise<PartnerDeliveryPage> {
    await this.admit(partner.coopId);
    const after = decodeCursor(query.cursor);
    const instant = (value: string | undefined, field: string) => {
      if (value === undefined) return null;
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) {
        throw ApiException.validation([{ field, code: 'isIso8601', message: `${field} must be an ISO 8601 instant` }]);
      }
      return date;
    };
    const from = instant(query.from, 'from');
    const to = instant(query.to, 'to');
    if (from && to && to <= from) {
      throw new ApiException(400, 'DATE_RANGE_INVALID', 'The range must end (to) after it starts (from)');
    }
    const rows: Array<PartnerDelivery & { delivery_id: string; created_at: Date }> = await this.db.read((m) =>
      m.query(
        `select pd.delivery_id, pd.created_at, pd.quote_id as "quoteId", pd.amount_minor as "amountMinor",
                pd.currency, pd.breakdown, pd.test, pd.created_at as "createdAt"
           from partner_deliveries pd
           join deliveries d on d.coop_id = pd.coop_id and d.id = pd.delivery_id
          where pd.coop_id = $1 and pd.client_id = $2
            and ($3::text is null or d.state = $3)
            and ($4::timestamptz is null or pd.created_at >= $4)
            and ($5::timestamptz is null or pd.created_at < $5)
            and ($6::timestamptz is null or (pd.created_at, pd.delivery_id) < ($6, $7::uuid))
          order by pd.created_at desc, pd.delivery_id desc
          limit $8`,
        [
          partner.coopId,
          partner.clientId,
          query.state ?? null,
          from,
          to,
          after?.at ?? null,
          after?.id ?? null,
          query.limit + 1,
        ],
      ),
    );
    const page = cursorPage(rows, query.limit, (r) => ({ at: r.created_at, id: r.delivery_id }));
    const views = await this.deliveries.viewsOf(
      partner.coopId,
      page.items.map((r) => r.delivery_id),
    );
    const owned = new Map(page.items.map((r) => [r.delivery_id, r]));
    return {
      items: views.map((v) => this.view(v, owned.get(v.id) as Ownership)),
      nextCursor: page.nextCursor,
    };
  }

  /** Cancels the client's delivery and its tasks; refused (409 DELIVERY_UNDER_WAY) once a courier picked it up. */
  async cancel(partner: PartnerPrincipal, id: string): Promise<PartnerDeliveryView> {
    await this.admit(partner.coopId);
    return this.db.forCoop(partner.coopId, (tx) => this.cancelIn(tx, partner, id));
  }

  async cancelIn(tx: Tx, partner: PartnerPrincipal, id: string): Promise<PartnerDeliveryView> {
    const owned = await tx.manager.findOneBy(PartnerDelivery, {
      coopId: partner.coopId,
      deliveryId: id,
      clientId: partner.clientId,
    });
    if (!owned) throw partnerDeliveryNotFound();
    const view = await this.deliveries.cancelIn(tx, partner.coopId, id, 'partner_api', { refuseOnceUnderWay: true });
    return this.view(view, owned);
  }

  /** For the coop's people: which partner client created a delivery, test or not, at what price (404 for others). */
  async partnerOf(coopId: string, deliveryId: string): Promise<DeliveryPartnerView> {
    const rows: Array<
      { client_id: string; name: string; test: boolean } & Pick<Ownership, 'amountMinor' | 'currency' | 'breakdown'>
    > = await this.db.read((m) =>
      m.query(
        `select pd.client_id, c.name, pd.test, pd.amount_minor as "amountMinor", pd.currency, pd.breakdown
             from partner_deliveries pd join partner_clients c on c.coop_id = pd.coop_id and c.id = pd.client_id
            where pd.coop_id = $1 and pd.delivery_id = $2`,
        [coopId, deliveryId],
      ),
    );
    const row = rows[0];
    if (!row) throw new ApiException(404, 'NOT_FOUND', 'This delivery was not created by a partner');
    return { clientId: row.client_id, clientName: row.name, test: row.test, price: priceOf(row) };
  }

  /**
   * The partner API's standing check: licensed (or in grace) coops use it fully; a sandbox coop
   * only for test deliveries (returns true: the create is a test); a restricted one not at all
   * (403 with the standing's code).
   */
  async admit(coopId: string): Promise<boolean> {
    const standing = await this.standing.standing(coopId);
    if (standing.mode !== 'sandbox') {
      await this.standing.assertCapability(coopId, 'partner_api');
      return false;
    }
    return true;
  }

  /** A sandbox coop's test deliveries today (its day), serialised per coop so the cap holds under races. */
  private async assertTestQuota(tx: Tx, coopId: string): Promise<void> {
    await tx.query(`select pg_advisory_xact_lock(hashtextextended('partner-test-deliveries|' || $1, 0))`, [coopId]);
    const { n } = await tx.one<{ n: number }>(
      `select count(*)::int as n from partner_deliveries pd join coops c on c.id = pd.coop_id
        where pd.coop_id = $1 and pd.test
          and pd.created_at >= (date_trunc('day', now() at time zone c.timezone) at time zone c.timezone)`,
      [coopId],
    );
    await this.standing.assertTestOrder(coopId, n);
  }

  /** The create in the caller's unit of work (the CoopCycle surface wraps it in its own shapes). */
  async createIn(
    tx: Tx,
    partner: PartnerPrincipal,
    body: PartnerDeliveryRequest,
    test: boolean,
  ): Promise<PartnerDeliveryView> {
    if (body.quoteId) {
      const extra = (['reference', 'pickup', 'dropoff', 'tasks', 'timeSlotId'] as const).filter(
        (k) => body[k] !== undefined,
      );
      if (extra.length > 0) {
        throw ApiException.validation(
          extra.map((k) => ({
            field: k,
            code: 'forbidden',
            message: 'the quote holds the request: send quoteId alone',
          })),
        );
      }
      return this.confirmIn(tx, partner, body.quoteId, test);
    }
    const now = this.clock.now();
    const plan = await this.plan(tx, partner, body, now);
    const price = await this.pricer.priceIn(tx, partner.coopId, pricingInputOf(plan, now));
    return this.record(tx, partner, plan, price, null, test);
  }

  private async confirmIn(
    tx: Tx,
    partner: PartnerPrincipal,
    quoteId: string,
    test: boolean,
  ): Promise<PartnerDeliveryView> {
    const quote = await tx.maybeOne<{ request: PartnerDeliveryRequest; delivery_id: string | null; live: boolean }>(
      `select request, delivery_id, expires_at > now() as live from partner_quotes
        where coop_id = $1 and id = $2 and client_id = $3 for update`,
      [partner.coopId, quoteId, partner.clientId],
    );
    if (!quote) throw new ApiException(404, 'NOT_FOUND', 'Quote not found');
    if (quote.delivery_id !== null)
      throw ApiException.conflict('QUOTE_USED', 'This quote was confirmed already: it created a delivery');
    if (!quote.live) throw new ApiException(422, 'QUOTE_EXPIRED', 'This quote has expired: ask for a new one');
    const stored = await tx.manager.findOneByOrFail(PartnerQuote, { coopId: partner.coopId, id: quoteId });
    const plan = await this.plan(tx, partner, quote.request, this.clock.now());
    const price = stored.breakdown as unknown as PriceBreakdown;
    const view = await this.record(
      tx,
      partner,
      plan,
      { ...price, amountMinor: Number(stored.amountMinor), currency: stored.currency },
      quoteId,
      test,
    );
    await tx.execute('update partner_quotes set delivery_id = $3 where coop_id = $1 and id = $2', [
      partner.coopId,
      quoteId,
      view.id,
    ]);
    return view;
  }

  private async record(
    tx: Tx,
    partner: PartnerPrincipal,
    plan: PartnerPlan,
    price: PriceBreakdown | null,
    quoteId: string | null,
    test: boolean,
  ): Promise<PartnerDeliveryView> {
    if (test) await this.assertTestQuota(tx, partner.coopId);
    const delivery = await this.createDelivery.execute(tx, {
      reference: plan.reference,
      merchantId: partner.merchantId,
      timeSlotId: plan.timeSlotId,
      tasks: plan.tasks.map(({ path: _path, fromStore: _fromStore, ...task }) => task),
      source: 'partner_api',
      now: this.clock.now().getTime(),
    });
    const owned: Ownership = {
      quoteId,
      amountMinor: price ? String(price.amountMinor) : null,
      currency: price ? price.currency : null,
      breakdown: price,
      test,
      createdAt: new Date(delivery.createdAt),
    };
    await tx.manager.insert(PartnerDelivery, {
      coopId: partner.coopId,
      deliveryId: delivery.id,
      clientId: partner.clientId,
      ...owned,
    });
    return this.view(delivery, owned);
  }

  /** The request resolved: stops and places (the store by default), zones checked, slot window and pickup time filled. */
  async plan(tx: Tx, partner: PartnerPrincipal, body: PartnerDeliveryRequest, now: Date): Promise<PartnerPlan> {
    const coopId = partner.coopId;
    const store = partner.merchantId ? await this.storeOf(tx, coopId, partner.merchantId) : null;
    const tasks = stopsOf(body).map((stop) => taskOf(stop, placeOf(stop, store), store));
    for (const task of tasks) {
      if (!(await this.zones.serves(tx, { lat: task.lat, lng: task.lng }))) {
        throw new ApiException(
          422,
          'OUTSIDE_SERVICE_AREA',
          `${task.path}: "${task.address.slice(0, 80)}" lies outside every zone the coop serves`,
        );
      }
    }
    const timeSlotId = body.timeSlotId ?? null;
    const dropoffs = tasks.filter((t) => t.kind === 'dropoff');
    if (timeSlotId !== null) {
      if (!(await tx.manager.existsBy(TimeSlot, { coopId, id: timeSlotId }))) throw unknownTimeSlot(timeSlotId);
      if (dropoffs.every((t) => !t.after && !t.before)) {
        const first = (await this.timeSlots.choicesIn(tx, timeSlotId)).items[0];
        if (!first) {
          throw new ApiException(
            422,
            'TIME_SLOT_NO_WINDOW',
            'This time slot has no window with a place left in its horizon',
          );
        }
        for (const dropoff of dropoffs) {
          dropoff.after = first.start;
          dropoff.before = first.end;
        }
      }
    }
    const firstDropoff = dropoffs[0];
    if (firstDropoff) {
      for (const pickup of tasks.filter((t) => t.kind === 'pickup' && !t.after && !t.before)) {
        const window = defaultPickupWindow(
          pickup,
          {
            lat: firstDropoff.lat,
            lng: firstDropoff.lng,
            after: firstDropoff.after ? new Date(firstDropoff.after) : null,
            before: firstDropoff.before ? new Date(firstDropoff.before) : null,
          },
          now.getTime(),
        );
        pickup.after = window.after?.toISOString() ?? null;
        pickup.before = window.before?.toISOString() ?? null;
      }
    }
    return { reference: body.reference?.trim() || null, timeSlotId, tasks };
  }

  private async storeOf(tx: Tx, coopId: string, merchantId: string): Promise<StorePlace | null> {
    const m = await tx.manager.findOneBy(Merchant, { coopId, id: merchantId });
    if (!m) return null;
    const street = [m.addressLine1, m.addressLine2].filter(Boolean).join(', ');
    return {
      merchantId,
      address: `${m.name}, ${street}, ${m.postalCode} ${m.city}`.slice(0, 300),
      lat: m.lat,
      lng: m.lng,
      contactName: m.contactName,
      contactPhone: m.contactPhone,
    };
  }

  trackingUrl(token: string): string {
    return `${this.config.publicUrl.replace(/\/$/, '')}/track/${token}`;
  }

  view(delivery: DeliveryView, owned: Ownership): PartnerDeliveryView {
    return {
      id: delivery.id,
      reference: delivery.reference,
      state: delivery.state,
      trackingUrl: this.trackingUrl(delivery.trackingToken),
      timeSlotId: delivery.timeSlotId,
      price: priceOf(owned),
      test: owned.test,
      quoteId: owned.quoteId,
      tasks: delivery.tasks.map((t) => ({
        id: t.id,
        type: t.kind,
        state: t.state,
        address: t.address,
        lat: t.lat,
        lng: t.lng,
        after: t.after,
        before: t.before,
        contactName: t.contactName,
        contactPhone: t.contactPhone,
        comments: t.comments,
        packages: t.packages,
        weightGrams: t.weightGrams,
        updatedAt: t.updatedAt,
      })),
      createdAt: delivery.createdAt,
    };
  }
}
