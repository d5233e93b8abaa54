import type { dispatchEn } from './dispatch.en';
import { dispatchErrorsFr } from './dispatch-errors.fr';

/** French texts of the dispatch pages (same keys as dispatchEn). */
export const dispatchFr: Record<keyof typeof dispatchEn, string> = {
  ...dispatchErrorsFr,
};
