import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { MemberView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { RoleChipsComponent } from '../../shared/role-chips.component';
import { MemberActionButtonsComponent } from './member-action-buttons.component';
import { isMemberActive } from './member-actions';

/** Presentational: members as a table (desktop). */
@Component({
  selector: 'fc-members-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, RoleChipsComponent, MemberActionButtonsComponent],
  template: `
    <table mat-table [dataSource]="members()" class="table">
      <caption class="fc-visually-hidden">
        {{
          t('people.members')
        }}
      </caption>
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef scope="col">{{ t('people.colName') }}</th>
        <td mat-cell *matCellDef="let m" class="name">{{ m.name }}</td>
      </ng-container>
      <ng-container matColumnDef="email">
        <th mat-header-cell *matHeaderCellDef scope="col">{{ t('people.colEmail') }}</th>
        <td mat-cell *matCellDef="let m" class="email">{{ m.email }}</td>
      </ng-container>
      <ng-container matColumnDef="roles">
        <th mat-header-cell *matHeaderCellDef scope="col">{{ t('people.colRoles') }}</th>
        <td mat-cell *matCellDef="let m"><fc-role-chips [roles]="m.roles" /></td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef scope="col">{{ t('people.colStatus') }}</th>
        <td mat-cell *matCellDef="let m">
          <span class="status" [class.off]="!active(m)">{{ t(active(m) ? 'status.active' : 'status.disabled') }}</span>
        </td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef scope="col">{{ t('people.colActions') }}</th>
        <td mat-cell *matCellDef="let m" class="actions">
          <fc-member-action-buttons
            [member]="m"
            [busy]="busyIds().includes(m.userId)"
            (changeRoles)="changeRoles.emit($event)"
            (toggleEnabled)="toggleEnabled.emit($event)"
          />
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
  `,
  styles: `
    .table {
      width: 100%;
    }
    .name {
      min-width: 9em;
    }
    .email {
      overflow-wrap: anywhere;
    }
    .actions {
      white-space: nowrap;
    }
    .status {
      font-weight: 500;
      color: var(--mat-sys-primary);
    }
    .status.off {
      color: var(--mat-sys-error);
    }
  `,
})
export class MembersTableComponent {
  protected readonly t = inject(I18nService).t;
  protected readonly active = isMemberActive;
  protected readonly columns = ['name', 'email', 'roles', 'status', 'actions'];

  readonly members = input.required<readonly MemberView[]>();
  readonly busyIds = input<readonly string[]>([]);
  readonly changeRoles = output<MemberView>();
  readonly toggleEnabled = output<MemberView>();
}
