import type { CoopFixture, Expectation, Probe, Role } from '../isolation/access-expectation';

/**
 * The expected access of the menu routes: coop admins and the merchant's own staff change a
 * menu, dispatchers read it. Every probe aims at a foreign coop's merchant (404), and `sameCoop`
 * at the coop's other merchant, which its staff member is not assigned to (404, nothing shown).
 */
const READERS: Role[] = ['coop_admin', 'dispatcher', 'merchant_staff'];
const EDITORS: Role[] = ['coop_admin', 'merchant_staff'];

type Aim = (c: CoopFixture, merchant: string, ref: (name: string) => string) => Probe;

/** The probe against the foreign coop's merchant and, for staff, against their coop's other merchant. */
function menuRoute(permission: 'read:Menu' | 'update:Menu', aim: Aim, kind: 'read' | 'write' = 'write'): Expectation {
  const mine = (c: CoopFixture) => (name: string) => c.refs[name] as string;
  const other = (c: CoopFixture) => (name: string) =>
    c.refs[`other${name[0]?.toUpperCase()}${name.slice(1)}`] as string;
  return {
    permission,
    kind,
    allowed: permission === 'read:Menu' ? READERS : EDITORS,
    probe: (f) => aim(f, f.refs['merchant'] as string, mine(f)),
    sameCoop: (own) => aim(own, own.refs['otherMerchant'] as string, other(own)),
  };
}

const base = (merchant: string) => `/api/merchants/${merchant}/menu`;
const productBody = (categoryId: string) => ({ categoryId, name: 'Probe dish', price: 900, vatRate: 1000 });

export const CATALOG_EXPECTED: Record<string, Expectation> = {
  'GET /api/merchants/:merchantId/menu': menuRoute('read:Menu', (_c, m) => ({ method: 'get', url: base(m) }), 'read'),
  'GET /api/merchants/:merchantId/menu/export': menuRoute(
    'read:Menu',
    (_c, m) => ({ method: 'get', url: `${base(m)}/export` }),
    'read',
  ),
  'POST /api/merchants/:merchantId/menu/import': menuRoute('update:Menu', (_c, m) => ({
    method: 'post',
    url: `${base(m)}/import`,
    body: { format: 'federacycle.menu', version: 1, currency: 'EUR', categories: [] },
  })),
  'POST /api/merchants/:merchantId/menu/categories': menuRoute('update:Menu', (_c, m) => ({
    method: 'post',
    url: `${base(m)}/categories`,
    body: { name: 'Probe category' },
  })),
  'PUT /api/merchants/:merchantId/menu/categories/order': menuRoute('update:Menu', (_c, m, ref) => ({
    method: 'put',
    url: `${base(m)}/categories/order`,
    body: { ids: [ref('category')] },
  })),
  'PATCH /api/merchants/:merchantId/menu/categories/:categoryId': menuRoute('update:Menu', (_c, m, ref) => ({
    method: 'patch',
    url: `${base(m)}/categories/${ref('category')}`,
    body: { name: 'Renamed' },
  })),
  'DELETE /api/merchants/:merchantId/menu/categories/:categoryId': menuRoute('update:Menu', (_c, m, ref) => ({
    method: 'delete',
    url: `${base(m)}/categories/${ref('category')}`,
  })),
  'PUT /api/merchants/:merchantId/menu/categories/:categoryId/products/order': menuRoute(
    'update:Menu',
    (_c, m, ref) => ({
      method: 'put',
      url: `${base(m)}/categories/${ref('category')}/products/order`,
      body: { ids: [ref('product')] },
    }),
  ),
  'POST /api/merchants/:merchantId/menu/products': menuRoute('update:Menu', (_c, m, ref) => ({
    method: 'post',
    url: `${base(m)}/products`,
    body: productBody(ref('category')),
  })),
  'PATCH /api/merchants/:merchantId/menu/products/:productId': menuRoute('update:Menu', (_c, m, ref) => ({
    method: 'patch',
    url: `${base(m)}/products/${ref('product')}`,
    body: { price: 1 },
  })),
  'DELETE /api/merchants/:merchantId/menu/products/:productId': menuRoute('update:Menu', (_c, m, ref) => ({
    method: 'delete',
    url: `${base(m)}/products/${ref('product')}`,
  })),
  'POST /api/merchants/:merchantId/menu/products/:productId/stock': menuRoute('update:Menu', (_c, m, ref) => ({
    method: 'post',
    url: `${base(m)}/products/${ref('product')}/stock`,
    body: { available: false },
  })),
  'POST /api/merchants/:merchantId/menu/options/:optionId/stock': menuRoute('update:Menu', (_c, m, ref) => ({
    method: 'post',
    url: `${base(m)}/options/${ref('option')}/stock`,
    body: { available: false },
  })),
  'PUT /api/merchants/:merchantId/menu/option-groups/:groupId/options/order': menuRoute(
    'update:Menu',
    (_c, m, ref) => ({
      method: 'put',
      url: `${base(m)}/option-groups/${ref('group')}/options/order`,
      body: { ids: [ref('option')] },
    }),
  ),
};
