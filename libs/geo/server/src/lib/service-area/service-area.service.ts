import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ServiceAreaResponse, ServiceAreaView, SetServiceAreaRequest } from '@federacycle/contracts';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { withinCircle, type ServiceCircle } from '../geometry/geometry';
import { coopOfTx } from '../shared/tx-coop';
import { Zone } from '../zones/zone.entity';
import { CoopServiceArea } from './coop-service-area.entity';

export function toServiceAreaView(area: CoopServiceArea): ServiceAreaView {
  return {
    centre: { lat: area.centreLat, lng: area.centreLng },
    radiusM: area.radiusM,
    updatedAt: area.updatedAt.toISOString(),
  };
}

export function toServiceCircle(area: CoopServiceArea | null): ServiceCircle | null {
  return area ? { centre: { lat: area.centreLat, lng: area.centreLng }, radiusM: area.radiusM } : null;
}

/** How many zone names a refusal lists before "and N more". */
const NAMES_SHOWN = 5;

/**
 * The area a coop serves (a centre and a radius). A coop without one yet has its zones checked
 * only for validity; once it is set, every zone must lie inside it, and the area cannot shrink
 * to leave an existing zone outside.
 */
@Injectable()
export class ServiceAreaService {
  constructor(@Inject(Database) private readonly db: Database) {}

  async get(coopId: string): Promise<ServiceAreaResponse> {
    const area = await this.db.read((manager) => manager.findOneBy(CoopServiceArea, { coopId }));
    return { area: area ? toServiceAreaView(area) : null };
  }

  set(coopId: string, request: SetServiceAreaRequest): Promise<ServiceAreaView> {
    return this.db.forCoop(coopId, (tx) => this.setIn(tx, request));
  }

  /** The coop's service area as a circle, in the caller's transaction (null until it is set). */
  async findIn(tx: Tx): Promise<ServiceCircle | null> {
    return toServiceCircle(await loadArea(tx.manager, coopOfTx(tx)));
  }

  /** Sets the area in the caller's transaction; refuses one that would leave a zone outside it. */
  async setIn(tx: Tx, request: SetServiceAreaRequest): Promise<ServiceAreaView> {
    const coopId = coopOfTx(tx);
    const circle: ServiceCircle = { centre: request.centre, radiusM: request.radiusM };
    const zones = await tx.manager
      .getRepository(Zone)
      .createQueryBuilder('z')
      .select(['z.coopId', 'z.id', 'z.name', 'z.geometry'])
      .where('z.coopId = :coopId', { coopId })
      .orderBy('z.name')
      .getMany();
    const outside = zones.filter((z) => !withinCircle(z.geometry, circle)).map((z) => z.name);
    if (outside.length > 0) {
      const shown = outside.slice(0, NAMES_SHOWN).join(', ');
      const more = outside.length > NAMES_SHOWN ? ` and ${outside.length - NAMES_SHOWN} more` : '';
      throw new ApiException(
        409,
        'SERVICE_AREA_EXCLUDES_ZONES',
        `This area would leave ${outside.length === 1 ? 'a zone' : `${outside.length} zones`} outside it (${shown}${more}): widen the radius, move the centre, or reshape those zones first`,
      );
    }
    await tx.manager.upsert(
      CoopServiceArea,
      {
        coopId,
        centreLat: request.centre.lat,
        centreLng: request.centre.lng,
        radiusM: request.radiusM,
        updatedAt: new Date(),
      },
      ['coopId'],
    );
    await writeOutbox(tx, AUDIT_RECORD_JOB, {
      action: 'geo.service_area_set',
      subjectType: 'coop_service_area',
      subjectId: coopId,
      data: { centre: request.centre, radiusM: request.radiusM },
    });
    return toServiceAreaView((await loadArea(tx.manager, coopId)) as CoopServiceArea);
  }
}

function loadArea(manager: EntityManager, coopId: string): Promise<CoopServiceArea | null> {
  return manager.findOneBy(CoopServiceArea, { coopId });
}
