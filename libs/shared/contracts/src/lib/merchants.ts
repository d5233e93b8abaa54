/**
 * Merchants and their menus (catalog): the wire types the API answers and the console sends,
 * and the small catalogues both sides check against (VAT rates, allergens).
 */

export const MerchantKind = { RESTAURANT: 'restaurant', SHOP: 'shop', PARTNER_STORE: 'partner_store' } as const;
export type MerchantKind = (typeof MerchantKind)[keyof typeof MerchantKind];
export const MERCHANT_KINDS: readonly MerchantKind[] = Object.values(MerchantKind);

export const FulfilmentMethod = { DELIVERY: 'delivery', COLLECTION: 'collection' } as const;
export type FulfilmentMethod = (typeof FulfilmentMethod)[keyof typeof FulfilmentMethod];
export const FULFILMENT_METHODS: readonly FulfilmentMethod[] = Object.values(FulfilmentMethod);

/**
 * Where a merchant's coordinates came from: a pin dropped on the map, numbers typed in, or (later)
 * a geocoder adapter, whose name goes in `geocoderRef`.
 */
export const GeocodedBy = { MANUAL_PIN: 'manual_pin', TYPED: 'typed', GEOCODER: 'geocoder' } as const;
export type GeocodedBy = (typeof GeocodedBy)[keyof typeof GeocodedBy];
export const GEOCODED_BY: readonly GeocodedBy[] = Object.values(GeocodedBy);

export interface PostalAddress {
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, upper case */
  country: string;
}

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface MerchantLocation extends GeoPoint {
  geocodedBy: GeocodedBy;
  /** the adapter (and its place id) when a geocoder placed the point */
  geocoderRef: string | null;
}

export interface MerchantContact {
  name: string | null;
  phone: string | null;
  email: string | null;
}

/** A busy period: while `when` (an opening_hours selector, e.g. "Fr,Sa 19:00-21:30") matches, prep takes `minutes`. */
export interface BusyPeriod {
  when: string;
  minutes: number;
}

export interface PreparationTime {
  defaultMinutes: number;
  busy: BusyPeriod[];
}

export type DeliveryPerimeter = { kind: 'radius'; radiusM: number } | { kind: 'zone'; zoneId: string };

export interface Money {
  /** integer minor units (cents) */
  amount: number;
  /** ISO 4217 */
  currency: string;
}

export interface MerchantPause {
  reason: string;
  pausedAt: string;
  /** after this instant the merchant counts as open again (null: until unpaused) */
  until: string | null;
}

/** What the opening hours say at the moment of the answer (the coop's time zone). */
export interface OpeningState {
  openNow: boolean;
  /** the next change of state (open → closed or back), null when none within 8 days */
  nextChange: string | null;
  /** when closed: the next opening; null when open or none within 8 days */
  opensAt: string | null;
  /** when open: the next closing; null when closed or none within 8 days */
  closesAt: string | null;
  /** today is a public holiday of the merchant's country (PH rule) */
  holidayToday: boolean;
}

export interface MerchantView {
  id: string;
  name: string;
  kind: MerchantKind;
  address: PostalAddress;
  location: MerchantLocation;
  contact: MerchantContact;
  openingHours: string;
  /** region for regional holidays (e.g. a German Land code "BY"); null: national holidays only */
  holidayRegion: string | null;
  preparation: PreparationTime;
  fulfilment: FulfilmentMethod[];
  perimeter: DeliveryPerimeter;
  minimumOrder: Money;
  /** the active pause (a pause whose `until` has passed is no pause) */
  pause: MerchantPause | null;
  archived: boolean;
  /** the coop's time zone, in which the hours are read */
  timezone: string;
  state: OpeningState;
  /** preparation minutes now (a matching busy period, else the default) */
  preparationMinutesNow: number;
  createdAt: string;
  updatedAt: string;
}

export interface MerchantSummary {
  id: string;
  name: string;
  kind: MerchantKind;
  city: string;
  paused: boolean;
  archived: boolean;
  openNow: boolean;
  nextChange: string | null;
}

export interface MerchantInput {
  name: string;
  kind: MerchantKind;
  address: PostalAddress;
  location: Omit<MerchantLocation, 'geocoderRef'> & { geocoderRef?: string | null };
  contact?: Partial<MerchantContact>;
  openingHours: string;
  holidayRegion?: string | null;
  preparation?: PreparationTime;
  fulfilment: FulfilmentMethod[];
  perimeter: DeliveryPerimeter;
  minimumOrder?: Money;
}

