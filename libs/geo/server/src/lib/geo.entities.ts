import { CoopServiceArea } from './service-area/coop-service-area.entity';
import { Zone } from './zones/zone.entity';

/** geo's tables, one entity each (registered by the module; composed by tools and tests). */
export const GEO_ENTITIES = [CoopServiceArea, Zone];
