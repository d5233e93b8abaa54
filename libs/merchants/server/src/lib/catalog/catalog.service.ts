import { Inject, Injectable } from '@nestjs/common';
import {
  vatRatesFor,
  type CategoryView,
  type FieldError,
  type MenuDocument,
  type MenuView,
  type ProductView,
} from '@federacycle/contracts';
import { Database, PgErrorCode, pgErrorCode, type Tx } from '@federacycle/platform-database';
import { ApiException, coopOf, type Caller } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { Merchant } from '../merchants/merchant.entity';
import { inScope, scopeOf } from '../shared/merchant-access';
import { MenuCategory, MenuOption, OptionGroup, Product } from './catalog.entities';
import type {
  CategoryDto,
  MenuDocumentDto,
  OptionGroupDto,
  ProductDto,
  ProductFieldsDto,
  UpdateProductDto,
} from './catalog.dto';
import { MENU_READ_SQL, REORDER_SQL } from './menu-read.sql';

type ProductFields = ProductFieldsDto;

/** Problems of product fields against the merchant's country and the group rules (field paths). */
export function productProblems(product: ProductFields, country: string, path = ''): FieldError[] {
  const errors: FieldError[] = [];
  const rates = vatRatesFor(country);
  if (!rates.includes(product.vatRate)) {
    errors.push({
      field: `${path}vatRate`,
      code: 'VAT_RATE_NOT_ALLOWED',
      message: `VAT rate ${product.vatRate / 100} % is not a rate of ${country} (${rates.map((r) => r / 100).join(', ') || 'none listed'})`,
    });
  }
  (product.optionGroups ?? []).forEach((group, index) => {
    const problem = groupProblem(group);
    if (problem) errors.push({ field: `${path}optionGroups.${index}`, code: 'OPTION_GROUP_INVALID', message: problem });
  });
  return errors;
}

function groupProblem(group: OptionGroupDto): string | null {
  if (group.minSelect > group.maxSelect) return 'minSelect is above maxSelect';
  if (group.selection === 'single' && group.maxSelect !== 1) return 'a single choice has maxSelect 1';
  if (group.maxSelect > group.options.length) return 'maxSelect is above the number of options';
  const names = group.options.map((o) => o.name.trim().toLowerCase());
  if (new Set(names).size !== names.length) return 'two options have the same name';
  return null;
}

/** The code of the first problem decides the answer's code (VAT first, then groups). */
function refuse(errors: FieldError[], importing = false): never {
  if (importing) {
    throw new ApiException(400, 'MENU_IMPORT_INVALID', 'The menu document is not valid; nothing was imported', errors);
  }
  const first = errors[0] as FieldError;
  const code = first.code === 'VAT_RATE_NOT_ALLOWED' ? 'VAT_RATE_NOT_ALLOWED' : 'OPTION_GROUP_INVALID';
  throw new ApiException(400, code, first.message, errors);
}

function duplicateProduct(): ApiException {
  return ApiException.conflict('DUPLICATE_PRODUCT_NAME', 'This category already has a product with that name');
}

function duplicateCategory(): ApiException {
  return ApiException.conflict('DUPLICATE_CATEGORY_NAME', 'The menu already has a category with that name');
}

/**
 * A merchant's menu. Reads are one statement; writes run in one unit of work, check the
 * caller's merchant scope first (merchant staff: their merchants only, else 404) and name the
 * coop and the merchant in every statement.
 */
@Injectable()
export class CatalogService {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** The whole menu in ONE SQL statement (json_agg), one round trip. */
  async menu(caller: Caller, merchantId: string): Promise<MenuView> {
    const coopId = coopOf(caller);
    const scope = scopeOf(caller, 'read', 'Menu');
    const rows = await this.db.read((manager) =>
      manager.query(MENU_READ_SQL, [coopId, merchantId, scope === 'all' ? null : scope]),
    );
    const menu = (rows as Array<{ menu: MenuView }>)[0]?.menu;
    if (!menu) throw ApiException.notFound('Merchant');
    return menu;
  }

