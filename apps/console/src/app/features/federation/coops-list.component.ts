import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { CoopView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { coopStatusKey } from '../../shared/role-labels';

/** Presentational: coops as a table, or as a list on phones. */
@Component({
  selector: 'fc-coops-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule],
  template: `
    @if (compact()) {
      <ul class="cards">
        @for (c of coops(); track c.id) {
          <li class="card">
            <span class="name">{{ c.name }}</span>
            <span class="fc-muted">{{ c.slug }} · {{ c.city }}, {{ c.country }} · {{ c.currency }}</span>
            <span class="status">{{ t(statusKey(c.status)) }}</span>
          </li>
        }
      </ul>
    } @else {
      <table mat-table [dataSource]="coops()" class="table">
        <caption class="fc-visually-hidden">
          {{
            t('coops.list')
          }}
        </caption>
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ t('coops.name') }}</th>
          <td mat-cell *matCellDef="let c">{{ c.name }}</td>
        </ng-container>
        <ng-container matColumnDef="slug">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ t('coops.slug') }}</th>
          <td mat-cell *matCellDef="let c">{{ c.slug }}</td>
        </ng-container>
        <ng-container matColumnDef="city">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ t('coops.city') }}</th>
          <td mat-cell *matCellDef="let c">{{ c.city }}, {{ c.country }}</td>
        </ng-container>
        <ng-container matColumnDef="timezone">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ t('coops.timezone') }}</th>
          <td mat-cell *matCellDef="let c">{{ c.timezone }} · {{ c.currency }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ t('coops.colStatus') }}</th>
          <td mat-cell *matCellDef="let c">{{ t(statusKey(c.status)) }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    }
  `,
  styles: `
    .table {
      width: 100%;
    }
    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .name {
      font-weight: 500;
    }
    .status {
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
    }
  `,
})
export class CoopsListComponent {
  protected readonly t = inject(I18nService).t;
  protected readonly statusKey = coopStatusKey;
  protected readonly columns = ['name', 'slug', 'city', 'timezone', 'status'];

  readonly coops = input.required<readonly CoopView[]>();
  readonly compact = input(false);
}
