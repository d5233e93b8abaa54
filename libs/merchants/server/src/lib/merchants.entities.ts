import { Merchant } from './merchants/merchant.entity';

/** The merchants domain's tables, one entity each (registered by the module; composed by tools and tests). */
export const MERCHANTS_ENTITIES = [Merchant];
