import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { CoopStatus } from '@federacycle/contracts';

/**
 * The tenant registry: one row per coop (a platform row, not a tenant row; every tenant row
 * references it). Identity creates coops and reads them; federation moves their lifecycle.
 */
@Entity({ name: 'coops' })
@Unique('coops_slug_key', ['slug'])
@Check('coops_slug_check', `slug ~ '^[a-z0-9][a-z0-9-]{1,40}$'`)
@Check('coops_name_check', 'length(name) between 1 and 120')
@Check('coops_city_check', 'length(city) between 1 and 120')
@Check('coops_country_check', `country ~ '^[A-Z]{2}$'`)
@Check('coops_currency_check', `currency ~ '^[A-Z]{3}$'`)
@Check('coops_status_check', `status in ('active', 'suspended', 'offboarding', 'offboarded')`)
@Unique('coops_registration_key_key', ['registrationKey'])
@Check('coops_legal_form_check', 'legal_form is null or length(legal_form) between 1 and 64')
@Check(
  'coops_registration_number_check',
  'registration_number is null or length(registration_number) between 1 and 120',
)
@Check('coops_registration_key_check', 'registration_key is null or length(registration_key) between 4 and 130')
@Check(
  'coops_contact_email_check',
  'contact_email is null or (contact_email = lower(contact_email) and length(contact_email) between 3 and 254)',
)
@Check('coops_contact_name_check', 'contact_name is null or length(contact_name) between 1 and 120')
export class Coop {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'text' })
  timezone!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'text', default: 'active' })
  status!: CoopStatus;

  /** the legal identity, stored when the federation approves the coop's application (null before) */
  @Column({ name: 'legal_form', type: 'text', nullable: true })
  legalForm!: string | null;

  @Column({ name: 'registration_number', type: 'text', nullable: true })
  registrationNumber!: string | null;

  /** 'CC:NORMALISED', unique across the federation */
  @Column({ name: 'registration_key', type: 'text', nullable: true })
  registrationKey!: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