  async exportMenu(caller: Caller, merchantId: string): Promise<MenuDocument> {
    const menu = await this.menu(caller, merchantId);
    return {
      format: 'federacycle.menu',
      version: 1,
      currency: menu.currency,
      categories: menu.categories.map((c) => ({
        name: c.name,
        products: c.products.map((p) => ({
          name: p.name,
          description: p.description,
          price: p.price,
          vatRate: p.vatRate,
          allergens: p.allergens,
          available: p.available,
          optionGroups: p.optionGroups.map((g) => ({
            name: g.name,
            selection: g.selection,
            minSelect: g.minSelect,
            maxSelect: g.maxSelect,
            options: g.options.map((o) => ({ name: o.name, priceDelta: o.priceDelta, available: o.available })),
          })),
        })),
      })),
    };
  }

  /** Replaces the whole menu with the document's, all or nothing (images are not part of it). */
  async importMenu(caller: Caller, merchantId: string, doc: MenuDocumentDto): Promise<MenuView> {
    const coopId = coopOf(caller);
    await this.write(caller, merchantId, async (tx, merchant) => {
      const errors: FieldError[] = [];
      if (doc.currency !== merchant.currency) {
        errors.push({
          field: 'currency',
          code: 'CURRENCY_MISMATCH',
          message: `the menu must be in ${merchant.currency}`,
        });
      }
      const categoryNames = new Set<string>();
      doc.categories.forEach((category, ci) => {
        const key = category.name.trim().toLowerCase();
        if (categoryNames.has(key)) {
          errors.push({
            field: `categories.${ci}.name`,
            code: 'DUPLICATE_CATEGORY_NAME',
            message: 'a category of that name comes earlier',
          });
        }
        categoryNames.add(key);
        const productNames = new Set<string>();
        category.products.forEach((product, pi) => {
          const path = `categories.${ci}.products.${pi}.`;
          const name = product.name.trim().toLowerCase();
          if (productNames.has(name)) {
            errors.push({
              field: `${path}name`,
              code: 'DUPLICATE_PRODUCT_NAME',
              message: 'a product of that name comes earlier in this category',
            });
          }
          productNames.add(name);
          errors.push(...productProblems(product, merchant.country, path));
        });
      });
      if (errors.length > 0) refuse(errors, true);
      await tx.manager.delete(MenuCategory, { coopId, merchantId });
      for (const [ci, category] of doc.categories.entries()) {
        const inserted = await tx.manager.insert(MenuCategory, {
          coopId,
          merchantId,
          name: category.name.trim(),
          position: ci,
        });
        const categoryId = (inserted.identifiers[0] as Pick<MenuCategory, 'id'>).id;
        for (const [pi, product] of category.products.entries()) {
          await this.insertProduct(tx, coopId, merchantId, categoryId, product, pi);
        }
      }
      await this.audit(tx, 'menu.imported', merchantId, { categories: doc.categories.length });
    });
    return this.menu(caller, merchantId);
  }

  async createCategory(caller: Caller, merchantId: string, body: CategoryDto): Promise<CategoryView> {
    const coopId = coopOf(caller);
    return this.write(caller, merchantId, async (tx) => {
      await this.assertCategoryNameFree(tx, coopId, merchantId, body.name);
      const [{ next }] = await tx.query<{ next: number }>(
        'select coalesce(max(position) + 1, 0)::int as next from menu_categories where coop_id = $1 and merchant_id = $2',
        [coopId, merchantId],
      );
      const inserted = await tx.manager.insert(MenuCategory, {
        coopId,
        merchantId,
        name: body.name.trim(),
        position: next,
      });
      const id = (inserted.identifiers[0] as Pick<MenuCategory, 'id'>).id;
      await this.audit(tx, 'menu.category_created', merchantId, { id, name: body.name });
      return { id, name: body.name.trim(), position: next ?? 0, products: [] };
    });
  }

