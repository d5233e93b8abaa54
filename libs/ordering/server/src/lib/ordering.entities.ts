import { OrderingSample } from './samples/ordering-sample.entity';

/** ordering's tables, one entity each (registered by the module; composed by tools and tests). */
export const ORDERING_ENTITIES = [OrderingSample];
