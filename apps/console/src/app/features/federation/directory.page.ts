import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CoopDirectoryEntry } from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { FederationAdminApi, federationProblemText, type CoopAction } from '../../core/api/federation-api';
import { I18nService } from '../../core/i18n/i18n.service';
import { injectIsCompact } from '../../core/layout/breakpoints';
import type { DirectoryActionRequest } from './directory-actions';
import { DirectoryViewComponent } from './directory-view.component';
import { ReasonDialog, type ReasonDialogData } from './reason.dialog';

/** Container: the federation admin's coop directory and its actions. */
@Component({
  selector: 'fc-directory-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, DirectoryViewComponent],
  template: `
    <h1>{{ t('directory.title') }}</h1>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('app.loading')" />
    } @else if (error(); as message) {
      <p class="fc-error-banner" role="alert">
        {{ message }}
        <button mat-button type="button" (click)="load()">{{ t('common.retry') }}</button>
      </p>
    } @else if (coops().length === 0) {
      <p class="fc-muted">{{ t('coops.empty') }}</p>
    } @else {
      <fc-directory-view [coops]="coops()" [compact]="compact()" [busyIds]="busyIds()" (act)="act($event)" />
    }
  `,
})
export class DirectoryPage implements OnInit {
  private readonly api = inject(FederationAdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly compact = injectIsCompact();

  protected readonly coops = signal<CoopDirectoryEntry[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly busyIds = signal<string[]>([]);

  ngOnInit(): void {
    this.load();
  }

  protected load(quiet = false): void {
    if (!quiet) this.loading.set(true);
    this.error.set(null);
    this.api.directory().subscribe({
      next: (page) => {
        this.coops.set(page.items);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(federationProblemText(this.t, error));
        this.loading.set(false);
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
        this.load(true);
      },
      error: (error: unknown) => {
        done();
        this.notify(federationProblemText(this.t, error));
      },
    });
  }

  private notify(message: string): void {
    this.snackBar.open(message, this.t('common.close'), { duration: 6000 });
  }
}
