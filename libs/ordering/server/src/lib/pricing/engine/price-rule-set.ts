import type {
  PerKmRange,
  PriceBreakdown,
  PriceLine,
  PricingRuleFields,
  PricingScope,
  PricingStrategy,
  RuleEvaluation,
} from '@federacycle/contracts';
import { compileExpression, type CompiledExpression, type ExpressionFacts } from './pricing-expression';

/** A rule set as pricing reads it (the entity's fields, rules in order). */
export interface RuleSetToPrice {
  id: string;
  name: string;
  strategy: PricingStrategy;
  scope: PricingScope;
  currency: string;
  vatRateBp: number;
  pricesIncludeVat: boolean;
  rules: ReadonlyArray<PricingRuleFields & { id: string }>;
}

/** What one priced unit (the delivery, or one task) measures. */
export interface UnitFacts extends ExpressionFacts {
  /** the task priced (per-task), else null */
  taskIndex: number | null;
  /** per delivery: the route's distance; per task: the leg that ends at the task */
  distanceKm: number;
  packages: number;
  /** per delivery: stops beyond the included ones are charged; per task: whether this task is */
  stops: number;
}

/** The facts of a quote: the delivery's, and each task's for per-task rule sets. */
export interface QuoteFacts {
  distanceKm: number;
  delivery: UnitFacts;
  tasks: UnitFacts[];
}

export type PricingOutcome = { ok: true; breakdown: PriceBreakdown } | { ok: false; evaluated: RuleEvaluation[] };

/** Compiled expressions by scope and text: compiling is deterministic, so a bounded cache is safe. */
const compiledCache = new Map<string, CompiledExpression | string>();
const CACHE_LIMIT = 5000;

/** A stored expression, compiled (or why not: a stored one always compiled once, but be safe). */
function compiled(source: string, scope: PricingScope): CompiledExpression | string {
  const key = `${scope}\u0000${source}`;
  let hit = compiledCache.get(key);
  if (hit === undefined) {
    const result = compileExpression(source, scope);
    hit = result.ok ? result.expression : result.reason;
    if (compiledCache.size >= CACHE_LIMIT) compiledCache.clear();
    compiledCache.set(key, hit);
  }
  return hit;
}

/** a / b rounded half away from zero, for integer minor units. */
export function divRound(a: number, b: number): number {
  const q = a / b;
  return q < 0 ? -Math.round(-q) : Math.round(q);
}

const km = (n: number) => `${Math.round(n * 100) / 100} km`;

/** The banded price of a distance: each range's km at its rate; beyond the last bounded range: none. */
export function perKmAmount(
  ranges: readonly PerKmRange[],
  distanceKm: number,
): { amount: number } | { reason: string } {
  if (ranges.length === 0) return { reason: 'no per-km range is set' };
  const last = ranges[ranges.length - 1];
  if (last.toKm !== null && distanceKm > last.toKm) {
    return { reason: `no range covers ${km(distanceKm)} (the ranges end at ${km(last.toKm)})` };
  }
  let amount = 0;
  for (const range of ranges) {
    const end = range.toKm ?? Infinity;
    const covered = Math.max(0, Math.min(distanceKm, end) - range.fromKm);
    amount += covered * range.perKmMinor;
  }
  return { amount: Math.round(amount) };
}

type Priced = { amount: number; detail: string } | { reason: string };

function priceOf(rule: PricingRuleFields, unit: UnitFacts, scope: PricingScope): Priced {
  const amount = rule.amountMinor ?? 0;
  switch (rule.priceKind) {
    case 'fixed':
      return { amount, detail: `fixed ${amount}` };
    case 'per_km': {
      const banded = perKmAmount(rule.kmRanges ?? [], unit.distanceKm);
      return 'reason' in banded ? banded : { amount: banded.amount, detail: `${km(unit.distanceKm)} by range` };
    }
    case 'per_package': {
      const type = rule.packageType?.toLowerCase() ?? null;
      const count = type === null ? unit.packages : (unit.packagesByType.get(type) ?? 0);
      return { amount: amount * count, detail: `${count} × ${amount}${type === null ? '' : ` (${type})`}` };
    }
    case 'per_stop': {
      const included = rule.includedStops ?? 0;
      if (scope === 'per_task') {
        const charged = (unit.taskIndex ?? 0) >= included;
        return { amount: charged ? amount : 0, detail: charged ? `stop × ${amount}` : 'an included stop' };
      }
      const extra = Math.max(0, unit.stops - included);
      return { amount: amount * extra, detail: `${extra} stop(s) beyond ${included} × ${amount}` };
    }
    case 'formula': {
      const formula = compiled(rule.formula ?? '', scope);
      if (typeof formula === 'string') return { reason: `formula does not compile: ${formula}` };
      const result = formula.evaluate(unit);
      if (!result.ok) return { reason: `formula failed: ${result.reason}` };
      const value = result.value;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        return { reason: `formula gave ${JSON.stringify(value) ?? String(value)}, not a price (a number ≥ 0)` };
      }
      return { amount: Math.round(value), detail: `formula = ${Math.round(value)} (${formula.describe(unit)})` };
    }
    case 'percentage':
      return { amount: 0, detail: 'percentage' };
  }
}

