import type { PartnerDeliveryView } from '@federacycle/contracts';
import {
  CoopcycleViolations,
  coopcycleStatus,
  fromCoopcycleDelivery,
  toCoopcycleDelivery,
} from './coopcycle-deliveries.mapping';

const violationsOf = (body: unknown) => {
  try {
    fromCoopcycleDelivery(body);
  } catch (error) {
    if (error instanceof CoopcycleViolations) return error.violations.map((v) => v.propertyPath);
    throw error;
  }
  throw new Error('expected violations');
};

describe('CoopCycle delivery input → partner request', () => {
  it('maps the WooCommerce plugin body: store pickup, address object with latLng, timeSlot range', () => {
    const request = fromCoopcycleDelivery({
      pickup: { comments: 'Order #123' },
      dropoff: {
        address: {
          streetAddress: '1 rue X, 69001 Lyon',
          contactName: 'Ada L.',
          telephone: '+33612345678',
          latLng: [45.767, 4.834],
          description: 'Code 1234',
        },
        timeSlot: '2026-12-03T10:00:00+01:00/2026-12-03T12:00:00+01:00',
        comments: '2nd floor',
      },
    });
    expect(request).toEqual({
      pickup: { comments: 'Order #123' },
      dropoff: {
        address: '1 rue X, 69001 Lyon',
        lat: 45.767,
        lng: 4.834,
        contactName: 'Ada L.',
        contactPhone: '+33612345678',
        after: '2026-12-03T09:00:00.000Z',
        before: '2026-12-03T11:00:00.000Z',
        comments: '2nd floor\nCode 1234',
      },
    });
  });

  it('takes geo, before/after, doneBefore/doneAfter, weight, packages (named ones kept in the comments) and address IRIs', () => {
    const request = fromCoopcycleDelivery({
      pickup: { address: '/api/addresses/12', doneAfter: '2026-12-03T09:00:00Z', doneBefore: '2026-12-03T09:30:00Z' },
      dropoff: {
        address: { streetAddress: '2 rue Y', name: 'Bob', geo: { latitude: '45.75', longitude: 4.85 } },
        before: '2026-12-03T11:00:00Z',
        weight: 2500,
        packages: [
          { type: 'XL', quantity: 2 },
          { type: 'Box', quantity: 1 },
        ],
        tags: ['fragile'],
        metadata: { order: 7 },
      },
    });
    expect(request.pickup).toMatchObject({
      store: true,
      after: '2026-12-03T09:00:00.000Z',
      before: '2026-12-03T09:30:00.000Z',
    });
    expect(request.dropoff).toMatchObject({
      address: 'Bob, 2 rue Y',
      lat: 45.75,
      lng: 4.85,
      contactName: 'Bob',
      before: '2026-12-03T11:00:00.000Z',
      weightGrams: 2500,
      packages: [
        { type: 'other', quantity: 2 },
        { type: 'box', quantity: 1 },
      ],
      comments: 'Packages: 2 × XL, 1 × Box',
    });
  });

  it('names every bad field by its path', () => {
    expect(violationsOf({ pickup: {} })).toEqual(['dropoff']);
    expect(violationsOf({ dropoff: { address: '1 rue X, Lyon' } })).toEqual(['dropoff.address']);
    expect(violationsOf({ dropoff: { address: '/api/stores/1' } })).toEqual(['dropoff.address']);
    expect(violationsOf({ dropoff: { address: { streetAddress: 'x', latLng: [1] } } })).toEqual([
      'dropoff.address.latLng',
      'dropoff.address',
    ]);
    expect(
      violationsOf({
        dropoff: {
          address: { streetAddress: 'x', latLng: [45, 4], evil: 1 },
          timeSlot: '2026-12-03T12:00:00Z/2026-12-03T10:00:00Z',
          weight: -1,
          packages: [{ type: 'XL', quantity: 0 }],
          price: 0,
        },
        status: 'DONE',
      }),
    ).toEqual([
      'status',
      'dropoff.price',
      'dropoff.address.evil',
      'dropoff.timeSlot',
      'dropoff.weight',
      'dropoff.packages[0].quantity',
    ]);
    expect(violationsOf({ dropoff: { address: { streetAddress: 'x', latLng: [45, 4] }, before: 'tomorrow' } })).toEqual(
      ['dropoff.before'],
    );
    expect(violationsOf([])).toEqual(['']);
  });
});

describe('partner view → CoopCycle Delivery', () => {
  it('shows integer ids, the first pickup and last dropoff, statuses in CoopCycle words and the tracking URL', () => {
    const task = (id: string, type: 'pickup' | 'dropoff', state: 'open' | 'started' | 'done') => ({
      id,
      type,
      state,
      address: `${id} street`,
      lat: 45.7,
      lng: 4.8,
      after: null,
      before: '2026-12-03T11:00:00.000Z',
      contactName: null,
      contactPhone: null,
      comments: null,
      packages: [],
      weightGrams: 0,
      updatedAt: '2026-12-03T08:00:00.000Z',
    });
    const view: PartnerDeliveryView = {
      id: 'd',
      reference: null,
      state: 'in_progress',
      trackingUrl: 'https://x/track/t',
      timeSlotId: null,
      price: null,
      test: false,
      quoteId: null,
      tasks: [task('p', 'pickup', 'done'), task('d1', 'dropoff', 'done'), task('d2', 'dropoff', 'started')],
      createdAt: '2026-12-03T08:00:00.000Z',
    };
    const json = toCoopcycleDelivery(view, {
      delivery: 7,
      tasks: new Map([
        ['p', 13],
        ['d1', 14],
        ['d2', 15],
      ]),
    });
    expect(json).toMatchObject({
      '@id': '/api/deliveries/7',
      '@type': 'Delivery',
      id: 7,
      pickup: { '@id': '/api/tasks/13', id: 13, type: 'PICKUP', status: 'DONE' },
      dropoff: { '@id': '/api/tasks/15', id: 15, type: 'DROPOFF', status: 'DOING' },
      trackingUrl: 'https://x/track/t',
    });
    expect(
      ['open', 'assigned', 'started', 'done', 'failed', 'cancelled'].map((s) => coopcycleStatus(s as never)),
    ).toEqual(['TODO', 'TODO', 'DOING', 'DONE', 'FAILED', 'CANCELLED']);
  });
});
