import type { RuleEvaluation } from '@federacycle/contracts';
import { en, type TranslationKey } from '../../../core/i18n/en';
import { fr } from '../../../core/i18n/fr';
import { interpolate, type TranslationParams } from '../../../core/i18n/i18n.service';
import { ruleReasonText, type ReasonFormat } from './rule-reason';

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
});
