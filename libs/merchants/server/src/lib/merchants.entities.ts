import { MenuCategory, MenuOption, OptionGroup, Product } from './catalog/catalog.entities';
import { Merchant } from './merchants/merchant.entity';

/** The merchants domain's tables, one entity each (registered by the module; composed by tools and tests). */
export const MERCHANTS_ENTITIES = [Merchant, MenuCategory, Product, OptionGroup, MenuOption];
