import type { fleetEn } from './fleet.en';
import { fleetErrorsFr } from './fleet-errors.fr';

/** French texts of the fleet pages (same keys as fleetEn). */
export const fleetFr: Record<keyof typeof fleetEn, string> = {
  ...fleetErrorsFr,
};
