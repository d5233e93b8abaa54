import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { BusyPeriod, FulfilmentMethod, GeocodedBy, MerchantKind } from '@federacycle/contracts';
import { Zone } from '@federacycle/geo-server';
import { Coop } from '@federacycle/platform-database';

/**
 * A restaurant, shop or partner store of one coop (tenant row: coop_id first in every key, RLS
 * forced). The address is structured and the point apart, with where it came from
 * (`geocodedBy`), so a geocoder adapter can fill it later (see geocoder.port.ts).
 */
@Entity({ name: 'merchants' })
@Check('merchants_name_check', 'length(btrim(name)) between 1 and 120')
@Check('merchants_kind_check', `kind in ('restaurant', 'shop', 'partner_store')`)
@Check('merchants_address_line1_check', 'length(btrim(address_line1)) between 1 and 200')
@Check('merchants_address_line2_check', 'length(address_line2) <= 200')
@Check('merchants_postal_code_check', 'length(postal_code) between 1 and 20')
@Check('merchants_city_check', 'length(btrim(city)) between 1 and 100')
@Check('merchants_country_check', `country ~ '^[A-Z]{2}$'`)
@Check('merchants_lat_check', 'lat between -90 and 90')
@Check('merchants_lng_check', 'lng between -180 and 180')
@Check('merchants_geocoded_by_check', `geocoded_by in ('manual_pin', 'typed', 'geocoder')`)
@Check('merchants_geocoder_ref_check', 'length(geocoder_ref) <= 200')
@Check('merchants_contact_name_check', 'length(contact_name) <= 120')
@Check('merchants_contact_phone_check', 'length(contact_phone) <= 40')
@Check('merchants_contact_email_check', 'length(contact_email) <= 254')
@Check('merchants_opening_hours_check', 'length(opening_hours) between 1 and 1000')
@Check('merchants_holiday_region_check', `holiday_region ~ '^[A-Za-z0-9-]{1,10}$'`)
@Check('merchants_prep_default_minutes_check', 'prep_default_minutes between 0 and 240')
@Check('merchants_prep_busy_check', `jsonb_typeof(prep_busy) = 'array'`)
@Check(
  'merchants_fulfilment_check',
  `cardinality(fulfilment) >= 1 and fulfilment <@ array['delivery', 'collection']::text[]`,
)
@Check('merchants_perimeter_kind_check', `perimeter_kind in ('radius', 'zone')`)
@Check('merchants_perimeter_radius_m_check', 'perimeter_radius_m between 100 and 50000')
@Check('merchants_min_order_amount_check', 'min_order_amount between 0 and 100000000')
@Check('merchants_currency_check', `currency ~ '^[A-Z]{3}$'`)
@Check('merchants_pause_reason_check', 'length(pause_reason) <= 200')
@Check(
  'merchants_perimeter_check',
  `(perimeter_kind = 'radius' and perimeter_radius_m is not null and perimeter_zone_id is null) or (perimeter_kind = 'zone' and perimeter_zone_id is not null and perimeter_radius_m is null)`,
)
@Check(
  'merchants_pause_check',
  '(paused_at is null and pause_reason is null and paused_until is null) or (paused_at is not null and pause_reason is not null)',
)
export class Merchant {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'merchants_coop_id_fkey' })
  coop?: Coop;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: MerchantKind;

  @Column({ name: 'address_line1', type: 'text' })
  addressLine1!: string;

  @Column({ name: 'address_line2', type: 'text', nullable: true })
  addressLine2!: string | null;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'text' })
  country!: string;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lng!: number;

  @Column({ name: 'geocoded_by', type: 'text' })
  geocodedBy!: GeocodedBy;

  @Column({ name: 'geocoder_ref', type: 'text', nullable: true })
  geocoderRef!: string | null;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'opening_hours', type: 'text' })
  openingHours!: string;

  @Column({ name: 'holiday_region', type: 'text', nullable: true })
  holidayRegion!: string | null;

  @Column({ name: 'prep_default_minutes', type: 'integer', default: 15 })
  prepDefaultMinutes!: number;

  @Column({ name: 'prep_busy', type: 'jsonb', default: () => "'[]'" })
  prepBusy!: BusyPeriod[];

  @Column({ type: 'text', array: true })
  fulfilment!: FulfilmentMethod[];

  @Column({ name: 'perimeter_kind', type: 'text' })
  perimeterKind!: 'radius' | 'zone';

  @Column({ name: 'perimeter_radius_m', type: 'integer', nullable: true })
  perimeterRadiusM!: number | null;

  @Column({ name: 'perimeter_zone_id', type: 'uuid', nullable: true })
  perimeterZoneId!: string | null;

  /** a zone of the same coop: the composite key refuses another coop's */
  @ManyToOne(() => Zone)
  @JoinColumn([
    { name: 'coop_id', referencedColumnName: 'coopId', foreignKeyConstraintName: 'merchants_perimeter_zone_fkey' },
    { name: 'perimeter_zone_id', referencedColumnName: 'id', foreignKeyConstraintName: 'merchants_perimeter_zone_fkey' },
  ])
  perimeterZone?: Zone;

  @Column({ name: 'min_order_amount', type: 'integer', default: 0 })
  minOrderAmount!: number;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true })
  pausedAt!: Date | null;

  @Column({ name: 'pause_reason', type: 'text', nullable: true })
  pauseReason!: string | null;

  @Column({ name: 'paused_until', type: 'timestamptz', nullable: true })
  pausedUntil!: Date | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
