/**
 * Pricing contracts (issue 12, part 3): rule sets, their rules, the quote's input and its
 * breakdown. Shared by the API (ordering's PricingService), other domains' use cases and the console.
 * Money is integer minor units (cents) in the rule set's currency; VAT rates in basis points.
 */

export const PRICING_STRATEGIES = ['first_match', 'sum_of_matches'] as const;
export type PricingStrategy = (typeof PRICING_STRATEGIES)[number];

export const PRICING_SCOPES = ['per_delivery', 'per_task'] as const;
export type PricingScope = (typeof PRICING_SCOPES)[number];

export const PRICE_KINDS = ['fixed', 'per_km', 'per_package', 'per_stop', 'percentage', 'formula'] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

/** One band of a per-km price: the km from `fromKm` to `toKm` (null: no end) cost `perKmMinor` each. */
export interface PerKmRange {
  fromKm: number;
  toKm: number | null;
  perKmMinor: number;
}

export const PRICING_LIMITS = {
  nameMaxLength: 80,
  labelMaxLength: 80,
  /** characters of a condition or a formula */
  expressionMaxLength: 500,
  /** nesting depth of an expression's syntax tree */
  expressionMaxDepth: 24,
  rulesPerSet: 100,
  kmRangesPerRule: 20,
  /** tasks of one quote */
  tasksPerQuote: 50,
  maxAmountMinor: 100_000_000,
} as const;

/** The variables an expression may read (see ARCHITECTURE.md, "Pricing"). */
export const PRICING_VARIABLES = [
  'distance_km',
  'weight_kg',
  'packages',
  'stops',
  'pickups',
  'dropoffs',
  'lead_time_min',
  'hour',
  'weekday',
  'time_slot',
  'vehicle',
] as const;
/** Variables known only in a per-task rule set (the task being priced). */
export const PRICING_TASK_VARIABLES = ['task_type', 'task_index', 'task_weight_kg', 'task_packages', 'leg_km'] as const;
/** The functions an expression may call. */
export const PRICING_FUNCTIONS = ['in_zone', 'packages_of', 'min', 'max', 'round', 'ceil', 'floor'] as const;

export interface PricingRuleFields {
  label: string;
  /** an expression; empty: always matches */
  condition: string;
  priceKind: PriceKind;
  /** fixed, per_package (each), per_stop (each) */
  amountMinor?: number | null;
  /** percentage: basis points of the subtotal (-10000..100000) */
  percentBp?: number | null;
  kmRanges?: PerKmRange[] | null;
  /** per_package: count only this package type (null: every package) */
  packageType?: string | null;
  /** per_stop: stops that cost nothing (e.g. 2: the pickup and the first dropoff) */
  includedStops?: number | null;
  /** formula: an expression whose value is the price in minor units */
  formula?: string | null;
}

export interface PricingRuleView extends PricingRuleFields {
  id: string;
  position: number;
}

export interface PricingRuleSetSummary {
  id: string;
  name: string;
  strategy: PricingStrategy;
  scope: PricingScope;
  currency: string;
  vatRateBp: number;
  pricesIncludeVat: boolean;
  isDefault: boolean;
  archived: boolean;
  rules: number;
  updatedAt: string;
}

export interface PricingRuleSetView extends Omit<PricingRuleSetSummary, 'rules'> {
  rules: PricingRuleView[];
  createdAt: string;
}

export interface CreatePricingRuleSetRequest {
  name: string;
  strategy: PricingStrategy;
  scope: PricingScope;
  vatRateBp: number;
  pricesIncludeVat: boolean;
  /** in order; a rule that carries the id of one of the set's rules keeps it */
  rules: Array<PricingRuleFields & { id?: string }>;
}
export type UpdatePricingRuleSetRequest = Partial<CreatePricingRuleSetRequest>;

/** What is priced: the tasks in order (pickups then dropoffs, or as the route goes). */
export interface PricingInput {
  tasks: Array<{
    type: 'pickup' | 'dropoff';
    lat: number;
    lng: number;
    after?: string | null;
    before?: string | null;
    timeSlotId?: string | null;
    weightGrams?: number | null;
    packages?: Array<{ type: string; quantity: number }>;
  }>;
  vehicleType?: string | null;
  /** the moment of the quote (lead time counts from it); default now */
  at?: Date;
}

export interface PriceLine {
  ruleId: string;
  label: string;
  amountMinor: number;
  /** the task priced (per-task rule sets), else null */
  taskIndex: number | null;
}

/**
 * Why an expression cannot be stored, as a stable code and its parameters: the `params` of a
 * PRICE_EXPRESSION_INVALID field error are `{reason: <code>, position, ...the rest}` (`position`
 * 1-based, null when it cannot be told). `message` is the expression engine's own words (English).
 */
