import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import type { EntityManager } from 'typeorm';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import type { KeyRing, Jwks } from '../licence/key-ring';
import { loadOrCreateKeyRing, saveKeyRingToDirectory } from '../licence/key-ring-directory';
import { keyRingFromPem } from '../licence/key-ring-pem';
import { publicKeyResolverFromJwks, type PublicKeyResolver } from '../licence/licence-verifier';
import { CLOCK, type Clock } from '../shared/clock';
import { LicenceSigningKey } from './licence-signing-key.entity';

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
    const infos = new Map(ring.keys().map((k) => [k.kid, k]));
    const run = async ({ manager }: Tx) => {
      const published = new Map(
        (await manager.find(LicenceSigningKey, { select: { kid: true, retiredAt: true } })).map((k) => [k.kid, k]),
      );
      for (const jwk of ring.toJwks().keys) {
        const info = infos.get(jwk.kid);
        const active = info?.active ?? false;
        const existing = published.get(jwk.kid);
        if (!existing) {
          await manager
            .createQueryBuilder()
            .insert()
            .into(LicenceSigningKey)
            .values({
              kid: jwk.kid,
              publicJwk: jwk,
              createdAt: info?.createdAt ?? (() => 'now()'),
              retiredAt: active ? null : (info?.retiredAt ?? this.clock.now()),
            })
            // another instance may publish the same key at the same moment
            .orIgnore()
            .execute();
        } else if (active && existing.retiredAt !== null) {
          await manager.update(LicenceSigningKey, { kid: jwk.kid }, { retiredAt: null });
        } else if (!active && existing.retiredAt === null) {
          await manager.update(LicenceSigningKey, { kid: jwk.kid }, { retiredAt: info?.retiredAt ?? this.clock.now() });
        }
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
  async jwks(manager?: EntityManager): Promise<Jwks> {
    const read = (m: EntityManager) =>
      m
        .getRepository(LicenceSigningKey)
        .createQueryBuilder('k')
        .select(['k.kid', 'k.publicJwk'])
        .orderBy('k.retiredAt', 'DESC', 'NULLS FIRST')
        .addOrderBy('k.createdAt', 'DESC')
        .addOrderBy('k.kid')
        .getMany();
    const keys = manager ? await read(manager) : await this.db.readPlatform(read);
    return { keys: keys.map((k) => k.publicJwk) };
  }

  /** A resolver over the published keys (what every verification uses). */
  async resolver(manager?: EntityManager): Promise<PublicKeyResolver> {
    const jwks = await this.jwks(manager);
    return publicKeyResolverFromJwks(jwks as unknown as { keys: Array<Record<string, unknown>> });
  }
}
