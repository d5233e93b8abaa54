import { CoopApplication } from './applications/application.entity';
import { CoopCompliance } from './compliance/coop-compliance.entity';
import { Licence } from './licences/licence.entity';
import { LicenceSigningKey } from './licences/licence-signing-key.entity';
import { CoopSettingVersion, FederationSettingVersion } from './settings/setting-version.entity';
import { CoopStorefront } from './storefront/coop-storefront.entity';
import { FederationTransition } from './transitions/federation-transition.entity';

/** The federation's tables, one entity each (the coops table is the platform's `Coop`). */
export const FEDERATION_ENTITIES = [
  CoopApplication,
  FederationTransition,
  LicenceSigningKey,
  Licence,
  FederationSettingVersion,
  CoopSettingVersion,
  CoopCompliance,
  CoopStorefront,
];
