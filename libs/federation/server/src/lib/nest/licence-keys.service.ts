import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import {
  KeyRing,
  loadOrCreateKeyRing,
  saveKeyRingToDirectory,
  type Jwks,
  type LicencePublicJwk,
} from '../licence/key-ring';
import { keyRingFromPem } from '../licence/key-ring-pem';
import { publicKeyResolverFromJwks, type PublicKeyResolver } from '../licence/licence-verifier';
import { CLOCK, type Clock } from './clock';

/** Development key directory under the data directory. */
export function licenceKeyDirectory(dataDir: string): string {
  return join(dataDir, 'licence-keys');
}

/**
 * The licence signing key ring of this process. Production: from the LICENCE_SIGNING_KEY secret
 * (PKCS#8 PEM); development and tests: generated at first start into `<dataDir>/licence-keys/`.
 * At start-up the public keys are published into `licence_signing_keys`, so that every API
 * instance verifies (and the JWKS lists) every key, including keys of other instances and
 * retired ones. The private key is never logged, returned or stored in the database.
 */
@Injectable()
export class LicenceKeysService implements OnModuleInit {
  private readonly logger = new Logger('licence-keys');
  private ring: KeyRing | null = null;
  private readonly fromSecret: boolean;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.fromSecret = config.licenceSigningKey !== null;
  }

  async onModuleInit(): Promise<void> {
    if (this.config.licenceSigningKey) {
      this.ring = keyRingFromPem({
        activePrivateKeyPem: this.config.licenceSigningKey,
      });
    } else if (this.config.nodeEnv === 'production') {
      throw new Error('LICENCE_SIGNING_KEY is required in production (PKCS#8 PEM of an Ed25519 key)');
    } else {
      this.ring = await loadOrCreateKeyRing(licenceKeyDirectory(this.config.dataDir), this.clock.now());
    }
    await this.publish();
    this.logger.log({ activeKid: this.ring.activeKid }, 'licence key ring ready');
  }

  /** The ring (throws before module init). */
  keyRing(): KeyRing {
    if (!this.ring) throw new Error('licence key ring not loaded yet');
    return this.ring;
  }

  /** Upserts the public parts of the ring's keys; the active key is un-retired, others keep their date. */
  async publish(tx?: Tx): Promise<void> {
    const ring = this.keyRing();
    const jwks = ring.toJwks();
    const infos = new Map(ring.keys().map((k) => [k.kid, k]));
    const run = async (t: Tx) => {
      for (const jwk of jwks.keys) {
        const info = infos.get(jwk.kid);
        await t.execute(
          `insert into licence_signing_keys (kid, public_jwk, created_at, retired_at) values ($1, $2, coalesce($3, now()), $4)
           on conflict (kid) do update set retired_at = case when $5 then null else coalesce(licence_signing_keys.retired_at, excluded.retired_at) end`,
          [
            jwk.kid,
            JSON.stringify(jwk),
            info?.createdAt ?? null,
            info?.active ? null : (info?.retiredAt ?? this.clock.now()),
            info?.active ?? false,
          ],
        );
      }
    };
    if (tx) await run(tx);
    else await this.db.platform(run);
  }

  /** Generates a new active key (development key directory only); the previous key keeps verifying. */
  async rotate(): Promise<{ kid: string }> {
    if (this.fromSecret) {
      throw new ApiException(
        409,
        'CONFLICT',
        'Licence keys come from the LICENCE_SIGNING_KEY secret here: rotate by provisioning a new secret',
      );
    }
    const ring = this.keyRing();
    const kid = ring.rotate(this.clock.now());
    await saveKeyRingToDirectory(ring, licenceKeyDirectory(this.config.dataDir));
    await this.publish();
    this.logger.log({ activeKid: kid }, 'licence key rotated');
    return { kid };
  }

  /** Every published public key (all instances, retired included), active ones first. */
  async jwks(tx?: Tx): Promise<Jwks> {
    const read = (t: Tx) =>
      t.query<{ public_jwk: LicencePublicJwk }>(
        'select public_jwk from licence_signing_keys order by retired_at desc nulls first, created_at desc, kid',
      );
    const rows = tx ? await read(tx) : await this.db.platform(read);
    return { keys: rows.map((r) => r.public_jwk) };
  }

  /** A resolver over the published keys (what every verification uses). */
  async resolver(tx?: Tx): Promise<PublicKeyResolver> {
    const jwks = await this.jwks(tx);
    return publicKeyResolverFromJwks(jwks as unknown as { keys: Array<Record<string, unknown>> });
  }
}