export interface PauseMerchantRequest {
  reason: string;
  /** ISO instant; omitted or null: until unpaused */
  until?: string | null;
}

/** One open interval of the week preview (instants; the console formats them per locale). */
export interface OpenInterval {
  from: string;
  to: string;
  /** "unknown" state of the syntax, e.g. "Mo 12:00+" */
  unknown: boolean;
  comment: string | null;
}

export interface HoursPreviewRequest {
  openingHours: string;
  country: string;
  holidayRegion?: string | null;
}

export interface HoursPreview {
  /** the value as the library prettifies it */
  normalized: string;
  warnings: string[];
  state: OpeningState;
  /** the next seven days' open intervals, from now */
  week: OpenInterval[];
  timezone: string;
}

/** Merchant staff: a member with the merchant_staff role and the merchants they act for. */
export interface MerchantStaffView {
  userId: string;
  name: string;
  email: string;
  merchantIds: string[];
}

export interface SetMerchantStaffRequest {
  merchantIds: string[];
}

// ---- catalog (menus) ----

/** The 14 allergens of EU Regulation 1169/2011, Annex II. */
export const ALLERGENS = [
  'gluten',
  'crustaceans',
  'eggs',
  'fish',
  'peanuts',
  'soybeans',
  'milk',
  'nuts',
  'celery',
  'mustard',
  'sesame',
  'sulphites',
  'lupin',
  'molluscs',
] as const;
export type Allergen = (typeof ALLERGENS)[number];

/**
 * VAT rates a product may carry, per country, in basis points (550 = 5.5 %). A small catalogue of
 * the rates food and retail use; a rate not listed for the merchant's country is refused.
 */
export const VAT_RATES_BY_COUNTRY: Readonly<Record<string, readonly number[]>> = {
  FR: [210, 550, 1000, 2000],
  ES: [400, 1000, 2100],
  DE: [700, 1900],
  BE: [600, 1200, 2100],
  IT: [400, 500, 1000, 2200],
  PT: [600, 1300, 2300],
  NL: [900, 2100],
};

export function vatRatesFor(country: string): readonly number[] {
  return VAT_RATES_BY_COUNTRY[country.toUpperCase()] ?? [];
}

export const SelectionKind = { SINGLE: 'single', MULTIPLE: 'multiple' } as const;
export type SelectionKind = (typeof SelectionKind)[keyof typeof SelectionKind];

export interface MenuOptionView {
  id: string;
  name: string;
  /** minor units added to the product's price (may be negative: "without cheese") */
  priceDelta: number;
  available: boolean;
  position: number;
}

export interface OptionGroupView {
  id: string;
  name: string;
  selection: SelectionKind;
  minSelect: number;
  maxSelect: number;
  position: number;
  options: MenuOptionView[];
}

export interface ProductView {
  id: string;
  categoryId: string;
  name: string;
  description: string | null;
  price: number;
  /** basis points */
  vatRate: number;
  allergens: Allergen[];
  /** the image's URL, when it has one */
  imageUrl: string | null;
  available: boolean;
  position: number;
  optionGroups: OptionGroupView[];
}

export interface CategoryView {
  id: string;
  name: string;
  position: number;
  products: ProductView[];
}

export interface MenuView {
  merchantId: string;
  currency: string;
  categories: CategoryView[];
}

export interface CategoryInput {
  name: string;
}

export interface OptionInput {
  name: string;
  priceDelta: number;
  available?: boolean;
}

export interface OptionGroupInput {
  name: string;
  selection: SelectionKind;
  minSelect: number;
  maxSelect: number;
  options: OptionInput[];
}

export interface ProductInput {
  categoryId: string;
  name: string;
  description?: string | null;
  price: number;
  vatRate: number;
  allergens?: Allergen[];
  available?: boolean;
  optionGroups?: OptionGroupInput[];
}

export interface ReorderRequest {
  /** every id of the list, in the new order */
  ids: string[];
}

export interface StockRequest {
  available: boolean;
}

/** A menu as JSON, for export and all-or-nothing import (no ids: an import makes new rows). */
export interface MenuDocument {
  format: 'federacycle.menu';
  version: 1;
  currency: string;
  categories: Array<{
    name: string;
    products: Array<Omit<ProductInput, 'categoryId'>>;
  }>;
}
