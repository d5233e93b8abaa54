import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { ApplicationStatus, type ApplicationView } from '@federacycle/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { toProblemText } from '../../core/api/problem-text';
import type { TranslationKey } from '../../core/i18n/en';
import { I18nService } from '../../core/i18n/i18n.service';
import { countryName } from '../../shared/country-name';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { DataListComponent, type ListColumn } from '../../shared/list/data-list.component';
import { ListCellDirective } from '../../shared/list/list-cell.directive';
import { injectPagedList } from '../../shared/list/paged-list';
import { StatusChipComponent, applicationTone } from '../../shared/status-chip.component';
import { APPLICATION_SORTS, FederationAdminApi, type ApplicationSort } from './data/federation-api';
import { LegalFormLabels } from './data/legal-form-labels';
import { applicationStatusKey } from './federation-labels';

export type StatusFilter = ApplicationStatus | 'all';

/** The server's order today; it is not sent, so the default queue only uses accepted parameters. */
export const DEFAULT_APPLICATION_SORT: ApplicationSort = '-submitted_at';

const SORT_KEYS: Readonly<Record<ApplicationSort, TranslationKey>> = {
  '-submitted_at': 'applications.sortNewest',
  submitted_at: 'applications.sortOldest',
  name: 'applications.sortName',
};

/** Container: the federation admin's applications queue: search, status, sort, paged by the API. */
@Component({
  selector: 'fc-applications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatInputModule,
    MatSelectModule,
    DataListComponent,
    ListCellDirective,
    EmptyStateComponent,
    StatusChipComponent,
  ],
  templateUrl: './applications.page.html',
  styles: `
    .toolbar {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
      gap: 0 var(--fc-space-4);
      margin-bottom: var(--fc-space-2);
    }
    @media (max-width: 839.98px) {
      .toolbar {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      }
      .search {
        grid-column: 1 / -1;
      }
    }
    @media (max-width: 479.98px) {
      .toolbar {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    mat-form-field {
      width: 100%;
    }
    .name {
      font-weight: 500;
    }
  `,
})
export class ApplicationsPage implements OnInit {
  private readonly api = inject(FederationAdminApi);
  private readonly legalForms = inject(LegalFormLabels);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly statusKey = applicationStatusKey;
  protected readonly tone = applicationTone;
  protected readonly sorts = APPLICATION_SORTS;
  protected readonly sortKey = (sort: ApplicationSort): TranslationKey => SORT_KEYS[sort];
  protected readonly filters: readonly StatusFilter[] = [
    'all',
    ApplicationStatus.APPLIED,
    ApplicationStatus.UNDER_REVIEW,
    ApplicationStatus.APPROVED,
    ApplicationStatus.REJECTED,
  ];

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly filter = signal<StatusFilter>('all');
  protected readonly sort = signal<ApplicationSort>(DEFAULT_APPLICATION_SORT);
  private readonly query = signal('');
  protected readonly filtered = computed(() => this.query() !== '' || this.filter() !== 'all');

  protected readonly applications = injectPagedList((page) =>
    this.api.listApplications(
      {
        status: this.filter() === 'all' ? null : (this.filter() as ApplicationStatus),
        q: this.query() || null,
        sort: this.sort() === DEFAULT_APPLICATION_SORT ? null : this.sort(),
      },
      page,
    ),
  );
  protected readonly error = computed(() => {
    const error = this.applications.error();
    return error === null ? null : toProblemText(this.t, error);
  });

  protected readonly columns = computed<ListColumn[]>(() => [
    { id: 'name', header: this.t('apply.coopName') },
    { id: 'city', header: this.t('apply.city') },
    { id: 'legalForm', header: this.t('apply.legalForm') },
    { id: 'submitted', header: this.t('applicationStatus.submitted') },
    { id: 'status', header: this.t('coops.colStatus') },
  ]);
  protected readonly applicationId = (a: ApplicationView): string => a.id;

  constructor() {
    this.search.valueChanges
      .pipe(
        map((value) => value.trim()),
        debounceTime(300),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => this.setQuery(q));
  }

  ngOnInit(): void {
    this.applications.load();
  }

  protected setFilter(value: StatusFilter): void {
    this.filter.set(value);
    this.applications.restart();
  }

  protected setSort(value: ApplicationSort): void {
    this.sort.set(value);
    this.applications.restart();
  }

  /** Enter searches at once (no wait for the debounce). */
  protected searchNow(): void {
    this.setQuery(this.search.value.trim());
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.query.set('');
    this.filter.set('all');
    this.applications.restart();
  }

  protected place(a: ApplicationView): string {
    return `${a.city}, ${countryName(a.country, this.i18n.lang())}`;
  }

  protected legalForm(a: ApplicationView): string {
    return this.legalForms.label(a.country, a.legalForm);
  }

  protected date(iso: string): string {
    return this.i18n.formatDate(iso);
  }

  protected filterLabel(f: StatusFilter): string {
    return f === 'all' ? this.t('applications.all') : this.t(applicationStatusKey(f));
  }

  private setQuery(q: string): void {
    if (q === this.query()) return;
    this.query.set(q);
    this.applications.restart();
  }
}