interface UnitResult {
  lines: PriceLine[];
  evaluated: RuleEvaluation[];
  priced: boolean;
}

function priceUnit(set: RuleSetToPrice, unit: UnitFacts): UnitResult {
  const prefix = unit.taskIndex === null ? '' : `task ${unit.taskIndex + 1}: `;
  const lines: PriceLine[] = [];
  const evaluated: RuleEvaluation[] = [];
  const surcharges: Array<{ rule: RuleSetToPrice['rules'][number]; at: number }> = [];
  let priced = false;
  const note = (rule: { id: string; label: string }, matched: boolean, reason: string) =>
    evaluated.push({ ruleId: rule.id, label: rule.label, matched, reason: prefix + reason });

  for (const rule of set.rules) {
    const isSurcharge = rule.priceKind === 'percentage';
    if (set.strategy === 'first_match' && priced && !isSurcharge) {
      note(rule, false, 'not evaluated: an earlier rule priced it (first match)');
      continue;
    }
    const condition = compiled(rule.condition, set.scope);
    if (typeof condition === 'string') {
      note(rule, false, `condition does not compile: ${condition}`);
      continue;
    }
    const result = condition.evaluate(unit);
    const values = condition.describe(unit);
    const shown = rule.condition.trim() === '' ? 'always' : rule.condition.trim();
    if (!result.ok) {
      note(rule, false, `condition failed: ${result.reason}`);
      continue;
    }
    if (result.value !== true) {
      const why =
        result.value === false
          ? `condition is false: ${shown}`
          : `condition gave ${JSON.stringify(result.value) ?? String(result.value)}, not true or false: ${shown}`;
      note(rule, false, values ? `${why} (${values})` : why);
      continue;
    }
    const matchedBecause = values ? `${shown} (${values})` : shown;
    if (isSurcharge) {
      surcharges.push({ rule, at: evaluated.length });
      note(rule, true, `${matchedBecause}; ${(rule.percentBp ?? 0) / 100} % of the subtotal`);
      continue;
    }
    const price = priceOf(rule, unit, set.scope);
    if ('reason' in price) {
      note(rule, false, `${matchedBecause}, but ${price.reason}`);
      continue;
    }
    priced = true;
    lines.push({ ruleId: rule.id, label: rule.label, amountMinor: price.amount, taskIndex: unit.taskIndex });
    note(rule, true, `${matchedBecause}; ${price.detail}`);
  }
  if (priced) {
    const subtotal = lines.reduce((sum, line) => sum + line.amountMinor, 0);
    for (const { rule } of surcharges) {
      lines.push({
        ruleId: rule.id,
        label: rule.label,
        amountMinor: divRound(subtotal * (rule.percentBp ?? 0), 10_000),
        taskIndex: unit.taskIndex,
      });
    }
  } else {
    for (const { at } of surcharges) {
      const entry = evaluated[at];
      evaluated[at] = { ...entry, matched: false, reason: `${entry.reason}, but no price rule matched to apply it to` };
    }
  }
  return { lines, evaluated, priced };
}

/** The VAT split of a total, in minor units, rounded half up on the VAT side. */
export function splitVat(
  total: number,
  vatRateBp: number,
  pricesIncludeVat: boolean,
): { amountMinor: number; amountExclVatMinor: number; vatMinor: number } {
  if (pricesIncludeVat) {
    const excl = divRound(total * 10_000, 10_000 + vatRateBp);
    return { amountMinor: total, amountExclVatMinor: excl, vatMinor: total - excl };
  }
  const vat = divRound(total * vatRateBp, 10_000);
  return { amountMinor: total + vat, amountExclVatMinor: total, vatMinor: vat };
}

/**
 * Prices a quote with a rule set. Per delivery: the rules run once. Per task: once per task, and
 * every task must be priced. `first_match`: the first matching price rule prices (matching
 * percentage surcharges still apply on top); `sum_of_matches`: every matching rule adds up.
 * Surcharges are a percentage of the unit's other lines. Nothing priced → `ok: false` with why.
 */
export function priceWithRuleSet(set: RuleSetToPrice, facts: QuoteFacts): PricingOutcome {
  const units = set.scope === 'per_task' ? facts.tasks : [facts.delivery];
  const lines: PriceLine[] = [];
  const evaluated: RuleEvaluation[] = [];
  let allPriced = units.length > 0;
  for (const unit of units) {
    const result = priceUnit(set, unit);
    lines.push(...result.lines);
    evaluated.push(...result.evaluated);
    allPriced &&= result.priced;
  }
  if (!allPriced) return { ok: false, evaluated };
  const total = Math.max(
    0,
    lines.reduce((sum, line) => sum + line.amountMinor, 0),
  );
  return {
    ok: true,
    breakdown: {
      ruleSetId: set.id,
      ruleSetName: set.name,
      currency: set.currency,
      ...splitVat(total, set.vatRateBp, set.pricesIncludeVat),
      vatRateBp: set.vatRateBp,
      lines,
      evaluated,
      distanceKm: facts.distanceKm,
    },
  };
}
