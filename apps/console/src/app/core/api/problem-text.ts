import type { TranslationKey } from '../i18n/en';
import type { TranslationParams } from '../i18n/i18n.service';
import { problemMessage, toApiProblem, type ApiProblem } from './api-error';

type Translate = (key: TranslationKey, params?: TranslationParams) => string;

/** Translated human message for any error thrown by an API call. */
export function toProblemText(t: Translate, error: unknown): string {
  return problemText(t, toApiProblem(error));
}

export function problemText(t: Translate, problem: ApiProblem): string {
  const { key, params } = problemMessage(problem);
  return t(key, params);
}