  async renameCategory(
    caller: Caller,
    merchantId: string,
    categoryId: string,
    body: CategoryDto,
  ): Promise<CategoryView> {
    const coopId = coopOf(caller);
    await this.write(caller, merchantId, async (tx) => {
      await this.assertCategoryNameFree(tx, coopId, merchantId, body.name, categoryId);
      const { affected } = await tx.manager.update(
        MenuCategory,
        { coopId, merchantId, id: categoryId },
        { name: body.name.trim(), updatedAt: new Date() },
      );
      if (affected !== 1) throw ApiException.notFound('Category');
    });
    const category = (await this.menu(caller, merchantId)).categories.find((c) => c.id === categoryId);
    if (!category) throw ApiException.notFound('Category');
    return category;
  }

  async deleteCategory(caller: Caller, merchantId: string, categoryId: string): Promise<void> {
    const coopId = coopOf(caller);
    await this.write(caller, merchantId, async (tx) => {
      const { affected } = await tx.manager.delete(MenuCategory, { coopId, merchantId, id: categoryId });
      if (affected !== 1) throw ApiException.notFound('Category');
      await this.audit(tx, 'menu.category_deleted', merchantId, { id: categoryId });
    });
  }

  async createProduct(caller: Caller, merchantId: string, body: ProductDto): Promise<ProductView> {
    const coopId = coopOf(caller);
    const id = await this.write(caller, merchantId, async (tx, merchant) => {
      const errors = productProblems(body, merchant.country);
      if (errors.length > 0) refuse(errors);
      await this.requireCategory(tx, coopId, merchantId, body.categoryId);
      await this.assertProductNameFree(tx, coopId, body.categoryId, body.name);
      const [{ next }] = await tx.query<{ next: number }>(
        'select coalesce(max(position) + 1, 0)::int as next from products where coop_id = $1 and category_id = $2',
        [coopId, body.categoryId],
      );
      const productId = await this.insertProduct(tx, coopId, merchantId, body.categoryId, body, next ?? 0);
      await this.audit(tx, 'menu.product_created', merchantId, { id: productId, name: body.name });
      return productId;
    });
    return this.product(caller, merchantId, id);
  }

