import { createHash } from 'node:crypto';
import { Not, type EntityManager } from 'typeorm';
import { hashToken } from '@federacycle/identity-server';
import { Coop, type Database } from '@federacycle/platform-database';
import { CoopApplication } from '../applications/application.entity';
import { Licence } from '../licences/licence.entity';
import { LicenceSigningKey } from '../licences/licence-signing-key.entity';
import { FederationTransition } from '../transitions/federation-transition.entity';
import { registrationKey } from '../legal-forms/legal-form-catalogue';
import type { KeyRing } from '../licence/key-ring';
import { loadOrCreateKeyRing } from '../licence/key-ring-directory';
import { keyRingFromPem } from '../licence/key-ring-pem';
import { addYears, signLicence } from '../licence/licence-signer';

export interface SeedFederationOptions {
  /** the key directory of development (`<dataDir>/licence-keys`), used when no PEM is given */
  keyDirectory?: string;
  /** production-like: the signing key PEM (LICENCE_SIGNING_KEY) */
  licenceSigningKey?: string | null;
  now?: Date;
}

export interface SeedFederationResult {
  licensed: string | null;
  inGrace: string | null;
  pendingApplicationId: string;
  /** the status-page token of the pending application (deterministic, demo only) */
  pendingApplicationToken: string;
}

const DAY = 86_400_000;

/** A minimal valid PDF (the demo application's statutes). */
export const DEMO_STATUTES_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

const DEMO_COOPS = [
  // Lyon: SCOP SA, SIREN with a valid Luhn digit; licensed for a year
  {
    slug: 'lyon',
    legalForm: 'fr_scop_sa',
    registration: '732829320',
    contact: 'admin@lyon.demo',
    contactName: 'Admin Lyon',
    expiresInDays: 355,
  },
  // Barcelona: licence expired 10 days ago (in the 30-day grace period)
  {
    slug: 'barcelona',
    legalForm: 'es_cooperativa_trabajo_asociado',
    registration: 'F20000006',
    contact: 'admin@barcelona.demo',
    contactName: 'Admin Barcelona',
    expiresInDays: -10,
  },
] as const;

const PENDING = {
  name: 'Vélo Solidaire Nantes',
  city: 'Nantes',
  country: 'FR',
  timezone: 'Europe/Paris',
  currency: 'EUR',
  legalForm: 'fr_scic_sas',
  registration: '542107651',
  adminName: 'Camille Martin',
  adminEmail: 'camille@velo-solidaire-nantes.demo',
  token: 'demo-status-token-velo-solidaire-nantes-0001',
};

async function publishKeys(manager: EntityManager, ring: KeyRing): Promise<void> {
  for (const jwk of ring.toJwks().keys) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(LicenceSigningKey)
      .values({ kid: jwk.kid, publicJwk: jwk })
      .orIgnore()
      .execute();
  }
}

/**
 * The demo federation: Lyon licensed, Barcelona in its grace period (licence expired 10 days
 * ago), and a pending application "Vélo Solidaire Nantes". Runs after the identity seed (the demo
 * coops must exist; missing ones are skipped). Idempotent: a coop that already has a licence keeps
 * it, and the application is created once.
 */
export async function seedFederation(db: Database, options: SeedFederationOptions = {}): Promise<SeedFederationResult> {
  const now = options.now ?? new Date();
  const ring = options.licenceSigningKey
    ? keyRingFromPem({ activePrivateKeyPem: options.licenceSigningKey })
    : await loadOrCreateKeyRing(options.keyDirectory ?? '.data/licence-keys', now);
  const ids: Record<string, string | null> = { lyon: null, barcelona: null };
  const key = registrationKey(PENDING.country, PENDING.registration);
  const app = await db.platform(async ({ manager }) => {
    await publishKeys(manager, ring);
    for (const demo of DEMO_COOPS) {
      const coop = await manager.findOne(Coop, { where: { slug: demo.slug } });
      if (!coop) continue;
      ids[demo.slug] = coop.id;
      // the legal identity, where the identity seed left it empty
      await manager.update(
        Coop,
        { id: coop.id },
        {
          legalForm: coop.legalForm ?? demo.legalForm,
          registrationNumber: coop.registrationNumber ?? demo.registration,
          registrationKey: coop.registrationKey ?? registrationKey(coop.country, demo.registration),
          contactEmail: coop.contactEmail ?? demo.contact,
          contactName: coop.contactName ?? demo.contactName,
        },
      );
      if (await manager.exists(Licence, { where: { licensedCoopId: coop.id } })) continue;
      const expiresAt = new Date(now.getTime() + demo.expiresInDays * DAY);
      const issued = signLicence(ring, {
        coop: {
          id: coop.id,
          name: coop.name,
          legalForm: demo.legalForm,
          country: coop.country,
          registration: demo.registration,
        },
        issuedAt: addYears(expiresAt, -1),
        expiresAt,
      });
      await manager.insert(Licence, {
        id: issued.claims.jti,
        licensedCoopId: coop.id,
        kid: issued.kid,
        token: issued.token,
        issuedAt: issued.issuedAt,
        expiresAt: issued.expiresAt,
      });
      await manager.insert(FederationTransition, {
        subjectType: 'licence',
        subjectId: issued.claims.jti,
        event: 'issue',
        fromState: 'none',
        toState: 'active',
        reason: 'demo seed',
        at: issued.issuedAt,
      });
    }
    const pending = await manager.findOne(CoopApplication, {
      where: { registrationKey: key, status: Not('rejected') },
      select: { id: true },
    });
    if (pending) return pending;
    const submittedAt = new Date(now.getTime() - 2 * DAY);
    const inserted = await manager.insert(CoopApplication, {
      name: PENDING.name,
      city: PENDING.city,
      country: PENDING.country,
      timezone: PENDING.timezone,
      currency: PENDING.currency,
      legalForm: PENDING.legalForm,
      registrationNumber: PENDING.registration,
      registrationKey: key,
      declarations: { workersAreMembersOrEmployees: true, socialEconomyStatus: true },
      adminName: PENDING.adminName,
      adminEmail: PENDING.adminEmail,
      statutes: DEMO_STATUTES_PDF,
      statutesSha256: createHash('sha256').update(DEMO_STATUTES_PDF).digest('hex'),
      statutesSize: DEMO_STATUTES_PDF.length,
      statusTokenHash: hashToken(PENDING.token),
      submittedAt,
      locale: 'fr',
    });
    const id = (inserted.identifiers[0] as Pick<CoopApplication, 'id'>).id;
    await manager.insert(FederationTransition, {
      subjectType: 'application',
      subjectId: id,
      event: 'submit',
      fromState: 'none',
      toState: 'applied',
      at: submittedAt,
    });
    return { id };
  });
  return {
    licensed: ids['lyon'] ?? null,
    inGrace: ids['barcelona'] ?? null,
    pendingApplicationId: app.id,
    pendingApplicationToken: PENDING.token,
  };
}
