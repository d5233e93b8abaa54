import type { MerchantKind } from '@federacycle/contracts';
import { setMerchantIdsInTransaction } from '@federacycle/identity-server';
import { Coop, TenantContext, type Database, type Tx } from '@federacycle/platform-database';
import { MenuCategory, MenuOption, OptionGroup, Product } from '../catalog/catalog.entities';
import { Merchant } from '../merchants/merchant.entity';
import { DEMO_MENUS } from './demo-menus';

type DemoMerchant = [
  name: string,
  kind: MerchantKind,
  menu: keyof typeof DEMO_MENUS,
  line1: string,
  postalCode: string,
  lat: number,
  lng: number,
  hours: string,
];

interface DemoCity {
  slug: string;
  city: string;
  country: string;
  merchants: DemoMerchant[];
}

const LUNCH_DINNER = 'Mo-Sa 11:30-14:30,18:30-22:30; PH off';
const SHOP = 'Tu-Sa 08:00-19:30; Su 08:00-13:00; PH off';
const BAKERY = 'Mo-Sa 06:30-19:30; Su 07:00-13:00';
const ALL_DAY = 'Mo-Su 11:00-23:00';

/** Twelve merchants per demo coop, at real-looking addresses inside each city. */
export const DEMO_MERCHANTS: readonly DemoCity[] = [
  {
    slug: 'lyon',
    city: 'Lyon',
    country: 'FR',
    merchants: [
      [
        'Le Bouchon des Cordeliers',
        'restaurant',
        'bistro',
        '12 rue Ferrandière',
        '69002',
        45.7625,
        4.8347,
        LUNCH_DINNER,
      ],
      ['Pizzeria Da Nello', 'restaurant', 'pizza', '8 rue Mercière', '69002', 45.7618, 4.8331, ALL_DAY],
      [
        'Bistrot de la Croix-Rousse',
        'restaurant',
        'bistro',
        '15 boulevard de la Croix-Rousse',
        '69004',
        45.7745,
        4.829,
        LUNCH_DINNER,
      ],
      ['Sushi Part-Dieu', 'restaurant', 'asian', '40 rue de la Villette', '69003', 45.7607, 4.86, LUNCH_DINNER],
      ['Pizza Saint-Jean', 'restaurant', 'pizza', '5 rue Saint-Jean', '69005', 45.7625, 4.8275, ALL_DAY],
      [
        'Boulangerie de la Guillotière',
        'shop',
        'bakery',
        '62 grande rue de la Guillotière',
        '69007',
        45.753,
        4.844,
        BAKERY,
      ],
      ['Épicerie des Pentes', 'shop', 'grocery', '21 montée de la Grande-Côte', '69001', 45.771, 4.8322, SHOP],
      ['Fromagerie Bellecour', 'shop', 'grocery', '3 rue Gasparin', '69002', 45.7572, 4.833, SHOP],
      ['Thaï Brotteaux', 'restaurant', 'asian', '30 rue Tronchet', '69006', 45.77, 4.85, LUNCH_DINNER],
      ['Boulangerie Confluence', 'shop', 'bakery', '112 cours Charlemagne', '69002', 45.742, 4.818, BAKERY],
      [
        'Vélo Pièces Lyon',
        'partner_store',
        'parts',
        '18 rue Montesquieu',
        '69007',
        45.7515,
        4.842,
        'Tu-Sa 10:00-19:00',
      ],
      ['Primeur de la Martinière', 'shop', 'grocery', '9 rue de la Martinière', '69001', 45.7674, 4.8286, SHOP],
    ],
  },
  {
    slug: 'barcelona',
    city: 'Barcelona',
    country: 'ES',
    merchants: [
      [
        'Bar del Born',
        'restaurant',
        'bistro',
        'Carrer de l’Argenteria 30',
        '08003',
        41.3842,
        2.1803,
        'Mo-Su 12:00-16:00,19:30-23:30',
      ],
      ['Pizzeria Gràcia', 'restaurant', 'pizza', 'Carrer de Verdi 22', '08012', 41.4031, 2.1573, ALL_DAY],
      [
        'Sushi Eixample',
        'restaurant',
        'asian',
        'Carrer d’Aragó 210',
        '08011',
        41.3879,
        2.1589,
        'Mo-Sa 13:00-16:00,20:00-23:30',
      ],
      ['Forn de Sant Antoni', 'shop', 'bakery', 'Carrer del Comte Borrell 45', '08015', 41.3776, 2.1611, BAKERY],
      ['Colmado Raval', 'shop', 'grocery', 'Carrer de la Riera Baixa 12', '08001', 41.3808, 2.1669, SHOP],
      [
        'Taverna Poble-sec',
        'restaurant',
        'bistro',
        'Carrer de Blai 18',
        '08004',
        41.3735,
        2.1636,
        'Mo-Su 12:00-16:00,19:30-23:30',
      ],
      ['Thai Sagrada Família', 'restaurant', 'asian', 'Carrer de Mallorca 401', '08013', 41.4036, 2.1744, ALL_DAY],
      ['Pizza Barceloneta', 'restaurant', 'pizza', 'Carrer de la Maquinista 9', '08003', 41.3809, 2.1899, ALL_DAY],
      ['Fruiteria Sants', 'shop', 'grocery', 'Carrer de Sants 140', '08028', 41.3752, 2.1338, SHOP],
      ['Forn Gràcia', 'shop', 'bakery', 'Travessera de Gràcia 150', '08012', 41.4017, 2.1569, BAKERY],
      [
        'BiciRecanvis BCN',
        'partner_store',
        'parts',
        'Carrer de Girona 88',
        '08009',
        41.3964,
        2.1693,
        'Mo-Fr 10:00-20:00; Sa 10:00-14:00',
      ],
      ['Queviures Sant Gervasi', 'shop', 'grocery', 'Carrer de Muntaner 420', '08006', 41.3991, 2.1412, SHOP],
    ],
  },
  {
    slug: 'berlin',
    city: 'Berlin',
    country: 'DE',
    merchants: [
      ['Kiezküche Kreuzberg', 'restaurant', 'bistro', 'Oranienstraße 34', '10999', 52.5013, 13.4189, LUNCH_DINNER],
      ['Pizzeria Neukölln', 'restaurant', 'pizza', 'Weserstraße 52', '12045', 52.4861, 13.4333, ALL_DAY],
      ['Sushi Mitte', 'restaurant', 'asian', 'Torstraße 102', '10119', 52.5295, 13.4039, LUNCH_DINNER],
      ['Bäckerei Prenzlauer Berg', 'shop', 'bakery', 'Kastanienallee 12', '10435', 52.5379, 13.4087, BAKERY],
      ['Feinkost Friedrichshain', 'shop', 'grocery', 'Simon-Dach-Straße 25', '10245', 52.5104, 13.4572, SHOP],
      ['Thai Schöneberg', 'restaurant', 'asian', 'Goltzstraße 31', '10781', 52.4942, 13.3531, LUNCH_DINNER],
      ['Wirtshaus Wedding', 'restaurant', 'bistro', 'Müllerstraße 140', '13353', 52.5443, 13.3541, LUNCH_DINNER],
      ['Pizza Charlottenburg', 'restaurant', 'pizza', 'Kantstraße 60', '10627', 52.5058, 13.3093, ALL_DAY],
      ['Bio-Markt Moabit', 'shop', 'grocery', 'Turmstraße 48', '10551', 52.5262, 13.3411, SHOP],
      ['Bäckerei Kreuzkölln', 'shop', 'bakery', 'Pannierstraße 20', '12047', 52.4893, 13.4302, BAKERY],
      [
        'Radteile Berlin',
        'partner_store',
        'parts',
        'Warschauer Straße 70',
        '10243',
        52.5089,
        13.4497,
        'Mo-Fr 10:00-19:00; Sa 10:00-16:00',
      ],
      ['Gemüse Pankow', 'shop', 'grocery', 'Breite Straße 8', '13187', 52.5694, 13.4021, SHOP],
    ],
  },
];

