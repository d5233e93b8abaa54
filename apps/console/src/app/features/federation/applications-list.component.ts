import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { ApplicationView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { applicationStatusKey } from './federation-labels';

/** Presentational: the applications queue, a table on desktop, a list of links on phones. */
@Component({
  selector: 'fc-applications-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, RouterLink],
  template: `
    @if (compact()) {
      <ul class="cards" [attr.aria-label]="t('applications.title')">
        @for (a of applications(); track a.id) {
          <li class="card">
            <a class="name" [routerLink]="['/federation/applications', a.id]">{{ a.name }}</a>
            <span class="fc-muted">{{ a.city }}, {{ a.country }} · {{ a.legalForm }}</span>
            <span class="fc-muted">{{ t('applications.submittedOn', { date: date(a.submittedAt) }) }}</span>
            <span [class]="'fc-status s-' + a.status">{{ t(statusKey(a.status)) }}</span>
          </li>
        }
      </ul>
    } @else {
      <table mat-table [dataSource]="applications()" class="table">
        <caption class="fc-visually-hidden">
          {{
            t('applications.title')
          }}
        </caption>
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ t('apply.coopName') }}</th>
          <td mat-cell *matCellDef="let a">
            <a [routerLink]="['/federation/applications', a.id]">{{ a.name }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="city">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ t('apply.city') }}</th>
          <td mat-cell *matCellDef="let a">{{ a.city }}, {{ a.country }}</td>
        </ng-container>
        <ng-container matColumnDef="legalForm">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ t('apply.legalForm') }}</th>
          <td mat-cell *matCellDef="let a">{{ a.legalForm }}</td>
        </ng-container>
        <ng-container matColumnDef="submitted">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ t('applicationStatus.submitted') }}</th>
          <td mat-cell *matCellDef="let a">{{ date(a.submittedAt) }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ t('coops.colStatus') }}</th>
          <td mat-cell *matCellDef="let a">
            <span [class]="'fc-status s-' + a.status">{{ t(statusKey(a.status)) }}</span>
          </td>
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
      align-items: flex-start;
      gap: 2px;
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .name {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
  `,
})
export class ApplicationsListComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly statusKey = applicationStatusKey;
  protected readonly columns = ['name', 'city', 'legalForm', 'submitted', 'status'];

  readonly applications = input.required<readonly ApplicationView[]>();
  readonly compact = input(false);

  protected date(iso: string): string {
    return this.i18n.formatDate(iso);
  }
}
