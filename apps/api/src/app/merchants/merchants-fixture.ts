import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import type { CoopFixture } from '../isolation/access-expectation';

/** The eight bytes every PNG starts with. */
export const PNG_HEADER = Buffer.from('89504e470d0a1a0a', 'hex');

const MERCHANT_SQL = `insert into merchants (coop_id, name, kind, address_line1, postal_code, city, country, lat, lng,
  geocoded_by, opening_hours, fulfilment, perimeter_kind, perimeter_radius_m, currency)
  values ($1, $2, 'restaurant', '1 place Bellecour', '69002', 'Lyon', 'FR', 45.7578, 4.832, 'manual_pin',
  'Mo-Su 00:00-24:00', '{delivery,collection}', 'radius', 3000, 'EUR') returning id`;

/** One always-open restaurant on place Bellecour (as superuser); its id. */
export async function insertMerchantRow(su: Client, coopId: string, name: string): Promise<string> {
  const { rows } = await su.query<{ id: string }>(MERCHANT_SQL, [coopId, name]);
  return rows[0]?.id as string;
}

/**
 * The merchants of one coop for the isolation suite (written once per coop, as superuser): the
 * coop's merchant_staff member is assigned to `merchant` and not to `otherMerchant`; both carry
 * the coop's canary (cross-coop leaks show), the other one also `otherCanary` (leaks to the
 * staff member inside the coop show); a zone for perimeter probes.
 */
export async function merchantsFixture(su: Client, coop: CoopFixture): Promise<void> {
  if (coop.refs['merchant']) return;
  const otherCanary = `other-merchant-${randomBytes(4).toString('hex')}`;
  const mine = await su.query<{ id: string }>(MERCHANT_SQL, [coop.id, `Merchant ${coop.canary}`]);
  const other = await su.query<{ id: string }>(MERCHANT_SQL, [coop.id, `Merchant ${coop.canary} ${otherCanary}`]);
  const zone = await su.query<{ id: string }>(
    `insert into zones (coop_id, name, geometry, bbox) values ($1, $2,
      '{"type":"Polygon","coordinates":[[[4.8,45.7],[4.9,45.7],[4.9,45.8],[4.8,45.7]]]}', '{4.8,45.7,4.9,45.8}') returning id`,
    [coop.id, `Perimeter ${coop.canary}`],
  );
  coop.refs['merchant'] = mine.rows[0]?.id as string;
  coop.refs['otherMerchant'] = other.rows[0]?.id as string;
  coop.refs['otherCanary'] = otherCanary;
  coop.refs['zone'] = zone.rows[0]?.id as string;
  for (const [prefix, merchantId, marker] of [
    ['', coop.refs['merchant'] as string, coop.canary],
    ['other', coop.refs['otherMerchant'] as string, `${coop.canary} ${otherCanary}`],
  ] as const) {
    const key = (name: string) => (prefix ? `${prefix}${name[0]?.toUpperCase()}${name.slice(1)}` : name);
    const category = await su.query<{ id: string }>(
      'insert into menu_categories (coop_id, merchant_id, name) values ($1, $2, $3) returning id',
      [coop.id, merchantId, `Category ${marker}`],
    );
    coop.refs[key('category')] = category.rows[0]?.id as string;
    const product = await su.query<{ id: string }>(
      `insert into products (coop_id, merchant_id, category_id, name, price_amount, vat_rate)
       values ($1, $2, $3, $4, 1200, 1000) returning id`,
      [coop.id, merchantId, coop.refs[key('category')], `Product ${marker}`],
    );
    coop.refs[key('product')] = product.rows[0]?.id as string;
    const group = await su.query<{ id: string }>(
      `insert into option_groups (coop_id, merchant_id, product_id, name, selection, min_select, max_select)
       values ($1, $2, $3, $4, 'single', 1, 1) returning id`,
      [coop.id, merchantId, coop.refs[key('product')], `Group ${marker}`],
    );
    coop.refs[key('group')] = group.rows[0]?.id as string;
    const option = await su.query<{ id: string }>(
      'insert into menu_options (coop_id, merchant_id, group_id, name, price_delta) values ($1, $2, $3, $4, 0) returning id',
      [coop.id, merchantId, coop.refs[key('group')], `Option ${marker}`],
    );
    coop.refs[key('option')] = option.rows[0]?.id as string;
  }
  // a product image of each merchant (a file of the coop): PNG bytes carrying the canary
  for (const [key, product] of [
    ['file', coop.refs['product']],
    ['otherFile', coop.refs['otherProduct']],
  ] as const) {
    const bytes = Buffer.concat([
      PNG_HEADER,
      Buffer.from(key === 'file' ? coop.canary : `${coop.canary} ${otherCanary}`),
    ]);
    const file = await su.query<{ id: string }>(
      `insert into stored_files (coop_id, content_type, bytes, sha256, size)
       values ($1, 'image/png', $2, encode(sha256($2), 'hex'), length($2)) returning id`,
      [coop.id, bytes],
    );
    coop.refs[key] = file.rows[0]?.id as string;
    await su.query('update products set image_file_id = $3 where coop_id = $1 and id = $2', [
      coop.id,
      product,
      coop.refs[key],
    ]);
  }
  await su.query('update memberships set merchant_ids = $3 where coop_id = $1 and user_id = $2', [
    coop.id,
    coop.users['merchant_staff'],
    [coop.refs['merchant']],
  ]);
}
