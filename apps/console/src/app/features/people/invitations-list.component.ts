import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import type { InvitationView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { RoleChipsComponent } from '../../shared/role-chips.component';

/** Presentational: pending invitations with a revoke button. */
@Component({
  selector: 'fc-invitations-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatListModule, MatButtonModule, RoleChipsComponent],
  template: `
    @if (invitations().length === 0) {
      <p class="fc-muted">{{ t('people.noInvitations') }}</p>
    } @else {
      <ul class="list">
        @for (inv of invitations(); track inv.id) {
          <li class="item">
            <div class="text">
              <span class="email">{{ inv.email }}</span>
              <fc-role-chips [roles]="inv.roles" />
              <span class="fc-muted expires">{{ t('people.expires', { date: i18n.formatDate(inv.expiresAt) }) }}</span>
            </div>
            <button
              mat-stroked-button
              type="button"
              [disabled]="busyIds().includes(inv.id)"
              [attr.aria-label]="t('people.revokeFor', { email: inv.email })"
              (click)="revoke.emit(inv)"
            >
              {{ t('people.revoke') }}
            </button>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .text {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 0;
    }
    .email {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .expires {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class InvitationsListComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  readonly invitations = input.required<readonly InvitationView[]>();
  readonly busyIds = input<readonly string[]>([]);
  readonly revoke = output<InvitationView>();
}
