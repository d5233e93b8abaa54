import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DEFAULT_ZONE_COLOUR,
  GEO_LIMITS,
  ZONE_COLOUR_PATTERN,
  type CreateZoneRequest,
  type FieldError,
  type LatLng,
  type Page,
  type UpdateZoneRequest,
  type ZoneFeatureCollection,
  type ZoneImportResult,
  type ZoneView,
} from '@federacycle/contracts';
import { Database, PgErrorCode, pgErrorCode, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import {
  areaSquareMetres,
  distanceMetres,
  pointInZone,
  validateZoneGeometry,
  type GeometryProblem,
  type ServiceCircle,
} from '../geometry/geometry';
import { ServiceAreaService } from '../service-area/service-area.service';
import { coopOfTx } from '../shared/tx-coop';
import { Zone } from './zone.entity';

export function toZoneView(zone: Zone): ZoneView {
  return {
    id: zone.id,
    name: zone.name,
    colour: zone.colour,
    geometry: zone.geometry,
    bbox: zone.bbox,
    areaM2: Math.round(areaSquareMetres(zone.geometry)),
    createdAt: zone.createdAt.toISOString(),
    updatedAt: zone.updatedAt.toISOString(),
  };
}

/** A geometry refusal as the API answers it: 400 with the problem's own code. */
function geometryRefusal(problem: GeometryProblem): ApiException {
  return new ApiException(400, problem.code, problem.message, [
    { field: 'geometry', code: problem.code, message: problem.message },
  ]);
}

const nameTaken = (name: string) =>
  ApiException.conflict('ZONE_NAME_TAKEN', `A zone named “${name}” exists already: choose another name`);

/** Database refusals of a zone write, as the API answers them (never a 500). */
function translateWriteError(error: unknown, name?: string): never {
  const code = pgErrorCode(error);
  const constraint = constraintOf(error);
  if (code === PgErrorCode.UNIQUE_VIOLATION && constraint === 'zones_name_unique') throw nameTaken(name ?? '');
  if (code === PgErrorCode.FOREIGN_KEY_VIOLATION) {
    throw ApiException.conflict(
      'ZONE_IN_USE',
      'This zone is still used (by a merchant’s delivery perimeter or a courier shift): change those first, then delete it',
    );
  }
  throw error;
}

function constraintOf(error: unknown): string | undefined {
  const e = error as { constraint?: unknown; driverError?: { constraint?: unknown } } | null;
  const value = e?.constraint ?? e?.driverError?.constraint;
  return typeof value === 'string' ? value : undefined;
}

function zones(manager: EntityManager, coopId: string) {
  return manager.getRepository(Zone).createQueryBuilder('z').where('z.coopId = :coopId', { coopId });
}

/**
 * A coop's delivery zones. Shapes are validated by the geometry functions (turf) before they are
 * stored; reads go through `db.read` (one round trip); other domains use `findIn` / `containing`
 * / `createIn` in their own transaction.
 */
@Injectable()
export class ZonesService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(ServiceAreaService) private readonly areas: ServiceAreaService,
  ) {}

  /** One page (by name) and the total: one statement with a window count. */
  async list(coopId: string, limit: number, offset: number): Promise<Page<ZoneView>> {
    const { entities, raw } = await this.db.read((manager) =>
      zones(manager, coopId)
        .addSelect('count(*) over ()', 'total')
        .orderBy('lower(z.name)')
        .addOrderBy('z.id')
        .limit(limit)
        .offset(offset)
        .getRawAndEntities<{ total: string }>(),
    );
    if (entities.length > 0 || offset === 0) {
      return { items: entities.map(toZoneView), total: Number(raw[0]?.total ?? 0) };
    }
    return { items: [], total: await this.db.read((manager) => manager.countBy(Zone, { coopId })) };
  }

  async get(coopId: string, zoneId: string): Promise<ZoneView> {
    const zone = await this.db.read((manager) => manager.findOneBy(Zone, { coopId, id: zoneId }));
    if (!zone) throw ApiException.notFound('Zone');
    return toZoneView(zone);
  }

  create(coopId: string, request: CreateZoneRequest): Promise<ZoneView> {
    return this.db
      .forCoop(coopId, (tx) => this.createIn(tx, request))
      .catch((error: unknown) => translateWriteError(error, request.name));
  }

  update(coopId: string, zoneId: string, request: UpdateZoneRequest): Promise<ZoneView> {
    return this.db
      .forCoop(coopId, (tx) => this.updateIn(tx, zoneId, request))
      .catch((error: unknown) => translateWriteError(error, request.name));
  }

  remove(coopId: string, zoneId: string): Promise<void> {
    return this.db
      .forCoop(coopId, async (tx) => {
        const zone = await tx.manager.findOne(Zone, {
          where: { coopId, id: zoneId },
          select: { coopId: true, id: true, name: true },
        });
        if (!zone) throw ApiException.notFound('Zone');
        await tx.manager.delete(Zone, { coopId, id: zoneId });
        await writeOutbox(tx, AUDIT_RECORD_JOB, {
          action: 'geo.zone_deleted',
          subjectType: 'zone',
          subjectId: zoneId,
          data: { name: zone.name },
        });
      })
      .catch((error: unknown) => translateWriteError(error));
  }

  /** Every zone of the coop as a GeoJSON FeatureCollection (what the import reads back). */
  async exportCollection(coopId: string): Promise<ZoneFeatureCollection> {
    const all = await this.db.read((manager) =>
      zones(manager, coopId).orderBy('lower(z.name)').addOrderBy('z.id').getMany(),
    );
    return {
      type: 'FeatureCollection',
      features: all.map((z) => ({
        type: 'Feature',
        id: z.id,
        properties: { name: z.name, colour: z.colour },
        geometry: z.geometry,
      })),
    };
  }

  /**
   * Imports a FeatureCollection, all or nothing: every feature is checked first (its shape, its
   * name, against the others and the coop's zones), and one problem refuses the whole file,
   * listing every problem found in `errors` (field `features.<i>...`).
   */
  importCollection(coopId: string, collection: ZoneFeatureCollection): Promise<ZoneImportResult> {
    const features: unknown[] = collection.features;
    if (features.length === 0) {
      throw new ApiException(400, 'GEOJSON_INVALID', 'The file has no features: nothing to import');
    }
    if (features.length > GEO_LIMITS.maxImportFeatures) {
      throw new ApiException(
        400,
        'GEOMETRY_TOO_LARGE',
        `The file has ${features.length} features; an import may have at most ${GEO_LIMITS.maxImportFeatures}: split it`,
      );
    }
    return this.db
      .forCoop(coopId, async (tx) => {
        const area = await this.areas.findIn(tx);
        const existing = await zones(tx.manager, coopId).select(['z.coopId', 'z.id', 'z.name']).getMany();
        const taken = new Set(existing.map((z) => z.name.toLowerCase()));
        const rows: Array<Pick<Zone, 'coopId' | 'name' | 'colour' | 'geometry' | 'bbox'>> = [];
        const errors: FieldError[] = [];
        let vertices = 0;
        for (const [i, feature] of features.entries()) {
          const parsed = parseFeature(feature, i, area);
          if ('problem' in parsed) {
            errors.push(parsed.problem);
            continue;
          }
          vertices += parsed.vertices;
          const key = parsed.name.toLowerCase();
          if (taken.has(key)) {
            errors.push({
              field: `features.${i}.properties.name`,
              code: 'ZONE_NAME_TAKEN',
              message: `Feature ${i + 1}: a zone named “${parsed.name}” exists already (in the coop or earlier in the file): rename it`,
            });
            continue;
          }
          taken.add(key);
          rows.push({ coopId, name: parsed.name, colour: parsed.colour, geometry: parsed.geometry, bbox: parsed.bbox });
        }
        if (vertices > GEO_LIMITS.maxImportVertices) {
          errors.unshift({
            field: 'features',
            code: 'GEOMETRY_TOO_LARGE',
            message: `The file has ${vertices} points; an import may have at most ${GEO_LIMITS.maxImportVertices}: simplify the shapes or split the file`,
          });
        }
        if (errors.length > 0) {
          const first = errors[0] as FieldError;
          const status = first.code === 'ZONE_NAME_TAKEN' ? 409 : 400;
          throw new ApiException(
            status,
            first.code as ApiException['code'],
            `${errors.length === 1 ? 'One feature cannot' : `${errors.length} features cannot`} be imported, so nothing was: ${first.message}`,
            errors,
          );
        }
        await tx.manager.insert(Zone, rows);
        await writeOutbox(tx, AUDIT_RECORD_JOB, {
          action: 'geo.zones_imported',
          subjectType: 'zone',
          subjectId: null,
          data: { count: rows.length, names: rows.map((r) => r.name) },
        });
        const created = await zones(tx.manager, coopId)
          .andWhere('z.name in (:...names)', { names: rows.map((r) => r.name) })
          .orderBy('lower(z.name)')
          .getMany();
        return { created: created.length, items: created.map(toZoneView) };
      })
      .catch((error: unknown) => translateWriteError(error));
  }

  /** For other domains: a zone of the transaction's coop, or null. */
  async findIn(tx: Tx, zoneId: string): Promise<ZoneView | null> {
    const zone = await tx.manager.findOneBy(Zone, { coopId: coopOfTx(tx), id: zoneId });
    return zone ? toZoneView(zone) : null;
  }

  /** For other domains: every zone of the transaction's coop, by name (a coop has a handful). */
  async allIn(tx: Tx): Promise<Zone[]> {
    return zones(tx.manager, coopOfTx(tx)).orderBy('lower(z.name)').getMany();
  }

  /**
   * For other domains: the zones of the transaction's coop that contain a point (boundary
   * included), by name. The bbox filter runs in SQL; point-in-polygon (turf) on what remains.
   */
  async containing(tx: Tx, point: LatLng): Promise<ZoneView[]> {
    const candidates = await zones(tx.manager, coopOfTx(tx))
      .andWhere('z.bbox[1] <= :lng and z.bbox[3] >= :lng and z.bbox[2] <= :lat and z.bbox[4] >= :lat', {
        lng: point.lng,
        lat: point.lat,
      })
      .orderBy('lower(z.name)')
      .getMany();
    return candidates.filter((z) => pointInZone(point, z.geometry, z.bbox)).map(toZoneView);
  }

  /**
   * For other domains: whether the transaction's coop serves a point: inside one of its zones
   * when it has any, else inside its service area when it has one, else (nothing drawn yet) yes.
   */
  async serves(tx: Tx, point: LatLng): Promise<boolean> {
    const coopId = coopOfTx(tx);
    if (await tx.manager.existsBy(Zone, { coopId })) return (await this.containing(tx, point)).length > 0;
    const area = await this.areas.findIn(tx);
    return area === null || distanceMetres(point, area.centre) <= area.radiusM;
  }

  /** Creates a zone in the caller's transaction (checked like the API's). */
  async createIn(tx: Tx, request: CreateZoneRequest): Promise<ZoneView> {
    const coopId = coopOfTx(tx);
    const area = await this.areas.findIn(tx);
    const check = validateZoneGeometry(request.geometry, { serviceArea: area });
    if (!check.ok) throw geometryRefusal(check);
    await this.assertNameFree(tx.manager, coopId, request.name);
    const inserted = await tx.manager.insert(Zone, {
      coopId,
      name: request.name,
      colour: request.colour ?? DEFAULT_ZONE_COLOUR,
      geometry: check.geometry,
      bbox: check.bbox,
    });
    const { id } = inserted.identifiers[0] as Pick<Zone, 'id'>;
    await writeOutbox(tx, AUDIT_RECORD_JOB, {
      action: 'geo.zone_created',
      subjectType: 'zone',
      subjectId: id,
      data: { name: request.name, vertices: check.vertices },
    });
    return toZoneView(await tx.manager.findOneByOrFail(Zone, { coopId, id }));
  }

  /** Renames, recolours or reshapes a zone in the caller's transaction. */
  async updateIn(tx: Tx, zoneId: string, request: UpdateZoneRequest): Promise<ZoneView> {
    const coopId = coopOfTx(tx);
    const zone = await tx.manager.findOneBy(Zone, { coopId, id: zoneId });
    if (!zone) throw ApiException.notFound('Zone');
    const patch: Partial<Zone> = { updatedAt: new Date() };
    if (request.geometry !== undefined) {
      const check = validateZoneGeometry(request.geometry, { serviceArea: await this.areas.findIn(tx) });
      if (!check.ok) throw geometryRefusal(check);
      patch.geometry = check.geometry;
      patch.bbox = check.bbox;
    }
    if (request.name !== undefined && request.name.toLowerCase() !== zone.name.toLowerCase()) {
      await this.assertNameFree(tx.manager, coopId, request.name);
    }
    if (request.name !== undefined) patch.name = request.name;
    if (request.colour !== undefined) patch.colour = request.colour;
    await tx.manager.update(Zone, { coopId, id: zoneId }, patch);
    await writeOutbox(tx, AUDIT_RECORD_JOB, {
      action: 'geo.zone_updated',
      subjectType: 'zone',
      subjectId: zoneId,
      data: { name: patch.name ?? zone.name, reshaped: request.geometry !== undefined, colour: patch.colour ?? null },
    });
    return toZoneView(await tx.manager.findOneByOrFail(Zone, { coopId, id: zoneId }));
  }

  private async assertNameFree(manager: EntityManager, coopId: string, name: string): Promise<void> {
    const clash = await zones(manager, coopId)
      .select(['z.coopId', 'z.id'])
      .andWhere('lower(z.name) = lower(:name)', { name })
      .getOne();
    if (clash) throw nameTaken(name);
  }
}

