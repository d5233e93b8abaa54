import { fleetErrorsEn } from './fleet-errors.en';

/** English texts of the fleet pages (couriers, shifts, my courier page); merged into core/i18n/en.ts. */
export const fleetEn = {
  ...fleetErrorsEn,
};
