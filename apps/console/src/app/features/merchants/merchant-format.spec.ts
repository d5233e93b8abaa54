import type { OpeningState } from '@federacycle/contracts';
import { en } from '../../core/i18n/en';
import { fr } from '../../core/i18n/fr';
import { formatMoney, stateSentence, weekByDay } from './merchant-format';

const translate =
  (dict: Record<string, string>) =>
  (key: string, params?: Record<string, string | number>): string =>
    (dict[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));

describe('merchant texts', () => {
  const now = new Date('2026-12-02T10:00:00Z'); // a Wednesday
  const closed: OpeningState = {
    openNow: false,
    nextChange: '2026-12-03T10:30:00Z',
    opensAt: '2026-12-03T10:30:00Z',
    closesAt: null,
    holidayToday: false,
  };

  it('says when a closed merchant opens, in the coop’s zone and the reader’s language', () => {
    jest.useFakeTimers().setSystemTime(now);
    try {
      expect(stateSentence(translate(en) as never, closed, 'en-GB', 'Europe/Paris')).toBe(
        'Closed · opens Thursday 11:30',
      );
      expect(stateSentence(translate(fr) as never, closed, 'fr-FR', 'Europe/Paris')).toBe('Fermé · ouvre jeudi 11:30');
      expect(stateSentence(translate(en) as never, closed, 'en-GB', 'Europe/Paris', true)).toBe(
        'Paused until Thursday 11:30',
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('groups the week’s intervals by day', () => {
    const week = [
      { from: '2026-12-03T10:30:00Z', to: '2026-12-03T13:30:00Z', unknown: false, comment: null },
      { from: '2026-12-03T17:30:00Z', to: '2026-12-03T21:00:00Z', unknown: false, comment: null },
      { from: '2026-12-04T10:30:00Z', to: '2026-12-04T13:30:00Z', unknown: false, comment: null },
    ];
    const days = weekByDay(week, 'fr-FR', 'Europe/Paris');
    expect(days).toHaveLength(2);
    expect(days[0]?.ranges).toEqual(['11:30–14:30', '18:30–22:00']);
    expect(days[0]?.day).toMatch(/jeudi 3 déc/);
  });

  it('formats minor units as money', () => {
    expect(formatMoney(1450, 'EUR', 'en-GB')).toBe('€14.50');
    expect(formatMoney(1450, 'EUR', 'fr-FR').replace(/\s/g, ' ')).toBe('14,50 €');
  });
});
