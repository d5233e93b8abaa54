import type {
  PerKmRange,
  PriceBreakdown,
  PriceLine,
  PricingRuleFields,
  PricingScope,
  PricingStrategy,
  RuleEvaluation,
  RulePriceDetail,
  RulePriceProblem,
  RuleReason,
} from '@federacycle/contracts';
import { compileExpression, describeValues, type CompiledExpression, type ExpressionFacts } from './pricing-expression';

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
): { amount: number } | { problem: RulePriceProblem } {
  if (ranges.length === 0) return { problem: { code: 'no_ranges' } };
  const last = ranges[ranges.length - 1];
  if (last.toKm !== null && distanceKm > last.toKm) {
    return { problem: { code: 'no_range', distanceKm: Math.round(distanceKm * 100) / 100, lastKm: last.toKm } };
  }
  let amount = 0;
  for (const range of ranges) {
    const end = range.toKm ?? Infinity;
    const covered = Math.max(0, Math.min(distanceKm, end) - range.fromKm);
    amount += covered * range.perKmMinor;
  }
  return { amount: Math.round(amount) };
}

type Priced = { amount: number; detail: RulePriceDetail } | { problem: RulePriceProblem };

function priceOf(rule: PricingRuleFields, unit: UnitFacts, scope: PricingScope): Priced {
  const amount = rule.amountMinor ?? 0;
  switch (rule.priceKind) {
    case 'fixed':
      return { amount, detail: { kind: 'fixed', amountMinor: amount } };
    case 'per_km': {
      const banded = perKmAmount(rule.kmRanges ?? [], unit.distanceKm);
      if ('problem' in banded) return banded;
      return {
        amount: banded.amount,
        detail: { kind: 'per_km', distanceKm: Math.round(unit.distanceKm * 100) / 100 },
      };
    }
    case 'per_package': {
      const type = rule.packageType?.toLowerCase() ?? null;
      const count = type === null ? unit.packages : (unit.packagesByType.get(type) ?? 0);
      return {
        amount: amount * count,
        detail: { kind: 'per_package', count, amountMinor: amount, packageType: type },
      };
    }
    case 'per_stop': {
      const included = rule.includedStops ?? 0;
      if (scope === 'per_task') {
        const charged = (unit.taskIndex ?? 0) >= included;
        return { amount: charged ? amount : 0, detail: { kind: 'task_stop', charged, amountMinor: amount } };
      }
      const extra = Math.max(0, unit.stops - included);
      return {
        amount: amount * extra,
        detail: { kind: 'per_stop', extraStops: extra, includedStops: included, amountMinor: amount },
      };
    }
    case 'formula': {
      const formula = compiled(rule.formula ?? '', scope);
      if (typeof formula === 'string') return { problem: { code: 'formula_invalid', message: formula } };
      const result = formula.evaluate(unit);
      if (!result.ok) return { problem: { code: 'formula_failed', message: result.reason } };
      const value = result.value;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        return { problem: { code: 'formula_not_price', value: JSON.stringify(value) ?? String(value) } };
      }
      const rounded = Math.round(value);
      return { amount: rounded, detail: { kind: 'formula', amountMinor: rounded, values: formula.values(unit) } };
    }
    case 'percentage':
      return { amount: 0, detail: { kind: 'percentage', percent: (rule.percentBp ?? 0) / 100 } };
  }
}

function priceText(detail: RulePriceDetail): string {
  switch (detail.kind) {
    case 'fixed':
      return `fixed ${detail.amountMinor}`;
    case 'per_km':
      return `${km(detail.distanceKm)} by range`;
    case 'per_package':
      return `${detail.count} × ${detail.amountMinor}${detail.packageType === null ? '' : ` (${detail.packageType})`}`;
    case 'task_stop':
      return detail.charged ? `stop × ${detail.amountMinor}` : 'an included stop';
    case 'per_stop':
      return `${detail.extraStops} stop(s) beyond ${detail.includedStops} × ${detail.amountMinor}`;
    case 'formula':
      return `formula = ${detail.amountMinor} (${describeValues(detail.values)})`;
    case 'percentage':
      return `${detail.percent} % of the subtotal`;
  }
}

function problemText(problem: RulePriceProblem): string {
  switch (problem.code) {
    case 'no_ranges':
      return 'no per-km range is set';
    case 'no_range':
      return `no range covers ${km(problem.distanceKm)} (the ranges end at ${km(problem.lastKm)})`;
    case 'formula_invalid':
      return `formula does not compile: ${problem.message}`;
    case 'formula_failed':
      return `formula failed: ${problem.message}`;
    case 'formula_not_price':
      return `formula gave ${problem.value}, not a price (a number ≥ 0)`;
  }
}

