import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ApplicationStatus, type ApplicationView } from '@federacycle/contracts';
import { FederationAdminApi, federationProblemText } from '../../core/api/federation-api';
import { I18nService } from '../../core/i18n/i18n.service';
import { injectIsCompact } from '../../core/layout/breakpoints';
import { ApplicationsListComponent } from './applications-list.component';
import { applicationStatusKey } from './federation-labels';

type Filter = ApplicationStatus | 'all';

/** Container: the federation admin's applications queue, filtered by status. */
@Component({
  selector: 'fc-applications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonToggleModule, MatProgressBarModule, ApplicationsListComponent],
  template: `
    <h1>{{ t('applications.title') }}</h1>
    <mat-button-toggle-group
      class="filter"
      [value]="filter()"
      (change)="setFilter($event.value)"
      [attr.aria-label]="t('applications.filter')"
      hideSingleSelectionIndicator
    >
      @for (f of filters; track f) {
        <mat-button-toggle [value]="f">{{ f === 'all' ? t('applications.all') : t(statusKey(f)) }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('app.loading')" />
    } @else if (error(); as message) {
      <p class="fc-error-banner" role="alert">{{ message }}</p>
    } @else if (applications().length === 0) {
      <p class="fc-muted">{{ t('applications.empty') }}</p>
    } @else {
      <fc-applications-list [applications]="applications()" [compact]="compact()" />
    }
  `,
  styles: `
    .filter {
      flex-wrap: wrap;
      margin-bottom: 16px;
    }
  `,
})
export class ApplicationsPage implements OnInit {
  private readonly api = inject(FederationAdminApi);
  protected readonly t = inject(I18nService).t;
  protected readonly compact = injectIsCompact();
  protected readonly statusKey = applicationStatusKey;
  protected readonly filters: readonly Filter[] = [
    'all',
    ApplicationStatus.APPLIED,
    ApplicationStatus.UNDER_REVIEW,
    ApplicationStatus.APPROVED,
    ApplicationStatus.REJECTED,
  ];

  protected readonly filter = signal<Filter>('all');
  protected readonly applications = signal<ApplicationView[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected setFilter(value: Filter): void {
    this.filter.set(value);
    this.load();
  }

  private load(): void {
    const filter = this.filter();
    this.loading.set(true);
    this.error.set(null);
    this.api.listApplications(filter === 'all' ? null : filter).subscribe({
      next: (page) => {
        this.applications.set(page.items);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(federationProblemText(this.t, error));
        this.loading.set(false);
      },
    });
  }
}
