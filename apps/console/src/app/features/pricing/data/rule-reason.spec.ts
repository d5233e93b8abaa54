import type { RuleEvaluation } from '@federacycle/contracts';
import { en, type TranslationKey } from '../../../core/i18n/en';
import { fr } from '../../../core/i18n/fr';
import { interpolate, type TranslationParams } from '../../../core/i18n/i18n.service';
import { fieldErrorText, ruleReasonText, type ReasonFormat } from './rule-reason';

function format(lang: 'en' | 'fr'): ReasonFormat {
  const dictionary = lang === 'en' ? en : fr;
  const locale = lang === 'en' ? 'en-GB' : 'fr-FR';
  return {
    t: (key: TranslationKey, params?: TranslationParams) => interpolate(dictionary[key], params),
    number: (value, decimals = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: decimals }).format(value),
    money: (minor) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(minor / 100),
  };
}
const text = (e: Pick<RuleEvaluation, 'why' | 'taskIndex'>, lang: 'en' | 'fr') =>
  ruleReasonText(e, format(lang)).replace(/\s/g, ' ');

describe('the quote tester’s reasons (from the API’s structured reason)', () => {
  const distance = [{ name: 'distance_km', value: 26.09 }];

  it('a false condition, with the values it read in the page’s numbers', () => {
    const e = {
      taskIndex: null,
      why: { code: 'condition_false', expression: 'distance_km <= 15', values: distance },
    } as const;
    expect(text(e, 'en')).toBe('condition is false: distance_km <= 15 (distance_km = 26.09)');
    expect(text(e, 'fr')).toBe('condition fausse : distance_km <= 15 (distance_km = 26,09)');
  });

  it('no range covers the distance', () => {
    const e = {
      taskIndex: null,
      why: {
        code: 'no_price',
        expression: null,
        values: [],
        problem: { code: 'no_range', distanceKm: 26.09, lastKm: 15 },
      },
    } as const;
    expect(text(e, 'en')).toBe('always, but no range covers 26.09 km (the ranges end at 15 km)');
    expect(text(e, 'fr')).toBe('toujours, mais aucune tranche ne couvre 26,09 km (les tranches s’arrêtent à 15 km)');
  });

  it('a matched rule says what it charged; per task, which task', () => {
    const e = {
      taskIndex: 1,
      why: { code: 'matched', expression: null, values: [], price: { kind: 'per_km', distanceKm: 2.03 } },
    } as const;
    expect(text(e, 'en')).toBe('Task 2: always; 2.03 km by range');
    expect(text(e, 'fr')).toBe('Tâche 2 : toujours ; 2,03 km par tranches');
    const fixed = {
      taskIndex: null,
      why: {
        code: 'matched',
        expression: 'vehicle == "bike"',
        values: [{ name: 'vehicle', value: 'bike' }],
        price: { kind: 'fixed', amountMinor: 450 },
      },
    } as const;
    expect(text(fixed, 'en')).toBe('vehicle == "bike" (vehicle = "bike"); fixed €4.50');
    expect(text(fixed, 'fr')).toBe('vehicle == "bike" (vehicle = "bike") ; forfait 4,50 €');
  });

  it('a surcharge with nothing to apply to, and a rule not evaluated', () => {
    const e = {
      taskIndex: null,
      why: { code: 'surcharge_unused', expression: null, values: [], percent: 12.5 },
    } as const;
    expect(text(e, 'fr')).toBe(
      'toujours ; 12,5 % du sous-total, mais aucune règle de prix ne s’applique : rien à majorer',
    );
    expect(text({ taskIndex: null, why: { code: 'not_evaluated' } }, 'en')).toBe(
      'not evaluated: an earlier rule priced it (first match)',
    );
  });

  it('an expression refused at save time: its reason code and position in the page’s language', () => {
    const error = {
      field: 'rules.0.condition',
      code: 'PRICE_EXPRESSION_INVALID',
      message: 'at character 1: unknown variable "distnce_km" (known: distance_km)',
      params: { reason: 'unknown_variable', position: 1, name: 'distnce_km', known: 'distance_km' },
    };
    expect(fieldErrorText(error, format('en').t)).toBe(error.message);
    expect(fieldErrorText(error, format('fr').t)).toBe(
      'au caractère 1 : variable inconnue « distnce_km » (connues : distance_km)',
    );
    const zone = { ...error, params: { reason: 'unknown_zone', position: null, zone: 'Moon', known: '' } };
    expect(fieldErrorText(zone, format('fr').t)).toBe(
      'aucune zone ne s’appelle « Moon » (zones de la coopérative : aucune pour l’instant)',
    );
    // no code, or one this console does not know: the API's message
    const rule = { field: 'rules.0.amountMinor', code: 'PRICE_RULE_INVALID', message: 'give the amount' };
    expect(fieldErrorText(rule, format('fr').t)).toBe('give the amount');
    expect(fieldErrorText({ ...error, params: { reason: 'future_code', position: 2 } }, format('fr').t)).toBe(
      error.message,
    );
  });
});
