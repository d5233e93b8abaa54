import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CoopDirectoryEntry, CreateCoopRequest, FieldError } from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { toApiProblem } from '../../core/api/api-error';
import { problemText, toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { countryName } from '../../shared/country-name';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { DataListComponent, type ListColumn } from '../../shared/list/data-list.component';
import { ListCellDirective } from '../../shared/list/list-cell.directive';
import { injectPagedList } from '../../shared/list/paged-list';
import { StatusChipComponent, coopStatusTone, standingTone } from '../../shared/status-chip.component';
import { CreateCoopFormComponent } from './create-coop-form.component';
import { FederationAdminApi, type CoopAction } from './data/federation-api';
import { actionLabelKey, actionsFor, type DirectoryActionRequest } from './directory-actions';
import { directoryStatusKey, formatShare, standingKey } from './federation-labels';
import { ReasonDialog, type ReasonDialogData } from './reason.dialog';

/**
 * Container: the federation admin's coops, one page: the directory (status, standing,
 * licence, member share, lifecycle actions), paged by the API, and the creation form.
 */
@Component({
  selector: 'fc-coops-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCardModule,
    MatMenuModule,
    DataListComponent,
    ListCellDirective,
    EmptyStateComponent,
    StatusChipComponent,
    CreateCoopFormComponent,
  ],
  templateUrl: './coops.page.html',
  styles: `
    .section {
      margin-bottom: var(--fc-space-6);
    }
    .slug {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-2);
    }
  `,
})
export class CoopsPage implements OnInit {
  private readonly api = inject(FederationAdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly statusKey = directoryStatusKey;
  protected readonly standingKey = standingKey;
  protected readonly statusTone = coopStatusTone;
  protected readonly standingTone = standingTone;
  protected readonly actionsFor = actionsFor;
  protected readonly actionLabelKey = actionLabelKey;

  protected readonly coops = injectPagedList((page) => this.api.directory(page));
  protected readonly loadError = computed(() => {
    const error = this.coops.error();
    return error === null ? null : toProblemText(this.t, error);
  });
  protected readonly busyIds = signal<string[]>([]);
  protected readonly creating = signal(false);
  protected readonly createError = signal<string | null>(null);
  protected readonly fieldErrors = signal<FieldError[]>([]);
  private readonly form = viewChild(CreateCoopFormComponent);

  protected readonly columns = computed<ListColumn[]>(() => [
    { id: 'name', header: this.t('coops.name') },
    { id: 'city', header: this.t('coops.city') },
    { id: 'status', header: this.t('coops.colStatus') },
    { id: 'licence', header: this.t('directory.colLicence') },
    { id: 'share', header: this.t('directory.colShare') },
    { id: 'actions', header: this.t('people.colActions'), actions: true },
  ]);
  protected readonly coopId = (c: CoopDirectoryEntry): string => c.id;

  ngOnInit(): void {
    this.coops.load();
  }

  protected place(c: CoopDirectoryEntry): string {
    return `${c.city}, ${countryName(c.country, this.i18n.lang())}`;
  }

  protected share(value: number | null): string {
    return formatShare(value, this.i18n.locale());
  }

  protected expiry(iso: string | null): string {
    return iso ? this.i18n.formatDate(iso) : this.t('directory.noLicence');
  }

  protected create(request: CreateCoopRequest): void {
    this.creating.set(true);
    this.createError.set(null);
    this.fieldErrors.set([]);
    this.api.createCoop(request).subscribe({
      next: (coop) => {
        this.form()?.reset();
        this.creating.set(false);
        this.notify(this.t('coops.created', { name: coop.name }));
        this.coops.load();
      },
      error: (error: unknown) => {
        const problem = toApiProblem(error);
        this.fieldErrors.set(problem.fieldErrors);
        this.createError.set(problemText(this.t, problem));
        this.creating.set(false);
      },
    });
  }

  protected act({ action, coop }: DirectoryActionRequest): void {
    if (action === 'licence') {
      this.run(coop, this.api.issueLicence(coop.id), (licence) =>
        this.t('directory.licenceIssued', { name: coop.name, date: this.i18n.formatDate(licence.expiresAt) }),
      );
      return;
    }
    const data: ReasonDialogData = {
      titleKey: `directory.${action}Title`,
      titleParams: { name: coop.name },
      bodyKey: `directory.${action}Body`,
      confirmKey: `directory.${action}`,
      required: true,
      destructive: action !== 'reinstate',
    };
    this.dialog
      .open<ReasonDialog, ReasonDialogData, string>(ReasonDialog, { data, width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((reason) => {
        if (reason) this.run(coop, this.api.coopAction(coop.id, action, reason), () => this.doneText(action, coop));
      });
  }

  private doneText(action: CoopAction, coop: CoopDirectoryEntry): string {
    return this.t(`directory.${action}Done`, { name: coop.name });
  }

  private run<T>(coop: CoopDirectoryEntry, call: Observable<T>, message: (value: T) => string): void {
    this.busyIds.update((ids) => [...ids, coop.id]);
    const done = (): void => this.busyIds.update((ids) => ids.filter((x) => x !== coop.id));
    call.subscribe({
      next: (value) => {
        done();
        this.notify(message(value));
        this.coops.load();
      },
      error: (error: unknown) => {
        done();
        this.notify(toProblemText(this.t, error));
      },
    });
  }

  private notify(message: string): void {
    this.snackBar.open(message, this.t('common.close'), { duration: 6000 });
  }
}
