import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ShiftView } from '@federacycle/contracts';
import { Database, PgErrorCode, pgErrorCode, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { Courier } from '../couriers/courier.entity';
import { checkShiftTimes, checkWindow, parseInstant } from '../shared/fleet-rules';
import { CourierShift } from './courier-shift.entity';
import type { CreateShiftDto, UpdateShiftDto } from './shifts.dto';

/** The foreign key of a shift's zone (migration 0022). */
const ZONE_FKEY = 'courier_shifts_zone_fkey';
/** A list answers at most this many shifts (a month of a large fleet). */
const MAX_SHIFTS = 2000;

/** A shift as the queries below answer it (raw names), typed from the entities. */
type ShiftRow = {
  id: CourierShift['id'];
  courier_id: CourierShift['courierId'];
  courier_name: Courier['displayName'];
  starts_at: CourierShift['startsAt'];
  ends_at: CourierShift['endsAt'];
  zone_id: CourierShift['zoneId'];
  note: CourierShift['note'];
};

function toShiftView(row: ShiftRow): ShiftView {
  return {
    id: row.id,
    courierId: row.courier_id,
    courierName: row.courier_name,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    zoneId: row.zone_id,
    note: row.note,
  };
}

/**
 * Inserts a shift only if the courier has none overlapping it (half-open: one may end when the
 * next starts). The caller holds the courier row's lock, so two inserts for one courier run one
 * after the other and the second sees the first.
 */
const INSERT_IF_FREE = `
  insert into courier_shifts (coop_id, courier_id, starts_at, ends_at, zone_id, note)
  select $1::uuid, $2::uuid, $3::timestamptz, $4::timestamptz, $5::uuid, $6::text
   where not exists (select 1 from courier_shifts o
                      where o.coop_id = $1 and o.courier_id = $2 and o.starts_at < $4 and o.ends_at > $3)
  returning id`;

const UPDATE_IF_FREE = `
  update courier_shifts s set starts_at = $3::timestamptz, ends_at = $4::timestamptz, zone_id = $5::uuid, note = $6::text
   where s.coop_id = $1::uuid and s.id = $7::uuid
     and not exists (select 1 from courier_shifts o
                      where o.coop_id = $1 and o.courier_id = $2 and o.id <> $7 and o.starts_at < $4 and o.ends_at > $3)
  returning s.id`;

/** Planned shifts: a week view and a day view for dispatchers, managed by coop admins. */
@Injectable()
export class ShiftsService {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** Shifts overlapping [from, to), by start: one statement. */
  async list(
    coopId: string,
    from: string,
    to: string,
    by: { courierId?: string; userId?: string } = {},
  ): Promise<ShiftView[]> {
    const start = parseInstant(from, 'from');
    const end = parseInstant(to, 'to');
    checkWindow(start, end);
    const rows = await this.db.read((manager) => {
      const q = this.shifts(manager, coopId)
        .andWhere('s.startsAt < :end', { end })
        .andWhere('s.endsAt > :start', { start });
      if (by.courierId) q.andWhere('s.courierId = :courierId', { courierId: by.courierId });
      if (by.userId) q.andWhere('c.userId = :userId', { userId: by.userId });
      return q
        .orderBy('s.startsAt')
        .addOrderBy('c.displayName')
        .addOrderBy('s.id')
        .limit(MAX_SHIFTS)
        .getRawMany<ShiftRow>();
    });
    return rows.map(toShiftView);
  }

  create(coopId: string, body: CreateShiftDto): Promise<ShiftView> {
    const startsAt = parseInstant(body.startsAt, 'startsAt');
    const endsAt = parseInstant(body.endsAt, 'endsAt');
    checkShiftTimes(startsAt, endsAt);
    return this.db.unitOfWork(async (tx) => {
      await this.lockCourier(tx, coopId, body.courierId);
      const rows = await this.guard(() =>
        tx.query<{ id: string }>(INSERT_IF_FREE, [
          coopId,
          body.courierId,
          startsAt,
          endsAt,
          body.zoneId ?? null,
          body.note?.trim() || null,
        ]),
      );
      const id = rows[0]?.id;
      if (!id) throw await this.overlap(tx, coopId, body.courierId, startsAt, endsAt, null);
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'shift.created',
        subjectType: 'courier_shift',
        subjectId: id,
        data: { courierId: body.courierId },
      });
      return this.load(tx.manager, coopId, id);
    });
  }

  update(coopId: string, id: string, patch: UpdateShiftDto): Promise<ShiftView> {
    return this.db.unitOfWork(async (tx) => {
      const shift = await tx.manager.findOne(CourierShift, { where: { coopId, id } });
      if (!shift) throw ApiException.notFound('Shift');
      await this.lockCourier(tx, coopId, shift.courierId);
      const startsAt = patch.startsAt !== undefined ? parseInstant(patch.startsAt, 'startsAt') : shift.startsAt;
      const endsAt = patch.endsAt !== undefined ? parseInstant(patch.endsAt, 'endsAt') : shift.endsAt;
      checkShiftTimes(startsAt, endsAt);
      const zoneId = patch.zoneId !== undefined ? patch.zoneId : shift.zoneId;
      const note = patch.note !== undefined ? patch.note?.trim() || null : shift.note;
      const rows = await this.guard(() =>
        tx.query<{ id: string }>(UPDATE_IF_FREE, [coopId, shift.courierId, startsAt, endsAt, zoneId, note, id]),
      );
      if (rows.length === 0) throw await this.overlap(tx, coopId, shift.courierId, startsAt, endsAt, id);
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'shift.updated',
        subjectType: 'courier_shift',
        subjectId: id,
        data: { fields: Object.keys(patch) },
      });
      return this.load(tx.manager, coopId, id);
    });
  }

  remove(coopId: string, id: string): Promise<void> {
    return this.db.unitOfWork(async (tx) => {
      const { affected } = await tx.manager.delete(CourierShift, { coopId, id });
      if (affected !== 1) throw ApiException.notFound('Shift');
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'shift.deleted',
        subjectType: 'courier_shift',
        subjectId: id,
        data: {},
      });
    });
  }

  private shifts(manager: EntityManager, coopId: string) {
    return manager
      .getRepository(CourierShift)
      .createQueryBuilder('s')
      .innerJoin(Courier, 'c', 'c.coopId = s.coopId and c.id = s.courierId')
      .select('s.id', 'id')
      .addSelect('s.courierId', 'courier_id')
      .addSelect('c.displayName', 'courier_name')
      .addSelect('s.startsAt', 'starts_at')
      .addSelect('s.endsAt', 'ends_at')
      .addSelect('s.zoneId', 'zone_id')
      .addSelect('s.note', 'note')
      .where('s.coopId = :coopId', { coopId });
  }

  private async load(manager: EntityManager, coopId: string, id: string): Promise<ShiftView> {
    const row = await this.shifts(manager, coopId).andWhere('s.id = :id', { id }).getRawOne<ShiftRow>();
    if (!row) throw ApiException.notFound('Shift');
    return toShiftView(row);
  }

  private async lockCourier(tx: Tx, coopId: string, courierId: string): Promise<void> {
    const locked = await tx.maybeOne('select id from couriers where coop_id = $1 and id = $2 for update', [
      coopId,
      courierId,
    ]);
    if (!locked) throw ApiException.notFound('Courier');
  }

  /** A zone the coop does not have is the foreign key's refusal: a 422 naming it. */
  private async guard<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (
        pgErrorCode(error) === PgErrorCode.FOREIGN_KEY_VIOLATION &&
        (error as { constraint?: unknown }).constraint === ZONE_FKEY
      ) {
        throw new ApiException(
          422,
          'UNKNOWN_ZONE',
          'This zone does not exist in the coop: pick one of the coop’s zones',
        );
      }
      throw error;
    }
  }

  private async overlap(
    tx: Tx,
    coopId: string,
    courierId: string,
    startsAt: Date,
    endsAt: Date,
    except: string | null,
  ): Promise<ApiException> {
    const other = await tx.maybeOne<{ starts_at: Date; ends_at: Date }>(
      `select starts_at, ends_at from courier_shifts
        where coop_id = $1 and courier_id = $2 and starts_at < $4 and ends_at > $3 and id is distinct from $5::uuid
        order by starts_at limit 1`,
      [coopId, courierId, startsAt, endsAt, except],
    );
    const when = other
      ? ` (${new Date(other.starts_at).toISOString()} – ${new Date(other.ends_at).toISOString()})`
      : '';
    return ApiException.conflict(
      'SHIFT_OVERLAP',
      `This courier already has a shift at that time${when}: move or shorten one of them`,
    );
  }
}
