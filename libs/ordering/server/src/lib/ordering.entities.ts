import { CoopcycleId, PartnerDelivery, PartnerQuote } from './partner-deliveries/partner-delivery.entity';
import { PartnerClient } from './partners/partner-client.entity';

/** ordering's tables, one entity each (registered by the module; composed by tools and tests). */
export const ORDERING_ENTITIES = [PartnerClient, PartnerQuote, PartnerDelivery, CoopcycleId];
