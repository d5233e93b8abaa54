import { Inject, Injectable } from '@nestjs/common';
import { CoopLifecycleService } from '../../coop-lifecycle.service';
import type { CoopState } from '../../../lifecycle/coop-lifecycle';
import { closeCoopAccess } from './close-coop-access';

/**
 * Offboarding a coop, in two steps: start (operations restricted, the coop's admins can download
 * the export) and complete (in the same transaction as the status change: memberships disabled,
 * pending invitations revoked, licence ended: access closes).
 */
@Injectable()
export class OffboardCoopUseCase {
  constructor(@Inject(CoopLifecycleService) private readonly lifecycle: CoopLifecycleService) {}

  start(coopId: string, reason: string | undefined): Promise<{ id: string; status: CoopState }> {
    return this.lifecycle.transition(coopId, 'start_offboarding', reason);
  }

  complete(coopId: string, reason: string | undefined): Promise<{ id: string; status: CoopState }> {
    return this.lifecycle.transition(coopId, 'complete_offboarding', reason, (tx, now) =>
      closeCoopAccess(tx, coopId, now),
    );
  }
}
