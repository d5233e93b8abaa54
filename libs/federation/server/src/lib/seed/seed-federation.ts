import { createHash } from 'node:crypto';
import type { Database, Tx } from '@federacycle/platform-database';
import { hashToken } from '@federacycle/identity-server';
import { registrationKey } from '../legal-forms/legal-form-catalogue';
import { loadOrCreateKeyRing, type KeyRing } from '../licence/key-ring';
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

async function publishKeys(tx: Tx, ring: KeyRing): Promise<void> {
  for (const jwk of ring.toJwks().keys) {
    await tx.execute(
      'insert into licence_signing_keys (kid, public_jwk) values ($1, $2) on conflict (kid) do nothing',
      [jwk.kid, JSON.stringify(jwk)],
    );
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
  await db.platform(async (tx) => {
    await publishKeys(tx, ring);
    for (const demo of DEMO_COOPS) {
      const coop = await tx.maybeOne<{
        id: string;
        name: string;
        country: string;
      }>('select id, name, country from coops where slug = $1', [demo.slug]);
      if (!coop) continue;
      ids[demo.slug] = coop.id;
      await tx.execute(
        `update coops set legal_form = coalesce(legal_form, $2), registration_number = coalesce(registration_number, $3),
           registration_key = coalesce(registration_key, $4), contact_email = coalesce(contact_email, $5), contact_name = coalesce(contact_name, $6)
         where id = $1`,
        [
          coop.id,
          demo.legalForm,
          demo.registration,
          registrationKey(coop.country, demo.registration),
          demo.contact,
          demo.contactName,
        ],
      );
      const existing = await tx.maybeOne('select 1 from licences where licensed_coop_id = $1', [coop.id]);
      if (existing) continue;
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
      await tx.execute(
        'insert into licences (id, licensed_coop_id, kid, token, issued_at, expires_at) values ($1, $2, $3, $4, $5, $6)',
        [issued.claims.jti, coop.id, issued.kid, issued.token, issued.issuedAt, issued.expiresAt],
      );
      await tx.execute(
        `insert into federation_transitions (subject_type, subject_id, event, from_state, to_state, reason, at) values ('licence', $1, 'issue', 'none', 'active', 'demo seed', $2)`,
        [issued.claims.jti, issued.issuedAt],
      );
    }
    const key = registrationKey(PENDING.country, PENDING.registration);
    const pending = await tx.maybeOne<{ id: string }>(
      "select id from coop_applications where registration_key = $1 and status <> 'rejected'",
      [key],
    );
    if (!pending) {
      const row = await tx.one<{ id: string }>(
        `insert into coop_applications (name, city, country, timezone, currency, legal_form, registration_number, registration_key, declarations,
           admin_name, admin_email, statutes, statutes_sha256, statutes_size, status_token_hash, submitted_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) returning id`,
        [
          PENDING.name,
          PENDING.city,
          PENDING.country,
          PENDING.timezone,
          PENDING.currency,
          PENDING.legalForm,
          PENDING.registration,
          key,
          JSON.stringify({
            workersAreMembersOrEmployees: true,
            socialEconomyStatus: true,
          }),
          PENDING.adminName,
          PENDING.adminEmail,
          DEMO_STATUTES_PDF,
          createHash('sha256').update(DEMO_STATUTES_PDF).digest('hex'),
          DEMO_STATUTES_PDF.length,
          hashToken(PENDING.token),
          new Date(now.getTime() - 2 * DAY),
        ],
      );
      await tx.execute(
        `insert into federation_transitions (subject_type, subject_id, event, from_state, to_state, at) values ('application', $1, 'submit', 'none', 'applied', $2)`,
        [row.id, new Date(now.getTime() - 2 * DAY)],
      );
    }
  });
  const app = await db.platform((tx) =>
    tx.one<{ id: string }>("select id from coop_applications where registration_key = $1 and status <> 'rejected'", [
      registrationKey(PENDING.country, PENDING.registration),
    ]),
  );
  return {
    licensed: ids['lyon'] ?? null,
    inGrace: ids['barcelona'] ?? null,
    pendingApplicationId: app.id,
    pendingApplicationToken: PENDING.token,
  };
}
