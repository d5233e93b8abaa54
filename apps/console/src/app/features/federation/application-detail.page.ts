import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { ApplicationView, CountryView } from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { FederationAdminApi, PublicFederationApi } from './data/federation-api';
import { toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { ApplicationEvidenceComponent } from './application-evidence.component';
import { ApplicationHistoryComponent } from './application-history.component';
import { applicationStatusKey } from './federation-labels';
import { ReasonDialog, type ReasonDialogData } from './reason.dialog';
import { ReviewChecklistComponent } from './review-checklist.component';

/** Container: one application under review (evidence, checklist, decision, history). */
@Component({
  selector: 'fc-application-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatCardModule,
    MatButtonModule,
    MatProgressBarModule,
    ApplicationEvidenceComponent,
    ApplicationHistoryComponent,
    ReviewChecklistComponent,
  ],
  templateUrl: './application-detail.page.html',
  styleUrl: './application-detail.page.scss',
})
export class ApplicationDetailPage implements OnInit {
  private readonly api = inject(FederationAdminApi);
  private readonly publicApi = inject(PublicFederationApi);
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly document = inject(DOCUMENT);
  protected readonly t = this.i18n.t;
  protected readonly statusKey = applicationStatusKey;

  /** route parameter, bound by the router */
  readonly id = input.required<string>();

  protected readonly application = signal<ApplicationView | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly downloading = signal(false);
  protected readonly checklistComplete = signal(false);
  private readonly catalogue = signal<CountryView[]>([]);
  /** the legal form's name from the public catalogue, in the reader's language */
  protected readonly legalFormLabel = computed(() => {
    const a = this.application();
    const form = this.catalogue()
      .find((c) => c.code === a?.country)
      ?.legalForms.find((f) => f.id === a?.legalForm);
    return form ? form.labels[this.i18n.lang()] : '';
  });
  protected readonly decidable = computed(() => this.application()?.status === 'under_review');
  protected readonly canApprove = computed(() => this.decidable() && this.checklistComplete() && !this.busy());

  ngOnInit(): void {
    this.load();
    // best effort: without the catalogue the legal form's id is shown
    this.publicApi.legalForms().subscribe({ next: (c) => this.catalogue.set(c.countries), error: () => undefined });
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.getApplication(this.id()).subscribe({
      next: (a) => {
        this.application.set(a);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(toProblemText(this.t, error));
        this.loading.set(false);
      },
    });
  }

  protected downloadStatutes(): void {
    const a = this.application();
    if (!a) return;
    this.downloading.set(true);
    this.api.downloadStatutes(a.statutes.downloadUrl).subscribe({
      next: (blob) => {
        this.downloading.set(false);
        const url = URL.createObjectURL(blob);
        const link = this.document.createElement('a');
        link.href = url;
        link.download = `statutes-${a.registrationNumber.replace(/[^\w-]/g, '')}.pdf`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
      error: (error: unknown) => {
        this.downloading.set(false);
        this.notify(toProblemText(this.t, error));
      },
    });
  }

  protected startReview(): void {
    const a = this.application();
    if (a) this.run(this.api.startReview(a.id), 'review.started');
  }

  protected approve(): void {
    const a = this.application();
    if (!a || !this.canApprove()) return;
    this.askReason(
      {
        titleKey: 'review.approveTitle',
        titleParams: { name: a.name },
        bodyKey: 'review.approveBody',
        confirmKey: 'review.approve',
        required: false,
      },
      (reason) => this.run(this.api.approve(a.id, reason || undefined), 'review.approved'),
    );
  }

  protected reject(): void {
    const a = this.application();
    if (!a || !this.decidable()) return;
    this.askReason(
      {
        titleKey: 'review.rejectTitle',
        titleParams: { name: a.name },
        bodyKey: 'review.rejectBody',
        confirmKey: 'review.reject',
        required: true,
        destructive: true,
      },
      (reason) => this.run(this.api.reject(a.id, reason), 'review.rejected'),
    );
  }

  private askReason(data: ReasonDialogData, then: (reason: string) => void): void {
    this.dialog
      .open<ReasonDialog, ReasonDialogData, string>(ReasonDialog, { data, width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((reason) => {
        if (reason !== undefined) then(reason);
      });
  }

  private run(
    call: Observable<ApplicationView>,
    doneKey: 'review.started' | 'review.approved' | 'review.rejected',
  ): void {
    this.busy.set(true);
    call.subscribe({
      next: (updated) => {
        this.application.set(updated);
        this.busy.set(false);
        this.notify(this.t(doneKey, { name: updated.name }));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notify(toProblemText(this.t, error));
      },
    });
  }

  private notify(message: string): void {
    this.snackBar.open(message, this.t('common.close'), { duration: 6000 });
  }
}
