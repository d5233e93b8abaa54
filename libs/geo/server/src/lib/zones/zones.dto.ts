import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Allow, IsArray, IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  DEFAULT_ZONE_COLOUR,
  GEO_LIMITS,
  type BBox,
  type CreateZoneRequest,
  type Page,
  type UpdateZoneRequest,
  type ZoneFeature,
  type ZoneFeatureCollection,
  type ZoneGeometry,
  type ZoneImportResult,
  type ZoneView,
} from '@federacycle/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);
const COLOUR = /^#[0-9a-fA-F]{6}$/;

const GEOMETRY_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['Polygon', 'MultiPolygon'] },
    coordinates: { type: 'array', items: { type: 'array' } },
  },
  required: ['type', 'coordinates'],
  description:
    'A GeoJSON Polygon or MultiPolygon (WGS84, [longitude, latitude]); closed rings of at least 3 distinct points, ' +
    `no crossing edges, at most ${GEO_LIMITS.maxZoneVertices} points, inside the coop's service area`,
  example: {
    type: 'Polygon',
    coordinates: [
      [
        [4.8265, 45.7635],
        [4.8365, 45.7685],
        [4.8395, 45.7605],
        [4.8315, 45.7475],
        [4.8265, 45.7635],
      ],
    ],
  },
};

export class CreateZoneDto implements CreateZoneRequest {
  @ApiProperty({ minLength: 1, maxLength: GEO_LIMITS.nameMaxLength, example: 'Presqu’île' })
  @Transform(trim)
  @IsString()
  @Length(1, GEO_LIMITS.nameMaxLength)
  name!: string;

  @ApiPropertyOptional({ pattern: '^#[0-9a-f]{6}$', default: DEFAULT_ZONE_COLOUR })
  @IsOptional()
  @Transform(lower)
  @Matches(COLOUR, { message: 'colour must be a hex colour such as #3b6ea8' })
  colour?: string;

  /** checked by validateZoneGeometry (its own codes), not by class-validator */
  @ApiProperty(GEOMETRY_SCHEMA)
  @IsObject()
  geometry!: ZoneGeometry;
}

export class UpdateZoneDto implements UpdateZoneRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: GEO_LIMITS.nameMaxLength })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, GEO_LIMITS.nameMaxLength)
  name?: string;

  @ApiPropertyOptional({ pattern: '^#[0-9a-f]{6}$' })
  @IsOptional()
  @Transform(lower)
  @Matches(COLOUR, { message: 'colour must be a hex colour such as #3b6ea8' })
  colour?: string;

  @ApiPropertyOptional(GEOMETRY_SCHEMA)
  @IsOptional()
  @IsObject()
  geometry?: ZoneGeometry;
}

export class ZoneViewDto implements ZoneView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: DEFAULT_ZONE_COLOUR }) colour!: string;
  @ApiProperty(GEOMETRY_SCHEMA) geometry!: ZoneGeometry;
  @ApiProperty({ type: [Number], minItems: 4, maxItems: 4, description: '[west, south, east, north]' }) bbox!: BBox;
  @ApiProperty({ description: 'square metres' }) areaM2!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ZonePageDto implements Page<ZoneView> {
  @ApiProperty({ type: [ZoneViewDto] }) items!: ZoneViewDto[];
  @ApiProperty() total!: number;
}

/** A GeoJSON FeatureCollection; each feature is checked by the import (its own codes). */
export class ZoneFeatureCollectionDto implements ZoneFeatureCollection {
  @ApiProperty({ enum: ['FeatureCollection'] })
  @IsIn(['FeatureCollection'], { message: 'type must be "FeatureCollection"' })
  type!: 'FeatureCollection';

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: `Features with a Polygon or MultiPolygon geometry and properties.name (properties.colour optional); at most ${GEO_LIMITS.maxImportFeatures}`,
  })
  @IsArray()
  features!: ZoneFeature[];

  // members other tools write (QGIS, geojson.io): accepted and ignored
  @ApiPropertyOptional() @IsOptional() @Allow() name?: unknown;
  @ApiPropertyOptional() @IsOptional() @Allow() crs?: unknown;
  @ApiPropertyOptional() @IsOptional() @Allow() bbox?: unknown;
}

export class ZoneImportResultDto implements ZoneImportResult {
  @ApiProperty() created!: number;
  @ApiProperty({ type: [ZoneViewDto] }) items!: ZoneViewDto[];
}
