import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import type { MemberView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { RoleChipsComponent } from '../../shared/role-chips.component';
import { MemberActionButtonsComponent } from './member-action-buttons.component';
import { isMemberActive } from './member-actions';

/** Presentational: members as cards (phones). */
@Component({
  selector: 'fc-member-cards',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, RoleChipsComponent, MemberActionButtonsComponent],
  template: `
    <ul class="cards" [attr.aria-label]="t('people.members')">
      @for (m of members(); track m.userId) {
        <li>
          <mat-card appearance="outlined">
            <mat-card-header>
              <mat-card-title>{{ m.name }}</mat-card-title>
              <mat-card-subtitle class="email">{{ m.email }}</mat-card-subtitle>
            </mat-card-header>
            <mat-card-content>
              <fc-role-chips [roles]="m.roles" />
              <p class="status" [class.off]="!active(m)">
                {{ t('people.statusLine', { status: t(active(m) ? 'status.active' : 'status.disabled') }) }}
              </p>
            </mat-card-content>
            <mat-card-actions class="actions">
              <fc-member-action-buttons
                [member]="m"
                [busy]="busyIds().includes(m.userId)"
                (changeRoles)="changeRoles.emit($event)"
                (toggleEnabled)="toggleEnabled.emit($event)"
              />
            </mat-card-actions>
          </mat-card>
        </li>
      }
    </ul>
  `,
  styles: `
    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .email {
      overflow-wrap: anywhere;
    }
    .actions {
      flex-wrap: wrap;
    }
    .status {
      margin: 8px 0 0;
      font-weight: 500;
      color: var(--mat-sys-primary);
    }
    .status.off {
      color: var(--mat-sys-error);
    }
  `,
})
export class MemberCardsComponent {
  protected readonly t = inject(I18nService).t;
  protected readonly active = isMemberActive;

  readonly members = input.required<readonly MemberView[]>();
  readonly busyIds = input<readonly string[]>([]);
  readonly changeRoles = output<MemberView>();
  readonly toggleEnabled = output<MemberView>();
}
