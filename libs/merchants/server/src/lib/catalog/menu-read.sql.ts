/**
 * The whole menu of one merchant in ONE statement (one round trip through `db.read`): categories,
 * their products, the products' option groups and their options, ordered, aggregated as JSON by
 * PostgreSQL. $1 coop, $2 merchant, $3 the caller's merchant scope (null: the whole coop).
 * Every level names the coop (RLS is the second wall) and walks an index that starts with it.
 */
export const MENU_READ_SQL = `
select json_build_object(
  'merchantId', m.id,
  'currency', m.currency,
  'categories', coalesce((
    select json_agg(json_build_object(
      'id', c.id, 'name', c.name, 'position', c.position,
      'products', coalesce((
        select json_agg(json_build_object(
          'id', p.id, 'categoryId', p.category_id, 'name', p.name, 'description', p.description,
          'price', p.price_amount, 'vatRate', p.vat_rate, 'allergens', p.allergens,
          'imageUrl', case when p.image_file_id is null then null else '/api/files/' || p.image_file_id end,
          'available', p.available, 'position', p.position,
          'optionGroups', coalesce((
            select json_agg(json_build_object(
              'id', g.id, 'name', g.name, 'selection', g.selection, 'minSelect', g.min_select,
              'maxSelect', g.max_select, 'position', g.position,
              'options', coalesce((
                select json_agg(json_build_object(
                  'id', o.id, 'name', o.name, 'priceDelta', o.price_delta, 'available', o.available,
                  'position', o.position) order by o.position, o.id)
                  from menu_options o where o.coop_id = g.coop_id and o.group_id = g.id), '[]'::json)
            ) order by g.position, g.id)
              from option_groups g where g.coop_id = p.coop_id and g.product_id = p.id), '[]'::json)
        ) order by p.position, p.id)
          from products p where p.coop_id = c.coop_id and p.category_id = c.id), '[]'::json)
    ) order by c.position, c.id)
      from menu_categories c where c.coop_id = m.coop_id and c.merchant_id = m.id), '[]'::json)
) as menu
  from merchants m
 where m.coop_id = $1 and m.id = $2 and ($3::uuid[] is null or m.id = any($3::uuid[]))`;

/**
 * Reorders one list in ONE conditional write: the ids must be exactly the list's members (same
 * count, all found), else nothing is touched and the caller answers 409 REORDER_MISMATCH.
 * $1 coop, $2 merchant, $3 the parent (category or group; unused for categories), $4 the ids.
 */
function reorderSql(table: string, parentColumn: string | null): string {
  const parent = parentColumn ? ` and t.${parentColumn} = $3` : ' and $3::uuid is null';
  return `
with wanted as (select id, (ord - 1)::int as pos from unnest($4::uuid[]) with ordinality as w(id, ord)),
     members as (select count(*)::int as n from ${table} t where t.coop_id = $1 and t.merchant_id = $2${parent})
update ${table} t set position = wanted.pos
  from wanted, members
 where t.coop_id = $1 and t.merchant_id = $2${parent} and t.id = wanted.id
   and members.n = cardinality($4::uuid[])`;
}

export const REORDER_SQL = {
  categories: reorderSql('menu_categories', null),
  products: reorderSql('products', 'category_id'),
  options: reorderSql('menu_options', 'group_id'),
} as const;
