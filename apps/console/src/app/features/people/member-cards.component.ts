import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import type { MemberView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { RoleChipsComponent } from '../../shared/role-chips.component';
import { isMemberActive } from './member-actions';

/** Presentational: members as cards (phones). */
@Component({
  selector: 'fc-member-cards',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, MatButtonModule, RoleChipsComponent],
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
              <button
                mat-button
                type="button"
                [disabled]="busyIds().includes(m.userId)"
                [attr.aria-label]="t('people.changeRolesFor', { name: m.name })"
                (click)="changeRoles.emit(m)"
              >
                {{ t('people.changeRoles') }}
              </button>
              <button
                mat-button
                type="button"
                [disabled]="busyIds().includes(m.userId)"
                (click)="toggleEnabled.emit(m)"
              >
                {{ t(active(m) ? 'people.disable' : 'people.enable') }}
              </button>
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
