import { Global, Injectable, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { COURIER_ROSTER, type CourierRoster } from '@federacycle/federation-server';
import type { Tx } from '@federacycle/platform-database';
import { FLEET_ENTITIES } from '../fleet.entities';
import { courierOwnershipRecords } from './worker-ownership-figures';

/** The federation's worker-ownership check, fed by the fleet: real activity and the member-owner flag. */
@Injectable()
export class FleetCourierRoster implements CourierRoster {
  records(tx: Tx, coopId: string, now: Date) {
    return courierOwnershipRecords(tx, coopId, now);
  }
}

/**
 * Provides federation's {@link COURIER_ROSTER} port (global, so federation's ComplianceService
 * finds it without importing fleet). The API and the worker import it next to their domain modules.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(FLEET_ENTITIES)],
  providers: [{ provide: COURIER_ROSTER, useClass: FleetCourierRoster }],
  exports: [COURIER_ROSTER],
})
export class FleetCourierRosterModule {}
