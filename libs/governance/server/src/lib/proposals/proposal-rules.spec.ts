import { ApiException } from '@federacycle/platform-http';
import { STATUTORY_MIN_PERCENT, transition, validateDraft, type DraftInput } from './proposal-rules';

const T = new Date('2026-06-01T10:00:00Z');
const draft = (over: Partial<DraftInput> = {}): DraftInput => ({
  changes: [{ key: 'dispatch_mode', value: 'suggest' }],
  opensAt: T,
  closesAt: new Date(T.getTime() + 3_600_000),
  quorumPercent: 25,
  thresholdPercent: 50,
  ...over,
});
const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof ApiException ? error.code : 'not an ApiException';
  }
};

describe('proposal rules', () => {
  it('accepts a valid draft and marks statutory changes', () => {
    expect(validateDraft('coop', draft())).toEqual({
      changes: [{ key: 'dispatch_mode', value: 'suggest' }],
      statutory: false,
    });
    expect(
      validateDraft(
        'coop',
        draft({ changes: [{ key: 'max_proxies_per_holder', value: 1 }], thresholdPercent: STATUTORY_MIN_PERCENT }),
      ).statutory,
    ).toBe(true);
  });

  it('refuses each bad input with its code', () => {
    expect(codeOf(() => validateDraft('coop', draft({ changes: [{ key: 'nope', value: 1 }] })))).toBe(
      'UNKNOWN_SETTING',
    );
    expect(codeOf(() => validateDraft('coop', draft({ changes: [{ key: 'licence_grace_days', value: 1 }] })))).toBe(
      'UNKNOWN_SETTING',
    );
    expect(codeOf(() => validateDraft('federation', draft()))).toBe('UNKNOWN_SETTING');
    expect(codeOf(() => validateDraft('coop', draft({ changes: [{ key: 'dispatch_mode', value: 'x' }] })))).toBe(
      'SETTING_VALUE_INVALID',
    );
    expect(codeOf(() => validateDraft('coop', draft({ changes: [] })))).toBe('VALIDATION_FAILED');
    expect(
      codeOf(() =>
        validateDraft(
          'coop',
          draft({
            changes: [
              { key: 'dispatch_mode', value: 'auto' },
              { key: 'dispatch_mode', value: 'manual' },
            ],
          }),
        ),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(codeOf(() => validateDraft('coop', draft({ closesAt: T })))).toBe('VOTING_WINDOW_INVALID');
    expect(codeOf(() => validateDraft('coop', draft({ closesAt: new Date(T.getTime() + 3_599_999) })))).toBe(
      'VOTING_WINDOW_INVALID',
    );
    expect(codeOf(() => validateDraft('coop', draft({ quorumPercent: 100.01 })))).toBe('PERCENT_OUT_OF_RANGE');
    expect(codeOf(() => validateDraft('coop', draft({ thresholdPercent: Number.NaN })))).toBe('PERCENT_OUT_OF_RANGE');
    expect(
      codeOf(() =>
        validateDraft(
          'coop',
          draft({ changes: [{ key: 'max_proxies_per_holder', value: 1 }], thresholdPercent: 66.66 }),
        ),
      ),
    ).toBe('STATUTORY_THRESHOLD');
  });

  it('moves draft → scheduled → open → closed → enacted, withdraws before close only', () => {
    expect(transition('draft', 'publish')).toBe('scheduled');
    expect(transition('scheduled', 'open')).toBe('open');
    expect(transition('open', 'close')).toBe('closed');
    expect(transition('closed', 'enact')).toBe('enacted');
    for (const s of ['draft', 'scheduled', 'open'] as const) expect(transition(s, 'withdraw')).toBe('withdrawn');
    expect(codeOf(() => transition('closed', 'withdraw'))).toBe('ILLEGAL_TRANSITION');
    expect(codeOf(() => transition('open', 'publish'))).toBe('ILLEGAL_TRANSITION');
    expect(codeOf(() => transition('enacted', 'close'))).toBe('ILLEGAL_TRANSITION');
  });
});
