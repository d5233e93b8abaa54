import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Coop } from '@federacycle/platform-database';
import type { ApplicationState } from '../lifecycle/application-lifecycle';

/** The languages an applicant is written to in (the application mails). */
export const APPLICATION_LOCALES = ['en', 'fr'] as const;
export type ApplicationLocale = (typeof APPLICATION_LOCALES)[number];

/** What the applicant declared (the application's `declarations` document). */
export interface ApplicationDeclarations {
  workersAreMembersOrEmployees: boolean;
  socialEconomyStatus: boolean | null;
}

/**
 * A "Start a coop" application (platform row). The statutes PDF is kept with its SHA-256; the
 * status page token is stored as its SHA-256 only. A registration key is held by at most one
 * application that is not rejected.
 */
@Entity({ name: 'coop_applications' })
@Unique('coop_applications_status_token_hash_key', ['statusTokenHash'])
@Unique('coop_applications_created_coop_id_key', ['createdCoopId'])
@Index('coop_applications_registration', ['registrationKey'], { unique: true, where: `status <> 'rejected'` })
@Index('coop_applications_queue', ['status', 'submittedAt'])
@Index('coop_applications_pending_admin', ['adminEmail'], { where: `status in ('applied', 'under_review')` })
@Check('coop_applications_status_check', `status in ('applied', 'under_review', 'approved', 'rejected')`)
@Check('coop_applications_name_check', 'length(name) between 2 and 120')
@Check('coop_applications_city_check', 'length(city) between 1 and 100')
@Check('coop_applications_country_check', `country ~ '^[A-Z]{2}$'`)
@Check('coop_applications_timezone_check', 'length(timezone) between 1 and 64')
@Check('coop_applications_currency_check', `currency ~ '^[A-Z]{3}$'`)
@Check('coop_applications_legal_form_check', 'length(legal_form) between 1 and 64')
@Check(
  'coop_applications_legal_form_justification_check',
  'legal_form_justification is null or length(legal_form_justification) <= 2000',
)
@Check('coop_applications_registration_number_check', 'length(registration_number) between 1 and 120')
@Check('coop_applications_registration_key_check', 'length(registration_key) between 4 and 130')
@Check('coop_applications_admin_name_check', 'length(admin_name) between 1 and 120')
@Check(
  'coop_applications_admin_email_check',
  'admin_email = lower(admin_email) and length(admin_email) between 3 and 254',
)
@Check('coop_applications_statutes_sha256_check', `statutes_sha256 ~ '^[0-9a-f]{64}$'`)
@Check('coop_applications_statutes_size_check', 'statutes_size between 1 and 10485760')
@Check('coop_applications_status_token_hash_check', `status_token_hash ~ '^[0-9a-f]{64}$'`)
@Check('coop_applications_reason_check', 'reason is null or length(reason) <= 2000')
@Check('coop_applications_check', `(status = 'approved') = (created_coop_id is not null)`)
@Check('coop_applications_locale_check', `locale in ('en', 'fr')`)
export class CoopApplication {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', default: 'applied' })
  status!: ApplicationState;

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

  @Column({ name: 'legal_form', type: 'text' })
  legalForm!: string;

  @Column({ name: 'legal_form_justification', type: 'text', nullable: true })
  legalFormJustification!: string | null;

  @Column({ name: 'registration_number', type: 'text' })
  registrationNumber!: string;

  /** 'CC:NORMALISED' */
  @Column({ name: 'registration_key', type: 'text' })
  registrationKey!: string;

  @Column({ type: 'jsonb' })
  declarations!: ApplicationDeclarations;

  @Column({ name: 'admin_name', type: 'text' })
  adminName!: string;

  @Column({ name: 'admin_email', type: 'text' })
  adminEmail!: string;

  /** the PDF (not selected by default: lists and views never carry it) */
  @Column({ type: 'bytea', select: false })
  statutes!: Buffer;

  @Column({ name: 'statutes_sha256', type: 'text' })
  statutesSha256!: string;

  @Column({ name: 'statutes_size', type: 'integer' })
  statutesSize!: number;

  @Column({ name: 'status_token_hash', type: 'text' })
  statusTokenHash!: string;

  @Column({ name: 'created_coop_id', type: 'uuid', nullable: true })
  createdCoopId!: string | null;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'created_coop_id', foreignKeyConstraintName: 'coop_applications_created_coop_id_fkey' })
  createdCoop?: Coop;

  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' })
  submittedAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** the applicant's language: the application mails are written in it */
  @Column({ type: 'text', default: 'en' })
  locale!: ApplicationLocale;
}