/** The English text of a reason (the API's `reason`, for clients that show it as is). */
export function reasonText(why: RuleReason, taskIndex: number | null): string {
  const prefix = taskIndex === null ? '' : `task ${taskIndex + 1}: `;
  return prefix + reasonBody(why);
}

function reasonBody(why: RuleReason): string {
  if (why.code === 'not_evaluated') return 'not evaluated: an earlier rule priced it (first match)';
  if (why.code === 'condition_invalid') return `condition does not compile: ${why.message}`;
  if (why.code === 'condition_failed') return `condition failed: ${why.message}`;
  const shown = why.expression ?? 'always';
  const read = describeValues(why.values);
  const withValues = (text: string) => (read ? `${text} (${read})` : text);
  switch (why.code) {
    case 'condition_false':
      return withValues(`condition is false: ${shown}`);
    case 'condition_not_boolean':
      return withValues(`condition gave ${why.value}, not true or false: ${shown}`);
    case 'matched':
      return `${withValues(shown)}; ${priceText(why.price)}`;
    case 'no_price':
      return `${withValues(shown)}, but ${problemText(why.problem)}`;
    case 'surcharge_unused':
      return `${withValues(shown)}; ${why.percent} % of the subtotal, but no price rule matched to apply it to`;
  }
}

interface UnitResult {
  lines: PriceLine[];
  evaluated: RuleEvaluation[];
  priced: boolean;
}

function priceUnit(set: RuleSetToPrice, unit: UnitFacts): UnitResult {
  const lines: PriceLine[] = [];
  const evaluated: RuleEvaluation[] = [];
  const surcharges: Array<{ rule: RuleSetToPrice['rules'][number]; at: number }> = [];
  let priced = false;
  const note = (rule: { id: string; label: string }, matched: boolean, why: RuleReason) =>
    evaluated.push(evaluation(rule.id, rule.label, matched, why, unit.taskIndex));

  for (const rule of set.rules) {
    const isSurcharge = rule.priceKind === 'percentage';
    if (set.strategy === 'first_match' && priced && !isSurcharge) {
      note(rule, false, { code: 'not_evaluated' });
      continue;
    }
    const condition = compiled(rule.condition, set.scope);
    if (typeof condition === 'string') {
      note(rule, false, { code: 'condition_invalid', message: condition });
      continue;
    }
    const result = condition.evaluate(unit);
    if (!result.ok) {
      note(rule, false, { code: 'condition_failed', message: result.reason });
      continue;
    }
    const read = {
      expression: rule.condition.trim() === '' ? null : rule.condition.trim(),
      values: condition.values(unit),
    };
    if (result.value !== true) {
      note(
        rule,
        false,
        result.value === false
          ? { code: 'condition_false', ...read }
          : { code: 'condition_not_boolean', ...read, value: JSON.stringify(result.value) ?? String(result.value) },
      );
      continue;
    }
    if (isSurcharge) {
      surcharges.push({ rule, at: evaluated.length });
      note(rule, true, {
        code: 'matched',
        ...read,
        price: { kind: 'percentage', percent: (rule.percentBp ?? 0) / 100 },
      });
      continue;
    }
    const price = priceOf(rule, unit, set.scope);
    if ('problem' in price) {
      note(rule, false, { code: 'no_price', ...read, problem: price.problem });
      continue;
    }
    priced = true;
    lines.push({ ruleId: rule.id, label: rule.label, amountMinor: price.amount, taskIndex: unit.taskIndex });
    note(rule, true, { code: 'matched', ...read, price: price.detail });
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
      const { why } = evaluated[at];
      if (why.code !== 'matched' || why.price.kind !== 'percentage') continue;
      const unused: RuleReason = {
        code: 'surcharge_unused',
        expression: why.expression,
        values: why.values,
        percent: why.price.percent,
      };
      evaluated[at] = evaluation(evaluated[at].ruleId, evaluated[at].label, false, unused, unit.taskIndex);
    }
  }
  return { lines, evaluated, priced };
}

function evaluation(
  ruleId: string,
  label: string,
  matched: boolean,
  why: RuleReason,
  taskIndex: number | null,
): RuleEvaluation {
  return {
    ruleId,
    label,
    matched,
    reason: reasonText(why, taskIndex),
    why,
    taskIndex,
  };
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
