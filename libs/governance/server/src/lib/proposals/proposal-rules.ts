import {
  MIN_VOTING_WINDOW_MS,
  SETTINGS_CATALOGUE,
  STATUTORY_THRESHOLD_PERCENT,
  isSettingKey,
  settingValueProblem,
  type ErrorCode,
  type ProposalStatus,
  type SettingKey,
  type SettingScope,
  type SettingValue,
} from '@federacycle/contracts';
import { ApiException } from '@federacycle/platform-http';

export interface ChangeInput {
  key: string;
  value: unknown;
}

export interface DraftInput {
  changes: readonly ChangeInput[];
  opensAt: Date;
  closesAt: Date;
  quorumPercent: number;
  thresholdPercent: number;
}

export interface ValidDraft {
  changes: Array<{ key: SettingKey; value: SettingValue }>;
  statutory: boolean;
}

const bad = (code: ErrorCode, message: string) => new ApiException(422, code, message);

/** The two-thirds rule, in percent with two decimals (66.67 % meets it, 66.66 % does not). */
export const STATUTORY_MIN_PERCENT = Math.round(STATUTORY_THRESHOLD_PERCENT * 100) / 100;

/**
 * Checks a proposal's content against the catalogue and the voting rules (422 with a stable code):
 * every change names a setting of the scope, once, with a value its schema accepts; the window
 * closes at least an hour after it opens; quorum and threshold are percentages in [0, 100]; a
 * change to a statutory setting needs a threshold of at least two thirds.
 */
export function validateDraft(scope: SettingScope, input: DraftInput): ValidDraft {
  if (input.changes.length === 0) throw bad('VALIDATION_FAILED', 'A proposal changes at least one setting.');
  const seen = new Set<string>();
  const changes: ValidDraft['changes'] = [];
  for (const change of input.changes) {
    if (!isSettingKey(change.key) || SETTINGS_CATALOGUE[change.key].scope !== scope) {
      throw bad('UNKNOWN_SETTING', `"${String(change.key).slice(0, 64)}" is not a ${scope} setting.`);
    }
    if (seen.has(change.key)) throw bad('VALIDATION_FAILED', `${change.key} is changed twice in one proposal.`);
    seen.add(change.key);
    const problem = settingValueProblem(change.key, change.value);
    if (problem) throw bad('SETTING_VALUE_INVALID', problem);
    changes.push({ key: change.key, value: change.value as SettingValue });
  }
  const opens = input.opensAt.getTime();
  const closes = input.closesAt.getTime();
  if (!Number.isFinite(opens) || !Number.isFinite(closes)) {
    throw bad('VOTING_WINDOW_INVALID', 'Give the opening and closing times of the vote.');
  }
  if (closes <= opens) throw bad('VOTING_WINDOW_INVALID', 'The vote must close after it opens.');
  if (closes - opens < MIN_VOTING_WINDOW_MS) {
    throw bad('VOTING_WINDOW_INVALID', 'The vote must stay open for at least one hour.');
  }
  for (const [name, value] of [
    ['quorum', input.quorumPercent],
    ['threshold', input.thresholdPercent],
  ] as const) {
    if (!Number.isFinite(value) || value < 0 || value > 100) {
      throw bad('PERCENT_OUT_OF_RANGE', `The ${name} is a percentage from 0 to 100.`);
    }
  }
  const statutory = changes.some((c) => SETTINGS_CATALOGUE[c.key].statutory);
  if (statutory && input.thresholdPercent < STATUTORY_MIN_PERCENT) {
    const names = changes
      .filter((c) => SETTINGS_CATALOGUE[c.key].statutory)
      .map((c) => SETTINGS_CATALOGUE[c.key].label.en);
    throw bad(
      'STATUTORY_THRESHOLD',
      `${names.join(', ')} is statutory: the threshold must be at least two thirds (66.67 %).`,
    );
  }
  return { changes, statutory };
}

export type ProposalEvent = 'publish' | 'open' | 'close' | 'enact' | 'withdraw';

const TRANSITIONS: Record<ProposalEvent, { from: readonly ProposalStatus[]; to: ProposalStatus }> = {
  publish: { from: ['draft'], to: 'scheduled' },
  open: { from: ['scheduled'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  enact: { from: ['closed'], to: 'enacted' },
  withdraw: { from: ['draft', 'scheduled', 'open'], to: 'withdrawn' },
};

/** The state a proposal moves to, or 409 ILLEGAL_TRANSITION with the reason. */
export function transition(status: ProposalStatus, event: ProposalEvent): ProposalStatus {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(status)) {
    throw new ApiException(409, 'ILLEGAL_TRANSITION', `A ${status} proposal cannot be ${EVENT_PAST[event]}.`);
  }
  return rule.to;
}

const EVENT_PAST: Record<ProposalEvent, string> = {
  publish: 'published',
  open: 'opened',
  close: 'closed',
  enact: 'enacted',
  withdraw: 'withdrawn',
};

export function canTransition(status: ProposalStatus, event: ProposalEvent): boolean {
  return TRANSITIONS[event].from.includes(status);
}
