import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PlatformRole, SupportedLocale } from '@federacycle/contracts';

/** A person (platform row): one account per email, across every coop they belong to. */
@Entity({ name: 'users' })
@Index('users_email', { synchronize: false }) // unique on lower(email): an expression index TypeORM cannot describe
@Check('users_email_check', `email = lower(email) and length(email) between 3 and 254 and position('@' in email) > 1`)
@Check('users_name_check', 'length(name) between 1 and 120')
@Check('users_status_check', `status in ('active', 'disabled')`)
@Check('users_locale_check', `locale in ('en', 'fr')`)
@Check('users_platform_roles_check', `platform_roles <@ array['federation_admin']::text[]`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** stored lower-cased */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  /** argon2id */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'text', default: 'active' })
  status!: 'active' | 'disabled';

  @Column({ name: 'platform_roles', type: 'text', array: true, default: () => "'{}'" })
  platformRoles!: PlatformRole[];

  /** the person's chosen language (console and mails); null: their coop's language applies */
  @Column({ type: 'text', nullable: true })
  locale!: SupportedLocale | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