type ParsedFeature =
  | { name: string; colour: string; geometry: Zone['geometry']; bbox: Zone['bbox']; vertices: number }
  | { problem: FieldError };

/** One feature of an import: a Feature with properties.name, an optional colour and a zone's shape. */
function parseFeature(feature: unknown, i: number, area: ServiceCircle | null): ParsedFeature {
  const at = `Feature ${i + 1}`;
  const bad = (field: string, code: FieldError['code'], message: string): ParsedFeature => ({
    problem: { field: `features.${i}${field}`, code, message },
  });
  if (typeof feature !== 'object' || feature === null || (feature as { type?: unknown }).type !== 'Feature') {
    return bad('', 'GEOJSON_INVALID', `${at} is not a GeoJSON Feature (an object with "type": "Feature")`);
  }
  const { properties, geometry } = feature as { properties?: unknown; geometry?: unknown };
  const props = (typeof properties === 'object' && properties !== null ? properties : {}) as Record<string, unknown>;
  const rawName = props['name'];
  const name = typeof rawName === 'string' ? rawName.trim() : '';
  if (name.length < 1 || name.length > GEO_LIMITS.nameMaxLength) {
    return bad(
      '.properties.name',
      'GEOJSON_INVALID',
      `${at} needs properties.name, a name of 1 to ${GEO_LIMITS.nameMaxLength} characters`,
    );
  }
  const rawColour = props['colour'] ?? props['color'] ?? props['fill'];
  const colour = typeof rawColour === 'string' ? rawColour.toLowerCase() : DEFAULT_ZONE_COLOUR;
  if (!ZONE_COLOUR_PATTERN.test(colour)) {
    return bad('.properties.colour', 'GEOJSON_INVALID', `${at} (“${name}”): the colour must look like #3b6ea8`);
  }
  const check = validateZoneGeometry(geometry, { serviceArea: area });
  if (!check.ok) return bad('.geometry', check.code, `${at} (“${name}”): ${check.message}`);
  return { name, colour, geometry: check.geometry, bbox: check.bbox, vertices: check.vertices };
}
