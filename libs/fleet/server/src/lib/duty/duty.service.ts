import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  BoardEventType,
  type BoardCourierChangedEvent,
  type CourierView,
  type DutyPeriodView,
  type LocationBatchResult,
  type LocationFix,
  type LocationRequest,
  type Page,
} from '@federacycle/contracts';
import { Database, PgErrorCode, pgErrorCode, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { RealtimePublisher, coopChannel } from '@federacycle/platform-realtime';
import { Courier } from '../couriers/courier.entity';
import { CouriersService, noProfile } from '../couriers/couriers.service';
import { checkCoordinates, newestValidFix, parseInstant } from '../shared/fleet-rules';
import { CourierDutyPeriod, ONE_OPEN_DUTY_INDEX } from './courier-duty-period.entity';
import { DUTY_CHANGED_JOB } from './duty.jobs';

/** A device clock a little ahead is tolerated; a fix further in the future is taken as now. */
const CLOCK_SKEW_MS = 60_000;

function toDutyPeriodView(p: CourierDutyPeriod): DutyPeriodView {
  return { id: p.id, startedAt: p.startedAt.toISOString(), endedAt: p.endedAt ? p.endedAt.toISOString() : null };
}

/**
 * On duty / off duty (a history of periods, at most one open per courier: the partial unique
 * index courier_duty_periods_one_open) and the last known location. The courier themself only.
 */
@Injectable()
export class DutyService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CouriersService) private readonly couriers: CouriersService,
    // the dispatch boards' live courier events (after commit); absent in hand-built specs
    @Optional() @Inject(RealtimePublisher) private readonly realtime?: RealtimePublisher,
  ) {}

  private courierChanged(tx: Tx, coopId: string, data: BoardCourierChangedEvent): void {
    this.realtime?.publishAfterCommit(tx, coopChannel(coopId), { type: BoardEventType.COURIER_CHANGED, data });
  }

  goOnDuty(coopId: string, userId: string): Promise<CourierView> {
    return this.db.unitOfWork(async (tx) => {
      const courier = await this.lockOwn(tx, coopId, userId);
      if (!courier.active) {
        throw ApiException.conflict(
          'COURIER_INACTIVE',
          'Your courier profile is inactive: ask a coop admin to reactivate it',
        );
      }
      try {
        await tx.manager.insert(CourierDutyPeriod, { coopId, courierId: courier.id });
      } catch (error) {
        if (
          pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION &&
          (error as { constraint?: unknown }).constraint === ONE_OPEN_DUTY_INDEX
        ) {
          throw ApiException.conflict('ALREADY_ON_DUTY', 'You are already on duty');
        }
        throw error;
      }
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'courier.on_duty',
        subjectType: 'courier',
        subjectId: courier.id,
        data: {},
      });
      await writeOutbox(tx, DUTY_CHANGED_JOB, { courierId: courier.id, onDuty: true });
      this.courierChanged(tx, coopId, { courierId: courier.id, onDuty: true });
      return this.couriers.load(tx.manager, coopId, { id: courier.id });
    });
  }

  goOffDuty(coopId: string, userId: string): Promise<CourierView> {
    return this.db.unitOfWork(async (tx) => {
      const courier = await this.lockOwn(tx, coopId, userId);
      const closed = await tx.execute(
        `update courier_duty_periods set ended_at = now()
          where coop_id = $1 and courier_id = $2 and ended_at is null`,
        [coopId, courier.id],
      );
      if (closed !== 1) throw ApiException.conflict('NOT_ON_DUTY', 'You are not on duty');
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'courier.off_duty',
        subjectType: 'courier',
        subjectId: courier.id,
        data: {},
      });
      await writeOutbox(tx, DUTY_CHANGED_JOB, { courierId: courier.id, onDuty: false });
      this.courierChanged(tx, coopId, { courierId: courier.id, onDuty: false });
      return this.couriers.load(tx.manager, coopId, { id: courier.id });
    });
  }

  /** Newest first; one statement with a window count. */
  async history(
    coopId: string,
    by: { id: string } | { userId: string },
    limit: number,
    offset: number,
  ): Promise<Page<DutyPeriodView>> {
    const { entities, raw } = await this.db.read((manager) => {
      const q = manager
        .getRepository(CourierDutyPeriod)
        .createQueryBuilder('p')
        .innerJoin(Courier, 'c', 'c.coopId = p.coopId and c.id = p.courierId')
        .addSelect('count(*) over ()', 'total')
        .where('p.coopId = :coopId', { coopId });
      if ('id' in by) q.andWhere('c.id = :id', { id: by.id });
      else q.andWhere('c.userId = :userId', { userId: by.userId });
      return q
        .orderBy('p.startedAt', 'DESC')
        .addOrderBy('p.id')
        .limit(limit)
        .offset(offset)
        .getRawAndEntities<{ total: string }>();
    });
    if (entities.length === 0) {
      // an empty page of a courier who exists, or the courier is unknown here
      const exists = await this.db.read((manager) =>
        manager.exists(Courier, { where: 'id' in by ? { coopId, id: by.id } : { coopId, userId: by.userId } }),
      );
      if (!exists) throw 'id' in by ? ApiException.notFound('Courier') : noProfile();
    }
    return { items: entities.map(toDutyPeriodView), total: Number(raw[0]?.total ?? 0) };
  }

  /**
   * Records the caller's position. A fix older than the stored one (a queued offline fix arriving
   * late) leaves the newer one in place; the answer is the same either way.
   */
  async recordLocation(coopId: string, userId: string, body: LocationRequest): Promise<void> {
    checkCoordinates(body.lat, body.lng, body.accuracyM);
    const now = Date.now();
    let recordedAt = body.recordedAt ? parseInstant(body.recordedAt, 'recordedAt') : new Date(now);
    if (recordedAt.getTime() > now + CLOCK_SKEW_MS) recordedAt = new Date(now);
    await this.db.unitOfWork(async (tx) => {
      const rows = await tx.query<{ id: string }>(
        `with me as (select id from couriers where coop_id = $1 and user_id = $2)
         insert into courier_locations (coop_id, courier_id, lat, lng, accuracy_m, recorded_at)
         select $1::uuid, me.id, $3::float8, $4::float8, $5::float8, $6::timestamptz from me
         on conflict (coop_id, courier_id) do update
           set lat = excluded.lat, lng = excluded.lng, accuracy_m = excluded.accuracy_m, recorded_at = excluded.recorded_at
           where courier_locations.recorded_at <= excluded.recorded_at
         returning courier_id as id`,
        [coopId, userId, body.lat, body.lng, body.accuracyM ?? null, recordedAt],
      );
      if (rows.length === 0) {
        const exists = await tx.maybeOne('select 1 from couriers where coop_id = $1 and user_id = $2', [
          coopId,
          userId,
        ]);
        if (!exists) throw noProfile();
      }
      const moved = rows[0];
      if (moved) {
        this.courierChanged(tx, coopId, {
          courierId: moved.id,
          lat: body.lat,
          lng: body.lng,
          locatedAt: recordedAt.toISOString(),
        });
      }
    });
  }

  /**
   * A batch of fixes the device collected (offline, or between syncs): all checked, the newest
   * kept if it is newer than the stored one (fleet keeps the last position only).
   */
  async recordLocations(coopId: string, userId: string, fixes: readonly LocationFix[]): Promise<LocationBatchResult> {
    const { fix, at } = newestValidFix(fixes, Date.now());
    await this.recordLocation(coopId, userId, {
      lat: fix.lat,
      lng: fix.lng,
      accuracyM: fix.accuracyM,
      recordedAt: at.toISOString(),
    });
    return { received: fixes.length, newest: at.toISOString() };
  }

  private async lockOwn(tx: Tx, coopId: string, userId: string): Promise<Courier> {
    const courier = await tx.manager.findOne(Courier, {
      where: { coopId, userId },
      select: { id: true, active: true, coopId: true },
      lock: { mode: 'pessimistic_write' },
    });
    if (!courier) throw noProfile();
    return courier;
  }
}
