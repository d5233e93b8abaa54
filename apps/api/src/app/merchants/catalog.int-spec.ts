import { Database } from '@federacycle/platform-database';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

const merchantBody = (name: string) => ({
  name,
  kind: 'restaurant',
  address: { line1: '5 quai Saint-Antoine', line2: null, postalCode: '69002', city: 'Lyon', country: 'FR' },
  location: { lat: 45.7635, lng: 4.8312, geocodedBy: 'typed' },
  openingHours: 'Mo-Su 11:00-23:00',
  fulfilment: ['delivery'],
  perimeter: { kind: 'radius', radiusM: 2500 },
});

const cooking = {
  name: 'Cuisson',
  selection: 'single',
  minSelect: 1,
  maxSelect: 1,
  options: [
    { name: 'Saignant', priceDelta: 0 },
    { name: 'À point', priceDelta: 0 },
  ],
};
const extras = {
  name: 'Suppléments',
  selection: 'multiple',
  minSelect: 0,
  maxSelect: 2,
  options: [
    { name: 'Cheddar', priceDelta: 150 },
    { name: 'Bacon', priceDelta: 200 },
    { name: 'Sans oignon', priceDelta: -50 },
  ],
};

describe('menus (catalog) over HTTP (real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  let admin: string;
  let dispatcher: string;
  let staff: string;
  let merchant: string;
  let other: string;
  let mains: string;
  let desserts: string;

  beforeAll(async () => {
    h = await startHarness();
    const coop = await insertCoop(h.su, 'menus-a', 'Menus A');
    await insertUser(h, 'admin@menus.test', 'Admin', [[coop, ['coop_admin']]]);
    await insertUser(h, 'disp@menus.test', 'Dispatcher', [[coop, ['dispatcher']]]);
    const staffId = await insertUser(h, 'staff@menus.test', 'Staff', [[coop, ['merchant_staff']]]);
    admin = (await signIn(h, 'admin@menus.test')).accessToken;
    dispatcher = (await signIn(h, 'disp@menus.test')).accessToken;
    merchant = (await api(admin).post('/api/merchants', merchantBody('Le Bouchon'))).body.id;
    other = (await api(admin).post('/api/merchants', merchantBody('La Voisine'))).body.id;
    await api(admin)
      .put(`/api/merchant-staff/${staffId}`, { merchantIds: [merchant] })
      .expect(200);
    staff = (await signIn(h, 'staff@menus.test')).accessToken;
  });
  afterAll(() => h?.close());

  function api(token: string) {
    const auth = (r: ReturnType<ReturnType<IdentityHarness['http']>['get']>) =>
      r.set('Authorization', `Bearer ${token}`);
    return {
      get: (url: string) => auth(h.http().get(url)),
      post: (url: string, body: object) => auth(h.http().post(url)).send(body),
      put: (url: string, body: object) => auth(h.http().put(url)).send(body),
      patch: (url: string, body: object) => auth(h.http().patch(url)).send(body),
      delete: (url: string) => auth(h.http().delete(url)),
    };
  }
  const menuUrl = (m: string) => `/api/merchants/${m}/menu`;
  const rows = async (table: string) =>
    Number((await h.su.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]?.n);

  it('builds a menu: ordered categories, products with option groups, allergens and VAT', async () => {
    const a = await api(admin).post(`${menuUrl(merchant)}/categories`, { name: 'Plats' });
    expect([a.status, a.body.position]).toEqual([201, 0]);
    mains = a.body.id;
    desserts = (await api(staff).post(`${menuUrl(merchant)}/categories`, { name: 'Desserts' })).body.id;
    const burger = await api(admin).post(`${menuUrl(merchant)}/products`, {
      categoryId: mains,
      name: 'Burger lyonnais',
      description: 'Saint-Marcellin, oignons confits',
      price: 1450,
      vatRate: 1000,
      allergens: ['gluten', 'milk'],
      optionGroups: [cooking, extras],
    });
    expect(burger.status).toBe(201);
    expect(burger.body).toMatchObject({
      name: 'Burger lyonnais',
      price: 1450,
      vatRate: 1000,
      available: true,
      position: 0,
    });
    expect(burger.body.optionGroups.map((g: { name: string }) => g.name)).toEqual(['Cuisson', 'Suppléments']);
    expect(burger.body.optionGroups[1].options[2]).toMatchObject({ name: 'Sans oignon', priceDelta: -50 });
    await api(admin)
      .post(`${menuUrl(merchant)}/products`, { categoryId: mains, name: 'Quenelle', price: 1600, vatRate: 1000 })
      .expect(201);
    await api(staff)
      .post(`${menuUrl(merchant)}/products`, {
        categoryId: desserts,
        name: 'Tarte aux pralines',
        price: 650,
        vatRate: 550,
      })
      .expect(201);

    const menu = await api(dispatcher).get(menuUrl(merchant));
    expect(menu.status).toBe(200);
    expect(menu.body.currency).toBe('EUR');
    expect(menu.body.categories.map((c: { name: string }) => c.name)).toEqual(['Plats', 'Desserts']);
    expect(menu.body.categories[0].products.map((p: { name: string }) => p.name)).toEqual([
      'Burger lyonnais',
      'Quenelle',
    ]);
  });

  it('reads the whole menu in one round trip to PostgreSQL', async () => {
    const db = h.app.get(Database);
    const connect = jest.spyOn(db.pool, 'connect');
    try {
      const res = await api(dispatcher).get(menuUrl(merchant));
      expect(res.status).toBe(200);
      // one statement with its BEGIN, session check and COMMIT, pipelined on one connection
      expect(connect).toHaveBeenCalledTimes(1);
    } finally {
      connect.mockRestore();
    }
  });

  it('refuses bad products with stable codes and writes nothing', async () => {
    const before = await rows('products');
    const cases: Array<[object, number, string]> = [
      [{ categoryId: mains, name: 'X', price: 100, vatRate: 700 }, 400, 'VAT_RATE_NOT_ALLOWED'],
      [{ categoryId: mains, name: 'X', price: -1, vatRate: 1000 }, 400, 'VALIDATION_FAILED'],
      [{ categoryId: mains, name: 'X', price: 100, vatRate: 1000, allergens: ['pineapple'] }, 400, 'VALIDATION_FAILED'],
      [{ categoryId: mains, name: 'burger LYONNAIS', price: 100, vatRate: 1000 }, 409, 'DUPLICATE_PRODUCT_NAME'],
      [
        { categoryId: mains, name: 'X', price: 100, vatRate: 1000, optionGroups: [{ ...cooking, maxSelect: 2 }] },
        400,
        'OPTION_GROUP_INVALID',
      ],
      [
        {
          categoryId: mains,
          name: 'X',
          price: 100,
          vatRate: 1000,
          optionGroups: [{ ...extras, minSelect: 4, maxSelect: 4 }],
        },
        400,
        'OPTION_GROUP_INVALID',
      ],
      [{ categoryId: '00000000-0000-4000-8000-000000000000', name: 'X', price: 100, vatRate: 1000 }, 404, 'NOT_FOUND'],
    ];
    for (const [body, status, code] of cases) {
      const res = await api(admin).post(`${menuUrl(merchant)}/products`, body);
      expect([JSON.stringify(body).slice(0, 80), res.status, res.body.code]).toEqual([
        JSON.stringify(body).slice(0, 80),
        status,
        code,
      ]);
    }
    // a category of another merchant of the coop: the composite key keeps menus apart
    const theirs = (await api(admin).post(`${menuUrl(other)}/categories`, { name: 'Chez la voisine' })).body.id;
    const cross = await api(admin).post(`${menuUrl(merchant)}/products`, {
      categoryId: theirs,
      name: 'X',
      price: 1,
      vatRate: 1000,
    });
    expect(cross.status).toBe(404);
    const dup = await api(admin).post(`${menuUrl(merchant)}/categories`, { name: 'plats' });
    expect([dup.status, dup.body.code]).toEqual([409, 'DUPLICATE_CATEGORY_NAME']);
    expect(await rows('products')).toBe(before);
  });

  it('reorders categories, products and options in one conditional write', async () => {
    const menu = (await api(admin).get(menuUrl(merchant))).body;
    const [plats, sweet] = menu.categories.map((c: { id: string }) => c.id);
    await api(staff)
      .put(`${menuUrl(merchant)}/categories/order`, { ids: [sweet, plats] })
      .expect(204);
    const products = menu.categories[0].products.map((p: { id: string }) => p.id);
    await api(admin)
      .put(`${menuUrl(merchant)}/categories/${plats}/products/order`, { ids: [...products].reverse() })
      .expect(204);
    const group = menu.categories[0].products[0].optionGroups[1];
    const optionIds = group.options.map((o: { id: string }) => o.id);
    await api(admin)
      .put(`${menuUrl(merchant)}/option-groups/${group.id}/options/order`, {
        ids: [optionIds[2], optionIds[0], optionIds[1]],
      })
      .expect(204);
    const after = (await api(admin).get(menuUrl(merchant))).body;
    expect(after.categories.map((c: { name: string }) => c.name)).toEqual(['Desserts', 'Plats']);
    expect(after.categories[1].products.map((p: { name: string }) => p.name)).toEqual(['Quenelle', 'Burger lyonnais']);
    expect(after.categories[1].products[1].optionGroups[1].options.map((o: { name: string }) => o.name)).toEqual([
      'Sans oignon',
      'Cheddar',
      'Bacon',
    ]);
    // a partial or stale list changes nothing
    const partial = await api(admin).put(`${menuUrl(merchant)}/categories/order`, { ids: [plats] });
    expect([partial.status, partial.body.code]).toEqual([409, 'REORDER_MISMATCH']);
    const foreign = await api(admin).put(`${menuUrl(merchant)}/categories/order`, {
      ids: [plats, '00000000-0000-4000-8000-000000000000'],
    });
    expect([foreign.status, foreign.body.code]).toEqual([409, 'REORDER_MISMATCH']);
    expect((await api(admin).get(menuUrl(merchant))).body.categories.map((c: { name: string }) => c.name)).toEqual([
      'Desserts',
      'Plats',
    ]);
  });

  it('lets the merchant’s staff mark a product and an option out of stock, and not another merchant’s', async () => {
    const menu = (await api(staff).get(menuUrl(merchant))).body;
    const burger = menu.categories[1].products[1];
    const off = await api(staff).post(`${menuUrl(merchant)}/products/${burger.id}/stock`, { available: false });
    expect([off.status, off.body]).toEqual([200, { id: burger.id, available: false }]);
    const bacon = burger.optionGroups[1].options.find((o: { name: string }) => o.name === 'Bacon');
    await api(staff)
      .post(`${menuUrl(merchant)}/options/${bacon.id}/stock`, { available: false })
      .expect(200);
    const after = (await api(dispatcher).get(menuUrl(merchant))).body.categories[1].products[1];
    expect(after.available).toBe(false);
    expect(after.optionGroups[1].options.find((o: { name: string }) => o.name === 'Bacon').available).toBe(false);
    expect(
      (await api(dispatcher).post(`${menuUrl(merchant)}/products/${burger.id}/stock`, { available: true })).status,
    ).toBe(403);
    // staff of this merchant only: the other merchant's menu is not found
    expect((await api(staff).get(menuUrl(other))).status).toBe(404);
    expect((await api(staff).post(`${menuUrl(other)}/categories`, { name: 'Mine' })).status).toBe(404);
    expect(
      (await api(staff).post(`${menuUrl(merchant)}/products/${burger.id}/stock`, { available: 'no' })).status,
    ).toBe(400);
  });

  it('exports a menu as JSON and imports it elsewhere, all or nothing', async () => {
    const exported = await api(admin).get(`${menuUrl(merchant)}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({ format: 'federacycle.menu', version: 1, currency: 'EUR' });
    expect(JSON.stringify(exported.body)).not.toContain('"id"');
    const imported = await api(admin).post(`${menuUrl(other)}/import`, exported.body);
    expect(imported.status).toBe(200);
    const strip = (menu: { categories: unknown[] }) =>
      JSON.parse(
        JSON.stringify(menu.categories, (k, v) => (['id', 'categoryId', 'imageUrl'].includes(k) ? undefined : v)),
      );
    const source = (await api(admin).get(menuUrl(merchant))).body;
    expect(strip(imported.body)).toEqual(strip(source));

    const before = JSON.stringify((await api(admin).get(menuUrl(other))).body);
    const broken = structuredClone(exported.body);
    broken.categories[1].products[0].vatRate = 1900; // a German rate in a French restaurant
    broken.categories[0].products.push({ ...broken.categories[0].products[0] }); // a duplicate name
    const refused = await api(admin).post(`${menuUrl(other)}/import`, broken);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('MENU_IMPORT_INVALID');
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'categories.0.products.1.name',
      'categories.1.products.0.vatRate',
    ]);
    expect(JSON.stringify((await api(admin).get(menuUrl(other))).body)).toBe(before);
    const wrongFormat = await api(admin).post(`${menuUrl(other)}/import`, { ...exported.body, version: 2 });
    expect([wrongFormat.status, wrongFormat.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('updates a product (groups replaced), deletes products and categories with what they hold', async () => {
    const menu = (await api(admin).get(menuUrl(merchant))).body;
    const burger = menu.categories[1].products[1];
    const updated = await api(admin).patch(`${menuUrl(merchant)}/products/${burger.id}`, {
      price: 1500,
      optionGroups: [cooking],
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ price: 1500, name: 'Burger lyonnais' });
    expect(updated.body.optionGroups).toHaveLength(1);
    const vat = await api(admin).patch(`${menuUrl(merchant)}/products/${burger.id}`, { vatRate: 1900 });
    expect([vat.status, vat.body.code]).toEqual([400, 'VAT_RATE_NOT_ALLOWED']);
    await api(admin)
      .delete(`${menuUrl(merchant)}/products/${burger.id}`)
      .expect(204);
    const options = await rows('menu_options');
    await api(admin)
      .delete(`${menuUrl(merchant)}/categories/${menu.categories[1].id}`)
      .expect(204);
    expect(await rows('menu_options')).toBeLessThanOrEqual(options);
    const left = (await api(admin).get(menuUrl(merchant))).body;
    expect(left.categories.map((c: { name: string }) => c.name)).toEqual(['Desserts']);
    expect((await api(admin).delete(`${menuUrl(merchant)}/categories/${menu.categories[1].id}`)).status).toBe(404);
  });
});
