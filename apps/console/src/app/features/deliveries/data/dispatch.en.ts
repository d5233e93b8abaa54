import { dispatchErrorsEn } from './dispatch-errors.en';

/** English texts of the dispatch pages (deliveries). */
export const dispatchEn = {
  ...dispatchErrorsEn,
};
