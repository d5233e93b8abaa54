import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { CourierCandidateView, CourierView, CouriersQuery, OwnCourierPatch, Page } from '@federacycle/contracts';
import { Membership, User } from '@federacycle/identity-server';
import { Database, PgErrorCode, pgErrorCode, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { CourierDutyPeriod } from '../duty/courier-duty-period.entity';
import { CourierLocation } from '../duty/courier-location.entity';
import {
  checkVehicle,
  isStale,
  likePattern,
  normalizeAvailability,
  normalizePhone,
  normalizeSkills,
} from '../shared/fleet-rules';
import { Courier } from './courier.entity';
import type { CourierPatchDto, CreateCourierDto } from './couriers.dto';

/** The joined columns a view needs besides the courier's own (raw names of the query below), typed from their entities. */
type CourierRaw = {
  c_id: Courier['id'];
  email: User['email'];
  on_duty_since: CourierDutyPeriod['startedAt'] | null;
  loc_lat: CourierLocation['lat'] | null;
  loc_lng: CourierLocation['lng'] | null;
  loc_accuracy: CourierLocation['accuracyM'];
  loc_recorded_at: CourierLocation['recordedAt'] | null;
};

export function toCourierView(courier: Courier, raw: CourierRaw, now: Date): CourierView {
  return {
    id: courier.id,
    userId: courier.userId,
    email: raw.email,
    displayName: courier.displayName,
    phone: courier.phone,
    vehicle: courier.vehicle,
    vehicleNote: courier.vehicleNote,
    capacity: {
      weightKg: courier.capacityWeightKg,
      volumeLitres: courier.capacityVolumeLitres,
      boxes: courier.capacityBoxes,
    },
    skills: courier.skills,
    memberOwner: courier.memberOwner,
    active: courier.active,
    availability: courier.availability,
    onDutySince: raw.on_duty_since ? new Date(raw.on_duty_since).toISOString() : null,
    location:
      raw.loc_recorded_at !== null && raw.loc_lat !== null && raw.loc_lng !== null
        ? {
            lat: raw.loc_lat,
            lng: raw.loc_lng,
            accuracyM: raw.loc_accuracy,
            recordedAt: new Date(raw.loc_recorded_at).toISOString(),
            stale: isStale(new Date(raw.loc_recorded_at), now),
          }
        : null,
    createdAt: courier.createdAt.toISOString(),
    updatedAt: courier.updatedAt.toISOString(),
  };
}

/**
 * A coop's couriers with what a view shows: the person's email, the open duty period, the last
 * location (names the coop explicitly; RLS is the second wall). One statement.
 */
export function couriersQuery(manager: EntityManager, coopId: string): SelectQueryBuilder<Courier> {
  return manager
    .getRepository(Courier)
    .createQueryBuilder('c')
    .innerJoin(User, 'u', 'u.id = c.userId')
    .leftJoin(CourierDutyPeriod, 'd', 'd.coopId = c.coopId and d.courierId = c.id and d.endedAt is null')
    .leftJoin(CourierLocation, 'l', 'l.coopId = c.coopId and l.courierId = c.id')
    .addSelect('u.email', 'email')
    .addSelect('d.startedAt', 'on_duty_since')
    .addSelect('l.lat', 'loc_lat')
    .addSelect('l.lng', 'loc_lng')
    .addSelect('l.accuracyM', 'loc_accuracy')
    .addSelect('l.recordedAt', 'loc_recorded_at')
    .where('c.coopId = :coopId', { coopId });
}

/**
 * A row of the couriers list page: the columns under the names `listRowView` reads, typed from
 * the entities (the row's one definition) and the window total.
 */
type CourierListRow = Pick<
  Courier,
  | 'id'
  | 'userId'
  | 'displayName'
  | 'phone'
  | 'vehicle'
  | 'vehicleNote'
  | 'skills'
  | 'memberOwner'
  | 'active'
  | 'availability'
  | 'createdAt'
  | 'updatedAt'
> & {
  email: User['email'];
  weightKg: Courier['capacityWeightKg'];
  volumeLitres: Courier['capacityVolumeLitres'];
  boxes: Courier['capacityBoxes'];
  onDutySince: CourierDutyPeriod['startedAt'] | null;
  locLat: CourierLocation['lat'] | null;
  locLng: CourierLocation['lng'] | null;
  locAccuracy: CourierLocation['accuracyM'];
  locRecordedAt: CourierLocation['recordedAt'] | null;
  total: string;
};

/** The list's selection (replaces the entity's): exactly what a view shows. */
function listColumns(q: SelectQueryBuilder<Courier>): SelectQueryBuilder<Courier> {
  return q
    .select('c.id', 'id')
    .addSelect('c.userId', 'userId')
    .addSelect('u.email', 'email')
    .addSelect('c.displayName', 'displayName')
    .addSelect('c.phone', 'phone')
    .addSelect('c.vehicle', 'vehicle')
    .addSelect('c.vehicleNote', 'vehicleNote')
    .addSelect('c.capacityWeightKg', 'weightKg')
    .addSelect('c.capacityVolumeLitres', 'volumeLitres')
    .addSelect('c.capacityBoxes', 'boxes')
    .addSelect('c.skills', 'skills')
    .addSelect('c.memberOwner', 'memberOwner')
    .addSelect('c.active', 'active')
    .addSelect('c.availability', 'availability')
    .addSelect('d.startedAt', 'onDutySince')
    .addSelect('l.lat', 'locLat')
    .addSelect('l.lng', 'locLng')
    .addSelect('l.accuracyM', 'locAccuracy')
    .addSelect('l.recordedAt', 'locRecordedAt')
    .addSelect('c.createdAt', 'createdAt')
    .addSelect('c.updatedAt', 'updatedAt');
}

function listRowView(r: CourierListRow, now: Date): CourierView {
  return {
    id: r.id,
    userId: r.userId,
    email: r.email,
    displayName: r.displayName,
    phone: r.phone,
    vehicle: r.vehicle,
    vehicleNote: r.vehicleNote,
    capacity: { weightKg: r.weightKg, volumeLitres: r.volumeLitres, boxes: r.boxes },
    skills: r.skills,
    memberOwner: r.memberOwner,
    active: r.active,
    availability: r.availability,
    onDutySince: r.onDutySince ? r.onDutySince.toISOString() : null,
    location:
      r.locRecordedAt !== null && r.locLat !== null && r.locLng !== null
        ? {
            lat: r.locLat,
            lng: r.locLng,
            accuracyM: r.locAccuracy,
            recordedAt: r.locRecordedAt.toISOString(),
            stale: isStale(r.locRecordedAt, now),
          }
        : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function views(entities: Courier[], raw: CourierRaw[], now: Date): CourierView[] {
  const byId = new Map(raw.map((r) => [r.c_id, r]));
  return entities.map((c) => toCourierView(c, byId.get(c.id) as CourierRaw, now));
}

/** Couriers: profiles of courier memberships, managed by coop admins, read by dispatchers. */
@Injectable()
export class CouriersService {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** One page and the total (a window count): one statement, one round trip. */
  async list(coopId: string, query: CouriersQuery, limit: number, offset: number): Promise<Page<CourierView>> {
    const build = (manager: EntityManager) => {
      const q = couriersQuery(manager, coopId);
      const text = query.q?.trim();
      if (text) {
        // phones are stored compact (+33612345678): "+33 6 12" finds them too
        const compact = /^[+\d\s.()-]+$/.test(text) ? text.replace(/[\s.()-]/g, '') : text;
        q.andWhere('(c.displayName ilike :text or u.email ilike :text or c.phone like :phone)', {
          text: likePattern(text),
          phone: likePattern(compact),
        });
      }
      if (query.vehicle) q.andWhere('c.vehicle = :vehicle', { vehicle: query.vehicle });
      if (query.onDuty === 'true') q.andWhere('d.id is not null');
      if (query.onDuty === 'false') q.andWhere('d.id is null');
      return q;
    };
    // raw rows under their own names: a list page skips entity hydration (measured with bench:ops)
    const rows = await this.db.read((manager) =>
      listColumns(build(manager))
        .addSelect('count(*) over ()', 'total')
        .orderBy('c.displayName')
        .addOrderBy('c.id')
        .limit(limit)
        .offset(offset)
        .getRawMany<CourierListRow>(),
    );
    if (rows.length > 0 || offset === 0) {
      const now = new Date();
      return { items: rows.map((row) => listRowView(row, now)), total: Number(rows[0]?.total ?? 0) };
    }
    return { items: [], total: await this.db.read((manager) => build(manager).getCount()) };
  }

  async get(coopId: string, id: string): Promise<CourierView> {
    return this.db.read((manager) => this.load(manager, coopId, { id }));
  }

  /** The caller's own profile (a courier), or 404 NO_COURIER_PROFILE. */
  async own(coopId: string, userId: string): Promise<CourierView> {
    return this.db.read((manager) => this.load(manager, coopId, { userId }));
  }

  /** Active courier memberships without a profile yet, for the "new courier" picker. */
  async candidates(coopId: string): Promise<CourierCandidateView[]> {
    const rows = await this.db.read((manager) =>
      manager
        .getRepository(Membership)
        .createQueryBuilder('m')
        .innerJoin(User, 'u', 'u.id = m.userId')
        .leftJoin(Courier, 'c', 'c.coopId = m.coopId and c.userId = m.userId')
        .select('m.userId', 'userId')
        .addSelect('u.name', 'name')
        .addSelect('u.email', 'email')
        .addSelect(`'member' = any(m.roles)`, 'member')
        .where('m.coopId = :coopId', { coopId })
        .andWhere(`m.status = 'active'`)
        .andWhere(`'courier' = any(m.roles)`)
        .andWhere('c.id is null')
        .orderBy('u.name')
        .addOrderBy('m.userId')
        .limit(500)
        .getRawMany<CourierCandidateView>(),
    );
    return rows.map((r) => ({ userId: r.userId, name: r.name, email: r.email, member: r.member === true }));
  }

  create(coopId: string, body: CreateCourierDto): Promise<CourierView> {
    return this.db.unitOfWork((tx) => this.createIn(tx, coopId, body));
  }

  /** For other domains' use cases and the seed: writes in the caller's transaction. */
  async createIn(tx: Tx, coopId: string, body: CreateCourierDto): Promise<CourierView> {
    const membership = await tx.manager.findOne(Membership, {
      where: { coopId, userId: body.userId },
      select: { userId: true, roles: true, status: true },
    });
    if (!membership || membership.status !== 'active' || !membership.roles.includes('courier')) {
      throw new ApiException(
        422,
        'NOT_A_COURIER',
        'This person is not an active courier of the coop: give them the courier role on the People page first',
      );
    }
    const vehicleNote = checkVehicle(body.vehicle, body.vehicleNote);
    const values = {
      coopId,
      userId: body.userId,
      displayName: body.displayName.trim(),
      phone: normalizePhone(body.phone),
      vehicle: body.vehicle,
      vehicleNote,
      capacityWeightKg: body.capacity?.weightKg ?? 0,
      capacityVolumeLitres: body.capacity?.volumeLitres ?? 0,
      capacityBoxes: body.capacity?.boxes ?? 0,
      skills: normalizeSkills(body.skills ?? []),
      memberOwner: body.memberOwner ?? membership.roles.includes('member'),
      active: body.active ?? true,
    };
    let id: string;
    try {
      const inserted = await tx.manager.insert(Courier, values);
      id = (inserted.identifiers[0] as Pick<Courier, 'id'>).id;
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) {
        throw ApiException.conflict(
          'COURIER_PROFILE_EXISTS',
          'This person already has a courier profile: edit it instead',
        );
      }
      throw error;
    }
    await writeOutbox(tx, AUDIT_RECORD_JOB, {
      action: 'courier.created',
      subjectType: 'courier',
      subjectId: id,
      data: { vehicle: values.vehicle, memberOwner: values.memberOwner },
    });
    return this.load(tx.manager, coopId, { id });
  }

  update(coopId: string, id: string, patch: CourierPatchDto): Promise<CourierView> {
    return this.db.unitOfWork(async (tx) => {
      const courier = await tx.manager.findOne(Courier, { where: { coopId, id }, lock: { mode: 'pessimistic_write' } });
      if (!courier) throw ApiException.notFound('Courier');
      const vehicle = patch.vehicle ?? courier.vehicle;
      const changes: Partial<Courier> = {
        vehicle,
        vehicleNote: checkVehicle(vehicle, patch.vehicleNote !== undefined ? patch.vehicleNote : courier.vehicleNote),
        updatedAt: new Date(),
      };
      if (patch.displayName !== undefined) changes.displayName = patch.displayName.trim();
      if (patch.phone !== undefined) changes.phone = normalizePhone(patch.phone);
      if (patch.capacity?.weightKg !== undefined) changes.capacityWeightKg = patch.capacity.weightKg;
      if (patch.capacity?.volumeLitres !== undefined) changes.capacityVolumeLitres = patch.capacity.volumeLitres;
      if (patch.capacity?.boxes !== undefined) changes.capacityBoxes = patch.capacity.boxes;
      if (patch.skills !== undefined) changes.skills = normalizeSkills(patch.skills);
      if (patch.memberOwner !== undefined) changes.memberOwner = patch.memberOwner;
      if (patch.active !== undefined) changes.active = patch.active;
      await tx.manager.update(Courier, { coopId, id }, changes);
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'courier.updated',
        subjectType: 'courier',
        subjectId: id,
        data: { fields: Object.keys(patch) },
      });
      return this.load(tx.manager, coopId, { id });
    });
  }

  /** A courier's own change: phone and availability only. */
  updateOwn(coopId: string, userId: string, patch: OwnCourierPatch): Promise<CourierView> {
    return this.db.unitOfWork(async (tx) => {
      const changes: Partial<Courier> = { updatedAt: new Date() };
      if (patch.phone !== undefined) changes.phone = normalizePhone(patch.phone);
      if (patch.availability !== undefined) changes.availability = normalizeAvailability(patch.availability);
      const { affected } = await tx.manager.update(Courier, { coopId, userId }, changes);
      if (affected !== 1) throw noProfile();
      return this.load(tx.manager, coopId, { userId });
    });
  }

  async load(manager: EntityManager, coopId: string, by: { id: string } | { userId: string }): Promise<CourierView> {
    const q = couriersQuery(manager, coopId);
    if ('id' in by) q.andWhere('c.id = :id', { id: by.id });
    else q.andWhere('c.userId = :userId', { userId: by.userId });
    const { entities, raw } = await q.getRawAndEntities<CourierRaw>();
    if (entities.length === 0) throw 'id' in by ? ApiException.notFound('Courier') : noProfile();
    return views(entities, raw, new Date())[0] as CourierView;
  }
}

export function noProfile(): ApiException {
  return new ApiException(
    404,
    'NO_COURIER_PROFILE',
    'You have no courier profile in this coop yet: ask a coop admin to create it',
  );
}
