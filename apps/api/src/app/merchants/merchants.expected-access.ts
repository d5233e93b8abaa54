import type { Expectation, Role } from '../isolation/access-expectation';
import { merchantsFixture } from './merchants-fixture';

/**
 * The expected access of the merchants domain's routes, as the isolation suite probes them:
 * coop admins manage, dispatchers read, merchant staff read and pause their own merchants only
 * (`sameCoop`: aimed at the coop's other merchant, they get 404 and see nothing of it).
 */
export const MERCHANT_READERS: Role[] = ['coop_admin', 'dispatcher', 'merchant_staff'];
export const MERCHANT_ADMINS: Role[] = ['coop_admin'];
export const MERCHANT_OPERATORS: Role[] = ['coop_admin', 'merchant_staff'];

const merchantBody = (zoneId: string) => ({
  name: 'Probe bistro',
  kind: 'restaurant',
  address: { line1: '3 rue Mercière', line2: null, postalCode: '69002', city: 'Lyon', country: 'FR' },
  location: { lat: 45.762, lng: 4.833, geocodedBy: 'typed' },
  openingHours: 'Mo-Fr 11:00-14:00',
  fulfilment: ['delivery'],
  perimeter: { kind: 'zone', zoneId },
});

export const MERCHANTS_EXPECTED: Record<string, Expectation> = {
  'GET /api/merchants': {
    permission: 'read:Merchant',
    kind: 'list',
    allowed: MERCHANT_READERS,
    probe: () => ({ method: 'get', url: '/api/merchants?limit=200' }),
    fixture: merchantsFixture,
    sameCoop: () => ({ method: 'get', url: '/api/merchants?limit=200' }),
  },
  // a merchant whose perimeter names another coop's zone: the composite foreign key refuses it
  'POST /api/merchants': {
    permission: 'create:Merchant',
    kind: 'body',
    allowed: MERCHANT_ADMINS,
    status: 400,
    probe: (f) => ({ method: 'post', url: '/api/merchants', body: merchantBody(f.refs['zone'] as string) }),
  },
  'POST /api/merchants/hours/preview': {
    permission: 'read:Merchant',
    kind: 'write',
    allowed: MERCHANT_READERS,
    status: 200,
    probe: () => ({
      method: 'post',
      url: '/api/merchants/hours/preview',
      body: { openingHours: 'Mo-Fr 11:00-14:00; PH off', country: 'FR' },
    }),
  },
  'GET /api/merchants/:id': {
    permission: 'read:Merchant',
    kind: 'read',
    allowed: MERCHANT_READERS,
    probe: (f) => ({ method: 'get', url: `/api/merchants/${f.refs['merchant']}` }),
    sameCoop: (own) => ({ method: 'get', url: `/api/merchants/${own.refs['otherMerchant']}` }),
  },
  'PATCH /api/merchants/:id': {
    permission: 'update:Merchant',
    kind: 'write',
    allowed: MERCHANT_ADMINS,
    probe: (f) => ({ method: 'patch', url: `/api/merchants/${f.refs['merchant']}`, body: { name: 'Taken over' } }),
  },
  'POST /api/merchants/:id/pause': {
    permission: 'update:MerchantPause',
    kind: 'write',
    allowed: MERCHANT_OPERATORS,
    probe: (f) => ({ method: 'post', url: `/api/merchants/${f.refs['merchant']}/pause`, body: { reason: 'probe' } }),
    sameCoop: (own) => ({
      method: 'post',
      url: `/api/merchants/${own.refs['otherMerchant']}/pause`,
      body: { reason: 'probe' },
    }),
  },
  'POST /api/merchants/:id/unpause': {
    permission: 'update:MerchantPause',
    kind: 'write',
    allowed: MERCHANT_OPERATORS,
    probe: (f) => ({ method: 'post', url: `/api/merchants/${f.refs['merchant']}/unpause`, body: {} }),
    sameCoop: (own) => ({ method: 'post', url: `/api/merchants/${own.refs['otherMerchant']}/unpause`, body: {} }),
  },
  'POST /api/merchants/:id/archive': {
    permission: 'delete:Merchant',
    kind: 'write',
    allowed: MERCHANT_ADMINS,
    probe: (f) => ({ method: 'post', url: `/api/merchants/${f.refs['merchant']}/archive`, body: {} }),
  },
  'GET /api/merchant-staff': {
    permission: 'update:Merchant',
    kind: 'list',
    allowed: MERCHANT_ADMINS,
    probe: () => ({ method: 'get', url: '/api/merchant-staff' }),
  },
  // another coop's staff member: not a member here
  'PUT /api/merchant-staff/:userId': {
    permission: 'update:Merchant',
    kind: 'write',
    allowed: MERCHANT_ADMINS,
    probe: (f) => ({
      method: 'put',
      url: `/api/merchant-staff/${f.users['merchant_staff']}`,
      body: { merchantIds: [] },
    }),
  },
};
