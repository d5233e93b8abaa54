import { PartnerClient } from './partners/partner-client.entity';
import { PartnerApiKey } from './partners/credentials/partner-api-key.entity';
import { PartnerOAuthCredential } from './partners/credentials/partner-oauth-credential.entity';

/** ordering's tables, one entity each (registered by the module; composed by tools and tests). */
export const ORDERING_ENTITIES = [PartnerClient, PartnerApiKey, PartnerOAuthCredential];