export type ExpressionProblem =
  | { code: 'too_long'; max: number }
  | { code: 'syntax'; message: string }
  | { code: 'incomplete' }
  | { code: 'too_deep'; max: number }
  | { code: 'property_access'; name: string }
  | { code: 'unknown_variable'; name: string; known: string }
  | { code: 'task_variable'; name: string }
  | { code: 'filter' }
  | { code: 'object_literal' }
  | { code: 'not_allowed' }
  | { code: 'transform'; name: string }
  | { code: 'unknown_function'; name: string; known: string }
  | { code: 'arity'; name: string; wanted: string; given: number }
  | { code: 'in_zone_side'; sides: string }
  | { code: 'in_zone_task' }
  | { code: 'in_zone_name' }
  | { code: 'package_type_name' }
  | { code: 'unknown_package_type'; type: string; known: string }
  /** an in_zone() naming no zone of the coop (`known`: the coop's zones, comma-separated) */
  | { code: 'unknown_zone'; zone: string; known: string };

export type ExpressionProblemCode = ExpressionProblem['code'];

/** A variable an expression read, and its value in this quote. */
export interface ExpressionValue {
  name: string;
  value: string | number;
}

/** What a matched price rule charged, by kind (amounts in minor units). */
export type RulePriceDetail =
  | { kind: 'fixed'; amountMinor: number }
  | { kind: 'per_km'; distanceKm: number }
  | { kind: 'per_package'; count: number; amountMinor: number; packageType: string | null }
  /** per delivery: the stops beyond the included ones */
  | { kind: 'per_stop'; extraStops: number; includedStops: number; amountMinor: number }
  /** per task: this task's stop is charged, or one of the included */
  | { kind: 'task_stop'; charged: boolean; amountMinor: number }
  | { kind: 'formula'; amountMinor: number; values: ExpressionValue[] }
  | { kind: 'percentage'; percent: number };

/** Why a rule whose condition held could not price. */
export type RulePriceProblem =
  | { code: 'no_ranges' }
  | { code: 'no_range'; distanceKm: number; lastKm: number }
  /** `message`: the expression engine's own words (English) */
  | { code: 'formula_invalid'; message: string }
  | { code: 'formula_failed'; message: string }
  /** `value`: what the formula gave, as JSON */
  | { code: 'formula_not_price'; value: string };

/**
 * Why a rule matched or not, as a stable code and its parameters (a client renders it in its own
 * language). `expression` is the condition as written, null when it is empty ("always").
 */
export type RuleReason =
  /** first match: an earlier rule priced it */
  | { code: 'not_evaluated' }
  | { code: 'condition_invalid'; message: string }
  | { code: 'condition_failed'; message: string }
  | { code: 'condition_false'; expression: string | null; values: ExpressionValue[] }
  /** `value`: what the condition gave, as JSON */
  | { code: 'condition_not_boolean'; expression: string | null; values: ExpressionValue[]; value: string }
  | { code: 'matched'; expression: string | null; values: ExpressionValue[]; price: RulePriceDetail }
  | { code: 'no_price'; expression: string | null; values: ExpressionValue[]; problem: RulePriceProblem }
  /** a percentage surcharge whose condition held, with no price rule to apply it to */
  | { code: 'surcharge_unused'; expression: string | null; values: ExpressionValue[]; percent: number };

export type RuleReasonCode = RuleReason['code'];

export interface RuleEvaluation {
  ruleId: string;
  label: string;
  matched: boolean;
  /** why it matched or not, with the values it read (English; expressions are code) */
  reason: string;
  /** the same, structured: a stable code and its parameters */
  why: RuleReason;
  /** the task this evaluation priced (per-task rule sets), else null */
  taskIndex: number | null;
}

export interface PriceBreakdown {
  ruleSetId: string;
  ruleSetName: string;
  currency: string;
  /** incl. VAT */
  amountMinor: number;
  amountExclVatMinor: number;
  vatMinor: number;
  vatRateBp: number;
  lines: PriceLine[];
  evaluated: RuleEvaluation[];
  distanceKm: number;
}

/** The quote tester's body: a PricingInput (with `at` as an ISO string) and an optional rule set. */
export interface PricingQuoteRequest extends Omit<PricingInput, 'at'> {
  at?: string;
  ruleSetId?: string;
}

/** `details` of a 422 PRICE_NO_RULE. */
export interface PriceNoRuleDetails {
  ruleSetId: string | null;
  ruleSetName: string | null;
  evaluated: RuleEvaluation[];
}
