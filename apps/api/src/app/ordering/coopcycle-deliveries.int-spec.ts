import type { PartnerPrincipal } from '@federacycle/contracts';
import { CLOCK, type Clock } from '@federacycle/federation-server';
import { CoopcycleDeliveriesService, asViolations } from '@federacycle/ordering-server';
import { ApiException } from '@federacycle/platform-http';
import { nextWednesdayMorning, paris } from '../dispatch/time-slots-fixture';
import { insertCoop, startHarness, type IdentityHarness } from '../identity/identity-harness';
import { insertMerchantRow } from '../merchants/merchants-fixture';
import { asPartner, insertPartnerClient, insertRuleSet, serveLyon } from './partner-deliveries-fixture';
import { licenseCoop } from './partner-fixture';

type Json = Record<string, unknown> & { pickup: Record<string, unknown>; dropoff: Record<string, unknown> };

describe('ordering: CoopCycle delivery endpoints (service level, real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  let coopcycle: CoopcycleDeliveriesService;
  let shop: PartnerPrincipal;
  let otherShop: PartnerPrincipal;
  let slotId: string;
  const now = nextWednesdayMorning();
  const today = now.toISOString().slice(0, 10);

  beforeAll(async () => {
    h = await startHarness();
    jest.spyOn(h.app.get<Clock>(CLOCK), 'now').mockImplementation(() => new Date(now));
    coopcycle = h.app.get(CoopcycleDeliveriesService);
    const coop = await insertCoop(h.su, 'coopcycle-a', 'CoopCycle A');
    await licenseCoop(h.su, coop);
    await serveLyon(h.su, coop);
    await insertRuleSet(h.su, coop);
    shop = await insertPartnerClient(h.su, coop, 'Woo shop', await insertMerchantRow(h.su, coop, 'Woo bakery'));
    otherShop = await insertPartnerClient(h.su, coop, 'Presta shop', await insertMerchantRow(h.su, coop, 'Presta'));
    const { rows } = await h.su.query<{ id: string }>(
      `insert into time_slots (coop_id, name, interval_minutes, opening_hours, prior_notice_minutes, capacity)
       values ($1, 'Lunch and afternoon', 120, 'Mo-Sa 10:00-18:00', 60, 5) returning id`,
      [coop],
    );
    slotId = rows[0]?.id as string;
  });
  afterAll(() => h?.close());

  const as = <T>(p: PartnerPrincipal, fn: () => Promise<T>) => asPartner(p, fn);
  const violations = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      const list = asViolations(error);
      if (list) return list.map((v) => v.propertyPath);
      if (error instanceof ApiException) return [`${error.getStatus()} ${error.code}`];
      throw error;
    }
    throw new Error('expected a refusal');
  };

  it('drives the surface as the WooCommerce plugin does: slot, choices, create with a choice, read by integer id', async () => {
    const slot = await as(shop, () => coopcycle.timeSlot(shop, slotId));
    expect(slot).toMatchObject({
      '@id': `/api/time_slots/${slotId}`,
      '@type': 'TimeSlot',
      interval: '2 hours',
      priorNotice: '1 hour',
      workingDaysOnly: false,
    });
    const { choices } = (await as(shop, () => coopcycle.choices(shop, slotId))) as {
      choices: Array<{ value: string; label: string }>;
    };
    // 09:30 in Paris with an hour of notice: 12:00-14:00 first, written with the zone's offset
    const first = choices[0]?.value as string;
    expect(first).toMatch(new RegExp(`^${today}T12:00:00[+-]\\d\\d:\\d\\d/${today}T14:00:00[+-]\\d\\d:\\d\\d$`));
    expect(choices[0]?.label).toBeTruthy();
    const created = await as(shop, () =>
      coopcycle.create(
        shop,
        {
          pickup: { comments: 'Order #123' },
          dropoff: {
            address: {
              streetAddress: '1 rue de la République, 69001 Lyon',
              contactName: 'Ada L.',
              telephone: '+33612345678',
              latLng: [45.7675, 4.8357],
            },
            timeSlot: first,
            comments: '2nd floor',
          },
        },
        'woo-order-123',
      ),
    );
    expect(created.status).toBe(201);
    const body = created.body as Json;
    expect(body).toMatchObject({
      '@context': '/api/contexts/Delivery',
      '@type': 'Delivery',
      pickup: { type: 'PICKUP', status: 'TODO', comments: 'Order #123' },
      dropoff: {
        type: 'DROPOFF',
        status: 'TODO',
        comments: '2nd floor',
        after: paris(today, '12:00'),
        before: paris(today, '14:00'),
      },
    });
    // the coop's first delivery on this surface, and its two tasks
    expect([body['id'], body.pickup['id'], body.dropoff['id']]).toEqual([1, 1, 2]);
    expect(body['@id']).toBe(`/api/deliveries/${body['id']}`);
    expect(Number.isInteger(body.dropoff['id'])).toBe(true);
    expect(body['trackingUrl']).toMatch(/\/track\//);
    // priced by the coop's rules (pricing's engine): 5 € + 1 € for the second stop
    expect([body['price'], body['currency']]).toEqual([600, 'EUR']);
    // the plugin retries with its key: the same answer, the same numbers
    const again = await as(shop, () =>
      coopcycle.create(
        shop,
        {
          pickup: { comments: 'Order #123' },
          dropoff: {
            address: {
              streetAddress: '1 rue de la République, 69001 Lyon',
              contactName: 'Ada L.',
              telephone: '+33612345678',
              latLng: [45.7675, 4.8357],
            },
            timeSlot: first,
            comments: '2nd floor',
          },
        },
        'woo-order-123',
      ),
    );
    expect([again.replayed, (again.body as Json)['id']]).toEqual([true, body['id']]);
    const read = (await as(shop, () => coopcycle.get(shop, body['id'] as number))) as Json;
    expect([read['id'], read.dropoff['id'], read.pickup['id']]).toEqual([
      body['id'],
      body.dropoff['id'],
      body.pickup['id'],
    ]);
    // the delivery is dispatch's like any other: on the board's table with its source and slot
    const { rows } = await h.su.query(
      `select d.source, d.time_slot_id from deliveries d join coopcycle_ids c on c.coop_id = d.coop_id and c.ref_id = d.id
        where c.kind = 'delivery' and c.number = $1`,
      [body['id']],
    );
    // the range is one of the coop's slot's windows: the delivery is booked in that slot
    expect(rows[0]).toEqual({ source: 'partner_api', time_slot_id: slotId });
  });

  it('numbers each coop’s deliveries from 1 and keeps them apart: another client gets 404', async () => {
    const created = (
      await as(shop, () =>
        coopcycle.create(
          shop,
          { dropoff: { address: { streetAddress: '2 rue X', geo: { latitude: 45.76, longitude: 4.84 } } } },
          null,
        ),
      )
    ).body as Json;
    expect(await violations(as(otherShop, () => coopcycle.get(otherShop, created['id'] as number)))).toEqual([
      '404 NOT_FOUND',
    ]);
    expect(await violations(as(otherShop, () => coopcycle.cancel(otherShop, created['id'] as number)))).toEqual([
      '404 NOT_FOUND',
    ]);
    expect(await violations(as(shop, () => coopcycle.get(shop, 999_999)))).toEqual(['404 NOT_FOUND']);
    await as(shop, () => coopcycle.cancel(shop, created['id'] as number));
    const cancelled = (await as(shop, () => coopcycle.get(shop, created['id'] as number))) as Json;
    expect([cancelled.pickup['status'], cancelled.dropoff['status']]).toEqual(['CANCELLED', 'CANCELLED']);
  });

  it('answers validation problems as violations by path, and refuses to cancel once under way', async () => {
    expect(
      await violations(as(shop, () => coopcycle.create(shop, { dropoff: { address: '1 rue X, Lyon' } }, null))),
    ).toEqual(['dropoff.address']);
    expect(
      await violations(
        as(shop, () =>
          coopcycle.create(shop, { dropoff: { address: { streetAddress: 'Paris', latLng: [48.85, 2.35] } } }, null),
        ),
      ),
    ).toEqual(['dropoff.address']);
    expect(
      await violations(
        as(shop, () =>
          coopcycle.create(
            shop,
            {
              dropoff: {
                address: { streetAddress: 'x', latLng: [45.76, 4.84] },
                timeSlot: `${paris(today, '13:00')}/${paris(today, '15:00')}`,
                status: 'DONE',
              },
            },
            null,
          ),
        ),
      ),
    ).toEqual(['dropoff.status']);
    const created = (
      await as(shop, () =>
        coopcycle.create(shop, { dropoff: { address: { streetAddress: '3 rue Y', latLng: [45.76, 4.84] } } }, null),
      )
    ).body as Json;
    await h.su.query(
      `update delivery_tasks set state = 'done' where kind = 'pickup' and delivery_id =
        (select ref_id from coopcycle_ids where kind = 'delivery' and number = $1)`,
      [created['id']],
    );
    expect(await violations(as(shop, () => coopcycle.cancel(shop, created['id'] as number)))).toEqual(['']);
  });
});