  async updateProduct(
    caller: Caller,
    merchantId: string,
    productId: string,
    body: UpdateProductDto,
  ): Promise<ProductView> {
    const coopId = coopOf(caller);
    await this.write(caller, merchantId, async (tx, merchant) => {
      const current = await tx.manager.findOne(Product, {
        where: { coopId, merchantId, id: productId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw ApiException.notFound('Product');
      const merged = {
        name: body.name ?? current.name,
        price: body.price ?? current.priceAmount,
        vatRate: body.vatRate ?? current.vatRate,
        optionGroups: body.optionGroups,
      };
      const errors = productProblems(merged, merchant.country);
      if (errors.length > 0) refuse(errors);
      const categoryId = body.categoryId ?? current.categoryId;
      if (body.categoryId && body.categoryId !== current.categoryId)
        await this.requireCategory(tx, coopId, merchantId, categoryId);
      if (body.name !== undefined || categoryId !== current.categoryId) {
        await this.assertProductNameFree(tx, coopId, categoryId, merged.name, productId);
      }
      const patch: Partial<Product> = { updatedAt: new Date() };
      if (body.name !== undefined) patch.name = body.name.trim();
      if (body.description !== undefined) patch.description = body.description?.trim() || null;
      if (body.price !== undefined) patch.priceAmount = body.price;
      if (body.vatRate !== undefined) patch.vatRate = body.vatRate;
      if (body.allergens !== undefined) patch.allergens = body.allergens;
      if (body.available !== undefined) patch.available = body.available;
      if (categoryId !== current.categoryId) patch.categoryId = categoryId;
      await tx.manager.update(Product, { coopId, merchantId, id: productId }, patch);
      if (body.optionGroups) {
        await tx.manager.delete(OptionGroup, { coopId, merchantId, productId });
        await this.insertGroups(tx, coopId, merchantId, productId, body.optionGroups);
      }
      await this.audit(tx, 'menu.product_updated', merchantId, { id: productId, fields: Object.keys(body) });
    });
    return this.product(caller, merchantId, productId);
  }

  async deleteProduct(caller: Caller, merchantId: string, productId: string): Promise<void> {
    const coopId = coopOf(caller);
    await this.write(caller, merchantId, async (tx) => {
      const { affected } = await tx.manager.delete(Product, { coopId, merchantId, id: productId });
      if (affected !== 1) throw ApiException.notFound('Product');
      await this.audit(tx, 'menu.product_deleted', merchantId, { id: productId });
    });
  }

  /** Out of stock or back: one statement (the staff member's two taps). */
  async setProductStock(caller: Caller, merchantId: string, productId: string, available: boolean) {
    const coopId = coopOf(caller);
    this.assertScope(caller, merchantId);
    return this.db.unitOfWork(async (tx) => {
      const { affected } = await tx.manager.update(
        Product,
        { coopId, merchantId, id: productId },
        { available, updatedAt: new Date() },
      );
      if (affected !== 1) throw ApiException.notFound('Product');
      return { id: productId, available };
    });
  }

  async setOptionStock(caller: Caller, merchantId: string, optionId: string, available: boolean) {
    const coopId = coopOf(caller);
    this.assertScope(caller, merchantId);
    return this.db.unitOfWork(async (tx) => {
      const { affected } = await tx.manager.update(MenuOption, { coopId, merchantId, id: optionId }, { available });
      if (affected !== 1) throw ApiException.notFound('Option');
      return { id: optionId, available };
    });
  }

  /** Reorders categories, the products of a category, or the options of a group: one conditional write. */
  async reorder(
    caller: Caller,
    merchantId: string,
    list: keyof typeof REORDER_SQL,
    parentId: string | null,
    ids: string[],
  ): Promise<void> {
    const coopId = coopOf(caller);
    this.assertScope(caller, merchantId);
    await this.db.unitOfWork(async (tx) => {
      const touched = await tx.execute(REORDER_SQL[list], [coopId, merchantId, parentId, ids]);
      if (touched === ids.length) return;
      // nothing was reordered: the list itself is unknown (404), or the ids are not its members (409)
      const where = { coopId, merchantId, id: parentId ?? '' };
      const parent =
        list === 'categories'
          ? await tx.manager.exists(Merchant, { where: { coopId, id: merchantId } })
          : list === 'products'
            ? await tx.manager.exists(MenuCategory, { where })
            : await tx.manager.exists(OptionGroup, { where });
      if (!parent)
        throw ApiException.notFound(
          list === 'products' ? 'Category' : list === 'options' ? 'Option group' : 'Merchant',
        );
      throw ApiException.conflict(
        'REORDER_MISMATCH',
        'The ids must be every item of the list, each once; reload and retry',
      );
    });
  }

  async product(caller: Caller, merchantId: string, productId: string): Promise<ProductView> {
    const menu = await this.menu(caller, merchantId);
    for (const category of menu.categories) {
      const product = category.products.find((p) => p.id === productId);
      if (product) return product;
    }
    throw ApiException.notFound('Product');
  }

  /** For the image upload: the product exists in the merchant's menu, within the caller's scope. */
  async requireProduct(tx: Tx, caller: Caller, merchantId: string, productId: string): Promise<Product> {
    this.assertScope(caller, merchantId);
    const product = await tx.manager.findOne(Product, {
      where: { coopId: coopOf(caller), merchantId, id: productId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!product) throw ApiException.notFound('Product');
    return product;
  }

  private assertScope(caller: Caller, merchantId: string): void {
    if (!inScope(scopeOf(caller, 'update', 'Menu'), merchantId)) throw ApiException.notFound('Merchant');
  }

  /** A unit of work on a merchant's menu: scope checked, merchant locked and not archived, unique names as 409. */
  private async write<T>(
    caller: Caller,
    merchantId: string,
    fn: (tx: Tx, merchant: Merchant) => Promise<T>,
  ): Promise<T> {
    this.assertScope(caller, merchantId);
    const coopId = coopOf(caller);
    try {
      return await this.db.unitOfWork(async (tx) => {
        const merchant = await tx.manager.findOne(Merchant, {
          where: { coopId, id: merchantId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!merchant) throw ApiException.notFound('Merchant');
        if (merchant.archivedAt)
          throw ApiException.conflict(
            'MERCHANT_ARCHIVED',
            'This merchant is archived; its menu can no longer be changed',
          );
        return fn(tx, merchant);
      });
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) {
        const constraint = String((error as { constraint?: string }).constraint);
        if (constraint === 'products_name_key') throw duplicateProduct();
        if (constraint === 'menu_categories_name_key') throw duplicateCategory();
      }
      throw error;
    }
  }

  private async requireCategory(tx: Tx, coopId: string, merchantId: string, categoryId: string): Promise<void> {
    const found = await tx.manager.exists(MenuCategory, { where: { coopId, merchantId, id: categoryId } });
    if (!found) {
      throw new ApiException(404, 'NOT_FOUND', 'Category not found in this menu', [
        { field: 'categoryId', code: 'category', message: 'not a category of this merchant' },
      ]);
    }
  }

  private async assertCategoryNameFree(tx: Tx, coopId: string, merchantId: string, name: string, except?: string) {
    const rows = await tx.query(
      `select 1 from menu_categories where coop_id = $1 and merchant_id = $2 and lower(btrim(name)) = lower(btrim($3))
          and ($4::uuid is null or id <> $4) limit 1`,
      [coopId, merchantId, name, except ?? null],
    );
    if (rows.length > 0) throw duplicateCategory();
  }

  private async assertProductNameFree(tx: Tx, coopId: string, categoryId: string, name: string, except?: string) {
    const rows = await tx.query(
      `select 1 from products where coop_id = $1 and category_id = $2 and lower(btrim(name)) = lower(btrim($3))
          and ($4::uuid is null or id <> $4) limit 1`,
      [coopId, categoryId, name, except ?? null],
    );
    if (rows.length > 0) throw duplicateProduct();
  }

  private async insertProduct(
    tx: Tx,
    coopId: string,
    merchantId: string,
    categoryId: string,
    product: ProductFields,
    position: number,
  ): Promise<string> {
    const inserted = await tx.manager.insert(Product, {
      coopId,
      merchantId,
      categoryId,
      name: product.name.trim(),
      description: product.description?.trim() || null,
      priceAmount: product.price,
      vatRate: product.vatRate,
      allergens: product.allergens ?? [],
      available: product.available ?? true,
      position,
    });
    const id = (inserted.identifiers[0] as Pick<Product, 'id'>).id;
    await this.insertGroups(tx, coopId, merchantId, id, product.optionGroups ?? []);
    return id;
  }

  private async insertGroups(tx: Tx, coopId: string, merchantId: string, productId: string, groups: OptionGroupDto[]) {
    if (groups.length === 0) return;
    const inserted = await tx.manager.insert(
      OptionGroup,
      groups.map((g, position) => ({
        coopId,
        merchantId,
        productId,
        name: g.name.trim(),
        selection: g.selection,
        minSelect: g.minSelect,
        maxSelect: g.maxSelect,
        position,
      })),
    );
    const options = groups.flatMap((g, gi) =>
      g.options.map((o, position) => ({
        coopId,
        merchantId,
        groupId: (inserted.identifiers[gi] as Pick<OptionGroup, 'id'>).id,
        name: o.name.trim(),
        priceDelta: o.priceDelta,
        available: o.available ?? true,
        position,
      })),
    );
    await tx.manager.insert(MenuOption, options);
  }

  private audit(tx: Tx, action: string, merchantId: string, data: Record<string, unknown>) {
    return writeOutbox(tx, AUDIT_RECORD_JOB, { action, subjectType: 'merchant', subjectId: merchantId, data });
  }
}
