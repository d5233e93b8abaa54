import { MENU_READ_SQL } from '@federacycle/merchants-server';
import type { Scenario } from '../harness';

const CATEGORIES = 5;
const PRODUCTS_PER_CATEGORY = 8;
const GROUPS_PER_PRODUCT = 2;
const OPTIONS_PER_GROUP = 3;

/** The merchants of the seeded coops (one a coop, `Bench bistro <n>`). */
const MERCHANTS = `from merchants m join coops k on k.id = m.coop_id
  where split_part(k.slug, '-', 2)::int between $1 and $2 and m.name like 'Bench bistro %'`;

/**
 * GET /api/merchants/:id/menu: a restaurant's whole menu — 5 categories of 8 products (40), each
 * with 2 option groups of 3 options — read in one statement (PostgreSQL builds the JSON).
 */
export const menuScenario: Scenario = {
  name: 'menu',
  data: `a ${CATEGORIES * PRODUCTS_PER_CATEGORY}-product menu with ${GROUPS_PER_PRODUCT} option groups of ${OPTIONS_PER_GROUP} options a product`,
  path: (ids) => `/api/merchants/${ids['merchant']}/menu`,
  tables: ['merchants', 'menu_categories', 'products', 'option_groups', 'menu_options'],
  async seed({ su, from, to }) {
    await su.query(
      `insert into merchants (coop_id, name, kind, address_line1, postal_code, city, country, lat, lng, geocoded_by,
                              opening_hours, fulfilment, perimeter_kind, perimeter_radius_m, currency)
       select k.id, 'Bench bistro ' || split_part(k.slug, '-', 2), 'restaurant', '12 rue de la République', '69002',
              'Lyon', 'FR', 45.7597, 4.8357, 'manual_pin', 'Mo-Sa 11:30-14:30,18:30-22:30', '{delivery,collection}',
              'radius', 3000, 'EUR'
         from coops k where k.slug like 'bench-%' and split_part(k.slug, '-', 2)::int between $1 and $2`,
      [from, to],
    );
    await su.query(
      `insert into menu_categories (coop_id, merchant_id, name, position)
       select m.coop_id, m.id, 'Category ' || g, g ${MERCHANTS.replace('where', ', generate_series(1, $3::int) g where')}`,
      [from, to, CATEGORIES],
    );
    await su.query(
      `insert into products (coop_id, merchant_id, category_id, name, description, price_amount, vat_rate, allergens, position)
       select c.coop_id, c.merchant_id, c.id, c.name || ' dish ' || g, 'Seasonal, cooked to order', 900 + g * 50, 1000,
              '{gluten,milk}', g
         from menu_categories c join merchants m on m.coop_id = c.coop_id and m.id = c.merchant_id
         join coops k on k.id = m.coop_id, generate_series(1, $3::int) g
        where split_part(k.slug, '-', 2)::int between $1 and $2 and m.name like 'Bench bistro %'`,
      [from, to, PRODUCTS_PER_CATEGORY],
    );
    await su.query(
      `insert into option_groups (coop_id, merchant_id, product_id, name, selection, min_select, max_select, position)
       select p.coop_id, p.merchant_id, p.id, case g when 1 then 'Size' else 'Extras' end,
              case g when 1 then 'single' else 'multiple' end, case g when 1 then 1 else 0 end,
              case g when 1 then 1 else 3 end, g
         from products p join merchants m on m.coop_id = p.coop_id and m.id = p.merchant_id
         join coops k on k.id = m.coop_id, generate_series(1, $3::int) g
        where split_part(k.slug, '-', 2)::int between $1 and $2 and m.name like 'Bench bistro %'`,
      [from, to, GROUPS_PER_PRODUCT],
    );
    await su.query(
      `insert into menu_options (coop_id, merchant_id, group_id, name, price_delta, position)
       select o.coop_id, o.merchant_id, o.id, o.name || ' ' || g, (g - 1) * 100, g
         from option_groups o join merchants m on m.coop_id = o.coop_id and m.id = o.merchant_id
         join coops k on k.id = m.coop_id, generate_series(1, $3::int) g
        where split_part(k.slug, '-', 2)::int between $1 and $2 and m.name like 'Bench bistro %'`,
      [from, to, OPTIONS_PER_GROUP],
    );
  },
  async prepare(su, coopId) {
    const merchant = await su.query<{ id: string }>(
      "select id from merchants where coop_id = $1 and name like 'Bench bistro %'",
      [coopId],
    );
    return { merchant: merchant.rows[0]?.id as string };
  },
  // the API's own statement (CatalogService.menu): a coop admin reads with no merchant scope
  bareSql: MENU_READ_SQL,
  bareParams: (coopId, ids) => [coopId, ids['merchant'], null],
  bareBody: (rows) => rows[0]?.['menu'],
};
