import type {
  ExpressionProblemCode,
  ExpressionValue,
  FieldError,
  RuleEvaluation,
  RulePriceDetail,
  RulePriceProblem,
  RuleReason,
} from '@federacycle/contracts';
import type { TranslationKey } from '../../../core/i18n/en';
import type { TranslationParams } from '../../../core/i18n/i18n.service';

/** What a reason needs from the page: its texts, and numbers and amounts in its locale. */
export interface ReasonFormat {
  t: (key: TranslationKey, params?: TranslationParams) => string;
  number: (value: number, maxDecimals?: number) => string;
  /** an amount in minor units */
  money: (amountMinor: number) => string;
}

/**
 * The quote tester's words for why a rule matched or not, from the API's structured reason (its
 * `why`): the page's language, its numbers (26,09 in French); expressions stay as written (code).
 */
export function ruleReasonText(e: Pick<RuleEvaluation, 'why' | 'taskIndex'>, f: ReasonFormat): string {
  const text = reasonBody(e.why, f);
  return e.taskIndex === null ? text : f.t('pricing.why.task', { n: e.taskIndex + 1, reason: text });
}

function values(list: readonly ExpressionValue[], f: ReasonFormat): string {
  return list
    .map(({ name, value }) => `${name} = ${typeof value === 'number' ? f.number(value, 2) : JSON.stringify(value)}`)
    .join(', ');
}

function reasonBody(why: RuleReason, f: ReasonFormat): string {
  switch (why.code) {
    case 'not_evaluated':
      return f.t('pricing.why.not_evaluated');
    case 'condition_invalid':
    case 'condition_failed':
      return f.t(`pricing.why.${why.code}`, { message: why.message });
  }
  const shown = why.expression ?? f.t('pricing.why.always');
  const read = values(why.values, f);
  const condition = read ? f.t('pricing.why.withValues', { condition: shown, values: read }) : shown;
  switch (why.code) {
    case 'condition_false':
      return f.t('pricing.why.condition_false', { condition });
    case 'condition_not_boolean':
      return f.t('pricing.why.condition_not_boolean', { condition, value: why.value });
    case 'matched':
      return f.t('pricing.why.matched', { condition, price: priceText(why.price, f) });
    case 'no_price':
      return f.t('pricing.why.no_price', { condition, problem: problemText(why.problem, f) });
    case 'surcharge_unused':
      return f.t('pricing.why.surcharge_unused', { condition, percent: f.number(why.percent, 2) });
  }
}

function priceText(price: RulePriceDetail, f: ReasonFormat): string {
  switch (price.kind) {
    case 'fixed':
      return f.t('pricing.why.price.fixed', { amount: f.money(price.amountMinor) });
    case 'per_km':
      return f.t('pricing.why.price.per_km', { km: f.number(price.distanceKm, 2) });
    case 'per_package':
      return price.packageType === null
        ? f.t('pricing.why.price.per_package', { count: price.count, amount: f.money(price.amountMinor) })
        : f.t('pricing.why.price.per_package_type', {
            count: price.count,
            amount: f.money(price.amountMinor),
            type: price.packageType,
          });
    case 'per_stop':
      return f.t('pricing.why.price.per_stop', {
        extra: price.extraStops,
        included: price.includedStops,
        amount: f.money(price.amountMinor),
      });
    case 'task_stop':
      return price.charged
        ? f.t('pricing.why.price.task_stop', { amount: f.money(price.amountMinor) })
        : f.t('pricing.why.price.task_stop_included');
    case 'formula':
      return f.t('pricing.why.price.formula', { amount: f.money(price.amountMinor), values: values(price.values, f) });
    case 'percentage':
      return f.t('pricing.why.price.percentage', { percent: f.number(price.percent, 2) });
  }
}

function problemText(problem: RulePriceProblem, f: ReasonFormat): string {
  switch (problem.code) {
    case 'no_ranges':
      return f.t('pricing.why.problem.no_ranges');
    case 'no_range':
      return f.t('pricing.why.problem.no_range', {
        km: f.number(problem.distanceKm, 2),
        last: f.number(problem.lastKm, 2),
      });
    case 'formula_invalid':
    case 'formula_failed':
      return f.t(`pricing.why.problem.${problem.code}`, { message: problem.message });
    case 'formula_not_price':
      return f.t('pricing.why.problem.formula_not_price', { value: problem.value });
  }
}

const EXPRESSION_PROBLEMS: ReadonlySet<string> = new Set<ExpressionProblemCode>([
  'too_long',
  'syntax',
  'incomplete',
  'too_deep',
  'property_access',
  'unknown_variable',
  'task_variable',
  'filter',
  'object_literal',
  'not_allowed',
  'transform',
  'unknown_function',
  'arity',
  'in_zone_side',
  'in_zone_task',
  'in_zone_name',
  'package_type_name',
  'unknown_package_type',
  'unknown_zone',
]);

/**
 * A field error of the rule set editor in the page's language: a PRICE_EXPRESSION_INVALID carries
 * the engine's reason code and position in `params`; anything else (or a code this console does
 * not know) shows the API's message.
 */
export function fieldErrorText(error: FieldError, t: ReasonFormat['t']): string {
  const params = error.params;
  const reason = params?.['reason'];
  if (error.code !== 'PRICE_EXPRESSION_INVALID' || typeof reason !== 'string' || !EXPRESSION_PROBLEMS.has(reason)) {
    return error.message;
  }
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
  }
  if (reason === 'unknown_zone' && !values['known']) values['known'] = t('pricing.expr.noZones');
  const text = t(`pricing.expr.${reason as ExpressionProblemCode}`, values);
  const position = params?.['position'];
  return typeof position === 'number' ? t('pricing.expr.at', { position, reason: text }) : text;
}
