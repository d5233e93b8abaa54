import { join } from 'node:path';
import {
  DISPATCH_ENTITIES,
  demoTrackingTokens,
  seedCourierApp,
  seedDispatch,
  seedTimeSlots,
} from '@federacycle/dispatch-server';
import { FEDERATION_ENTITIES, seedFederation } from '@federacycle/federation-server';
import { FLEET_ENTITIES, seedFleet } from '@federacycle/fleet-server';
import { GEO_ENTITIES, seedGeo } from '@federacycle/geo-server';
import { GOVERNANCE_ENTITIES, seedGovernance } from '@federacycle/governance-server';
import { IDENTITY_ENTITIES, seedIdentity } from '@federacycle/identity-server';
import { MERCHANTS_ENTITIES, seedMerchants } from '@federacycle/merchants-server';
import {
  ORDERING_ENTITIES,
  seedOrdering,
  seedPricing,
  type DemoPartnerCredentials,
} from '@federacycle/ordering-server';
import { STORAGE_ENTITIES } from '@federacycle/platform-storage';
import { Database } from '@federacycle/platform-database';

/** A line the start script prints so people can sign in to the demo. */
export interface DemoCredential {
  email: string;
  password: string;
  coop: string;
  roles: string;
}

/**
 * The demo federation, domain by domain. Every seed is idempotent: it looks for what it
 * would create first, so `npm run seed` twice changes nothing.
 */
export interface SeedResult {
  accounts: DemoCredential[];
  /** the demo partner client's fixed API key and OAuth2 credentials (Lyon), or null */
  partner: DemoPartnerCredentials | null;
}

export async function runSeed(appUrl: string): Promise<SeedResult> {
  const db = await Database.connect({
    url: appUrl,
    max: 2,
    applicationName: 'federacycle-seed',
    entities: [
      ...IDENTITY_ENTITIES,
      ...FEDERATION_ENTITIES,
      ...GEO_ENTITIES,
      ...MERCHANTS_ENTITIES,
      ...STORAGE_ENTITIES,
      ...FLEET_ENTITIES,
      ...GOVERNANCE_ENTITIES,
      ...DISPATCH_ENTITIES,
      ...ORDERING_ENTITIES,
    ],
  });
  try {
    const accounts = await seedIdentity(db);
    const credentials: DemoCredential[] = accounts.map((a) => ({
      email: a.email,
      password: a.password,
      coop: a.coop ?? 'federation',
      roles: a.roles.join(', '),
    }));
    // federation: after the identity seed (it needs the demo coops lyon and barcelona)
    await seedFederation(db, {
      keyDirectory: join(process.env['DATA_DIR'] ?? '.data', 'licence-keys'),
      licenceSigningKey: process.env['LICENCE_SIGNING_KEY'] ?? null,
    });
    // geo: each demo coop's service area and its zones
    await seedGeo(db);
    // merchants: twelve per demo coop with their menus; the demo merchant staff scoped to two
    await seedMerchants(db);
    // fleet: courier profiles, shifts and duty for the demo coops (its couriers' accounts come from identity)
    await seedFleet(db);
    // governance: Lyon's closed and open proposals (after identity: its voters are Lyon's members)
    await seedGovernance(db);
    // the courier app: Lyon's dropoff proof policy (photo and signature) as an initial setting version
    await seedCourierApp(db);
    // dispatch: a live day in Lyon (150 deliveries in every state; after fleet and merchants)
    await seedDispatch(db);
    // dispatch: Lyon's time slot (the delivery form and partners offer its windows)
    await seedTimeSlots(db);
    // pricing: Lyon's default rule set, which prices the city (after geo: its rules name Lyon's zones)
    await seedPricing(db);
    // ordering: a partner client for one Lyon shop with fixed demo credentials (after merchants)
    const partner = await seedOrdering(db);
    return { accounts: credentials, partner };
  } finally {
    await db.close();
  }
}

/** The demo's tracking links' tokens: a delivery under way and one delivered (null without the demo day). */
export async function demoTracking(appUrl: string): Promise<{ underWay: string | null; delivered: string | null }> {
  const db = await Database.connect({ url: appUrl, max: 1, applicationName: 'federacycle-seed' });
  try {
    return await demoTrackingTokens(db);
  } finally {
    await db.close();
  }
}