export interface SeedMerchantsResult {
  merchants: number;
  products: number;
}

async function seedMenu(tx: Tx, coopId: string, merchantId: string, menu: keyof typeof DEMO_MENUS, country: string) {
  const demo = DEMO_MENUS[menu];
  if (!demo) return 0;
  let products = 0;
  for (const [ci, category] of demo.categories.entries()) {
    const c = await tx.manager.insert(MenuCategory, { coopId, merchantId, name: category.name, position: ci });
    const categoryId = (c.identifiers[0] as { id: string }).id;
    for (const [pi, [name, price, allergens, groups]] of category.products.entries()) {
      const p = await tx.manager.insert(Product, {
        coopId,
        merchantId,
        categoryId,
        name,
        priceAmount: price,
        vatRate: demo.vat[country] ?? 1000,
        allergens,
        // a product or two out of stock, so the staff view shows both states
        available: !(ci === 0 && pi === 2),
        position: pi,
      });
      products += 1;
      const productId = (p.identifiers[0] as { id: string }).id;
      for (const [gi, group] of (groups ?? []).entries()) {
        const g = await tx.manager.insert(OptionGroup, {
          coopId,
          merchantId,
          productId,
          name: group.name,
          selection: group.selection,
          minSelect: group.minSelect,
          maxSelect: group.maxSelect,
          position: gi,
        });
        const groupId = (g.identifiers[0] as { id: string }).id;
        await tx.manager.insert(
          MenuOption,
          group.options.map((o, oi) => ({
            coopId,
            merchantId,
            groupId,
            name: o.name,
            priceDelta: o.priceDelta,
            position: oi,
          })),
        );
      }
    }
  }
  return products;
}

