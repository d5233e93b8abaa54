import type { ExportTable } from '@federacycle/platform-database';
import { Courier } from './couriers/courier.entity';
import { CourierDutyPeriod } from './duty/courier-duty-period.entity';
import { CourierLocation } from './duty/courier-location.entity';
import { CourierShift } from './shifts/courier-shift.entity';

/** Fleet's tables of a coop's data export (registered in the CoopExportRegistry by FleetModule). */
export const FLEET_EXPORT_TABLES: readonly ExportTable[] = [
  {
    name: 'couriers',
    columns: [
      'id',
      'user_id',
      'display_name',
      'phone',
      'vehicle',
      'vehicle_note',
      'capacity_weight_kg',
      'capacity_volume_litres',
      'capacity_boxes',
      'skills',
      'member_owner',
      'active',
      'availability',
      'created_at',
      'updated_at',
    ],
    read: async (manager, coopId) =>
      (await manager.find(Courier, { where: { coopId }, order: { createdAt: 'ASC', id: 'ASC' } })).map((c) => ({
        id: c.id,
        user_id: c.userId,
        display_name: c.displayName,
        phone: c.phone,
        vehicle: c.vehicle,
        vehicle_note: c.vehicleNote,
        capacity_weight_kg: c.capacityWeightKg,
        capacity_volume_litres: c.capacityVolumeLitres,
        capacity_boxes: c.capacityBoxes,
        skills: c.skills,
        member_owner: c.memberOwner,
        active: c.active,
        availability: c.availability,
        created_at: c.createdAt,
        updated_at: c.updatedAt,
      })),
  },
  {
    name: 'courier_shifts',
    columns: ['id', 'courier_id', 'starts_at', 'ends_at', 'zone_id', 'note', 'created_at'],
    read: async (manager, coopId) =>
      (await manager.find(CourierShift, { where: { coopId }, order: { startsAt: 'ASC', id: 'ASC' } })).map((s) => ({
        id: s.id,
        courier_id: s.courierId,
        starts_at: s.startsAt,
        ends_at: s.endsAt,
        zone_id: s.zoneId,
        note: s.note,
        created_at: s.createdAt,
      })),
  },
  {
    name: 'courier_duty_periods',
    columns: ['id', 'courier_id', 'started_at', 'ended_at'],
    read: async (manager, coopId) =>
      (await manager.find(CourierDutyPeriod, { where: { coopId }, order: { startedAt: 'ASC', id: 'ASC' } })).map(
        (p) => ({ id: p.id, courier_id: p.courierId, started_at: p.startedAt, ended_at: p.endedAt }),
      ),
  },
  {
    name: 'courier_locations',
    columns: ['courier_id', 'lat', 'lng', 'accuracy_m', 'recorded_at'],
    read: async (manager, coopId) =>
      (await manager.find(CourierLocation, { where: { coopId }, order: { courierId: 'ASC' } })).map((l) => ({
        courier_id: l.courierId,
        lat: l.lat,
        lng: l.lng,
        accuracy_m: l.accuracyM,
        recorded_at: l.recordedAt,
      })),
  },
];
