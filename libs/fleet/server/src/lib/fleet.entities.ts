import { Courier } from './couriers/courier.entity';
import { CourierDutyPeriod } from './duty/courier-duty-period.entity';
import { CourierLocation } from './duty/courier-location.entity';
import { CourierShift } from './shifts/courier-shift.entity';

/** fleet's tables, one entity each (registered by the module; composed by tools and tests). */
export const FLEET_ENTITIES = [Courier, CourierShift, CourierDutyPeriod, CourierLocation];