/**
 * The demo coops' merchants and menus, and the demo merchant_staff account scoped to the first
 * two merchants of its coop. Idempotent: a merchant that exists (by name) is left as it is.
 */
export async function seedMerchants(
  db: Database,
  cities: readonly DemoCity[] = DEMO_MERCHANTS,
): Promise<SeedMerchantsResult> {
  const result: SeedMerchantsResult = { merchants: 0, products: 0 };
  for (const city of cities) {
    const coop = await db.platform((tx) =>
      tx.manager.findOne(Coop, { where: { slug: city.slug }, select: { id: true, currency: true } }),
    );
    if (!coop) continue;
    await db.forCoop(coop.id, async (tx) => {
      const ids: string[] = [];
      for (const [name, kind, menu, line1, postalCode, lat, lng, hours] of city.merchants) {
        const existing = await tx.manager.findOne(Merchant, { where: { coopId: coop.id, name }, select: { id: true } });
        if (existing) {
          ids.push(existing.id);
          continue;
        }
        const inserted = await tx.manager.insert(Merchant, {
          coopId: coop.id,
          name,
          kind,
          addressLine1: line1,
          addressLine2: null,
          postalCode,
          city: city.city,
          country: city.country,
          lat,
          lng,
          geocodedBy: 'manual_pin',
          geocoderRef: null,
          contactName: null,
          contactPhone: null,
          contactEmail: null,
          openingHours: hours,
          holidayRegion: city.country === 'DE' ? 'BE' : null,
          prepDefaultMinutes: kind === 'restaurant' ? 15 : 5,
          prepBusy: kind === 'restaurant' ? [{ when: 'Fr,Sa 19:00-21:30', minutes: 30 }] : [],
          fulfilment: kind === 'partner_store' ? ['delivery'] : ['delivery', 'collection'],
          perimeterKind: 'radius',
          perimeterRadiusM: kind === 'restaurant' ? 3000 : 5000,
          perimeterZoneId: null,
          minOrderAmount: kind === 'restaurant' ? 1500 : 1000,
          currency: coop.currency.trim(),
        });
        const id = (inserted.identifiers[0] as { id: string }).id;
        ids.push(id);
        result.merchants += 1;
        result.products += await seedMenu(tx, coop.id, id, menu, city.country);
      }
      // the demo merchant staff account works for the coop's first two merchants
      const staff = await tx.query<{ user_id: string }>(
        `select m.user_id from memberships m join users u on u.id = m.user_id
          where m.coop_id = $1 and u.email = $2 and 'merchant_staff' = any(m.roles)`,
        [coop.id, `merchant@${city.slug}.demo`],
      );
      const staffId = staff[0]?.user_id;
      if (staffId && ids.length >= 2) {
        // identity's use case writes its audit row: the seed acts as no one, in the coop
        const context = { coopId: coop.id, actorId: null, requestId: TenantContext.newRequestId() };
        await TenantContext.run(context, () => setMerchantIdsInTransaction(tx, coop.id, staffId, ids.slice(0, 2)));
      }
    });
  }
  return result;
}
