import { ChangeDetectionStrategy, Component, OnInit, inject, signal, viewChild } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CoopView, CreateCoopRequest, FieldError } from '@federacycle/contracts';
import { toApiProblem } from '../../core/api/api-error';
import { FederationApi } from '../../core/api/identity-api.service';
import { problemText, toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { injectIsCompact } from '../../core/layout/breakpoints';
import { CoopsListComponent } from './coops-list.component';
import { CreateCoopFormComponent } from './create-coop-form.component';

/** Container: the federation admin's coops (list and creation). */
@Component({
  selector: 'fc-coops-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, MatProgressBarModule, CoopsListComponent, CreateCoopFormComponent],
  template: `
    <h1>{{ t('coops.title') }}</h1>
    <mat-card appearance="outlined" class="section">
      <mat-card-content>
        <h2>{{ t('coops.create') }}</h2>
        @if (createError(); as message) {
          <p class="fc-error-banner" role="alert">{{ message }}</p>
        }
        <fc-create-coop-form [busy]="creating()" [fieldErrors]="fieldErrors()" (create)="create($event)" />
      </mat-card-content>
    </mat-card>
    <section class="section" aria-labelledby="coops-heading">
      <h2 id="coops-heading">{{ t('coops.list') }}</h2>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('app.loading')" />
      } @else if (loadError(); as message) {
        <p class="fc-error-banner" role="alert">{{ message }}</p>
      } @else if (coops().length === 0) {
        <p class="fc-muted">{{ t('coops.empty') }}</p>
      } @else {
        <fc-coops-list [coops]="coops()" [compact]="compact()" />
      }
    </section>
  `,
  styles: `
    .section {
      margin-bottom: 24px;
    }
  `,
})
export class CoopsPage implements OnInit {
  private readonly api = inject(FederationApi);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly t = inject(I18nService).t;
  protected readonly compact = injectIsCompact();

  protected readonly coops = signal<CoopView[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly creating = signal(false);
  protected readonly createError = signal<string | null>(null);
  protected readonly fieldErrors = signal<FieldError[]>([]);
  private readonly form = viewChild(CreateCoopFormComponent);

  ngOnInit(): void {
    this.api.listCoops().subscribe({
      next: (page) => {
        this.coops.set(page.items);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loadError.set(toProblemText(this.t, error));
        this.loading.set(false);
      },
    });
  }

  protected create(request: CreateCoopRequest): void {
    this.creating.set(true);
    this.createError.set(null);
    this.fieldErrors.set([]);
    this.api.createCoop(request).subscribe({
      next: (coop) => {
        this.coops.update((list) => [coop, ...list]);
        this.form()?.reset();
        this.creating.set(false);
        this.snackBar.open(this.t('coops.created', { name: coop.name }), this.t('common.close'), { duration: 5000 });
      },
      error: (error: unknown) => {
        const problem = toApiProblem(error);
        this.fieldErrors.set(problem.fieldErrors);
        this.createError.set(problemText(this.t, problem));
        this.creating.set(false);
      },
    });
  }
}
