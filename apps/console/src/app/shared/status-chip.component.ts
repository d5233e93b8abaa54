import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type {
  ApplicationStatus,
  CoopDirectoryEntry,
  DeliveryState,
  InvitationView,
  LicenceStatus,
  StandingMode,
} from '@federacycle/contracts';

/** The five status colours of the console (styles.scss: --fc-status-<tone>-*, WCAG AA). */
export type StatusTone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

/** Presentational: a status as a small, calm chip. Every status on screen uses it. */
@Component({
  selector: 'fc-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"fc-chip tone-" + tone()' },
  template: `<span class="dot" aria-hidden="true"></span><ng-content />`,
})
export class StatusChipComponent {
  readonly tone = input<StatusTone>('neutral');
}

/** A delivery's state: done well, still moving, or ended badly. */
export function deliveryTone(state: DeliveryState): StatusTone {
  switch (state) {
    case 'completed':
      return 'ok';
    case 'failed':
      return 'danger';
    case 'in_progress':
      return 'info';
    case 'cancelled':
      return 'neutral';
    default:
      return 'warn';
  }
}

export function applicationTone(status: ApplicationStatus): StatusTone {
  switch (status) {
    case 'approved':
      return 'ok';
    case 'rejected':
      return 'danger';
    case 'under_review':
      return 'warn';
    default:
      return 'info';
  }
}

export function coopStatusTone(status: CoopDirectoryEntry['status']): StatusTone {
  switch (status) {
    case 'active':
      return 'ok';
    case 'suspended':
      return 'danger';
    case 'offboarding':
      return 'warn';
    default:
      return 'neutral';
  }
}

export function standingTone(mode: StandingMode): StatusTone {
  switch (mode) {
    case 'licensed':
      return 'ok';
    case 'grace':
      return 'warn';
    case 'sandbox':
      return 'info';
    default:
      return 'danger';
  }
}

export function licenceTone(status: LicenceStatus): StatusTone {
  return status === 'active' ? 'ok' : 'danger';
}

export type InvitationState = 'pending' | 'accepted' | 'expired';

export function invitationState(invitation: InvitationView, now = Date.now()): InvitationState {
  if (invitation.acceptedAt !== null) return 'accepted';
  return Date.parse(invitation.expiresAt) <= now ? 'expired' : 'pending';
}

export function invitationTone(state: InvitationState): StatusTone {
  return state === 'pending' ? 'info' : state === 'accepted' ? 'ok' : 'neutral';
}
