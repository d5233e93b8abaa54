import type { TranslationKey } from '../i18n/en';
import type { TranslationParams } from '../i18n/i18n.service';
import { problemMessage, toApiProblem, type ApiProblem, type ProblemOverrides } from './api-error';

export type Translate = (key: TranslationKey, params?: TranslationParams) => string;

/** Translated human message for any error thrown by an API call. */
export function toProblemText(t: Translate, error: unknown, overrides?: ProblemOverrides): string {
  return problemText(t, toApiProblem(error), overrides);
}

export function problemText(t: Translate, problem: ApiProblem, overrides?: ProblemOverrides): string {
  const message = problemMessage(problem, overrides);
  return 'serverText' in message ? message.serverText : t(message.key, message.params);
}
