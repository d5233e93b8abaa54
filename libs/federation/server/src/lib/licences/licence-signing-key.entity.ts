import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { LicencePublicJwk } from '../licence/key-ring';

/** The public part of a licence signing key, published by every API instance (never the private key). */
@Entity({ name: 'licence_signing_keys' })
@Check('licence_signing_keys_kid_check', `kid ~ '^[A-Za-z0-9_-]{1,64}$'`)
@Check('licence_signing_keys_public_jwk_check', `public_jwk ? 'x' and not (public_jwk ? 'd')`)
export class LicenceSigningKey {
  @PrimaryColumn({ type: 'text' })
  kid!: string;

  @Column({ name: 'public_jwk', type: 'jsonb' })
  publicJwk!: LicencePublicJwk;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
