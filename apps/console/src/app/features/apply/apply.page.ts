import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatStepper, MatStepperModule } from '@angular/material/stepper';
import { Router, RouterLink } from '@angular/router';
import type { CountryView } from '@federacycle/contracts';
import { toApiProblem } from '../../core/api/api-error';
import { PublicFederationApi } from '../federation/data/federation-api';
import { problemText, toProblemText } from '../../core/api/problem-text';
import { APPLY_OVERRIDES } from './apply-errors';
import { I18nService } from '../../core/i18n/i18n.service';
import { injectIsCompact } from '../../core/layout/breakpoints';
import { ApplyCoopStepComponent } from './apply-coop-step.component';
import { ApplyDeclarationsStepComponent } from './apply-declarations-step.component';
import { ApplyLegalStepComponent } from './apply-legal-step.component';
import { ApplyReviewComponent, type ApplicationReview } from './apply-review.component';
import {
  STEP_ORDER,
  applyApplicationCode,
  applyApplicationFieldErrors,
  applyCountry,
  applyLegalForm,
  createApplicationForm,
  toApplicationRequest,
} from './application-form';

/** Container: the public "Start a coop" application, a four-step form. */
@Component({
  selector: 'fc-apply-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatCardModule,
    MatButtonModule,
    MatStepperModule,
    MatProgressBarModule,
    ApplyCoopStepComponent,
    ApplyLegalStepComponent,
    ApplyDeclarationsStepComponent,
    ApplyReviewComponent,
  ],
  templateUrl: './apply.page.html',
  styleUrl: './apply.page.scss',
})
export class ApplyPage implements OnInit {
  private readonly api = inject(PublicFederationApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly compact = injectIsCompact();

  protected readonly form = createApplicationForm();
  protected readonly countries = signal<CountryView[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly submitting = signal(false);
  protected readonly submitError = signal<string | null>(null);
  /** bumped on every form event: lets signals read the (non-signal) form */
  protected readonly revision = signal(0);
  private readonly stepper = viewChild(MatStepper);

  protected readonly country = computed(() => {
    this.revision();
    return this.countries().find((c) => c.code === this.form.controls.coop.controls.country.value);
  });
  protected readonly legalForm = computed(() => {
    this.revision();
    return this.country()?.legalForms.find((f) => f.id === this.form.controls.legal.controls.legalForm.value);
  });
  protected readonly review = computed<ApplicationReview | null>(() => {
    this.revision();
    const country = this.country();
    const legalForm = this.legalForm();
    if (!country || !legalForm) return null;
    return {
      request: toApplicationRequest(this.form, legalForm),
      countryName: new Intl.DisplayNames([this.i18n.lang()], { type: 'region' }).of(country.code) ?? country.code,
      legalFormLabel: legalForm.labels[this.i18n.lang()],
      statutesName: this.form.controls.legal.controls.statutes.value?.name ?? '',
    };
  });

  constructor() {
    this.form.events.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.revision.update((n) => n + 1));
    this.form.controls.coop.controls.country.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((code) =>
      applyCountry(
        this.form,
        this.countries().find((c) => c.code === code),
      ),
    );
    this.form.controls.legal.controls.legalForm.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((id) =>
      applyLegalForm(
        this.form,
        this.country()?.legalForms.find((f) => f.id === id),
      ),
    );
  }

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.legalForms().subscribe({
      next: (catalogue) => {
        this.countries.set(catalogue.countries);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loadError.set(toProblemText(this.t, error));
        this.loading.set(false);
      },
    });
  }

  /** Shows the step's errors, or moves on when it is valid. */
  protected next(step: (typeof STEP_ORDER)[number]): void {
    const group = this.form.controls[step];
    group.markAllAsTouched();
    this.revision.update((n) => n + 1);
    if (group.valid) this.stepper()?.next();
  }

  protected submit(): void {
    const statutes = this.form.controls.legal.controls.statutes.value;
    if (this.form.invalid || !statutes) {
      this.form.markAllAsTouched();
      const first = STEP_ORDER.findIndex((s) => this.form.controls[s].invalid);
      if (first >= 0) this.goTo(first);
      return;
    }
    this.submitting.set(true);
    this.submitError.set(null);
    this.api.submitApplication(toApplicationRequest(this.form, this.legalForm()), statutes).subscribe({
      next: (receipt) => {
        this.submitting.set(false);
        void this.router.navigate(['/apply/status', receipt.id], { queryParams: { token: receipt.statusToken } });
      },
      error: (error: unknown) => {
        const problem = toApiProblem(error);
        const fieldStep = applyApplicationFieldErrors(this.form, problem.fieldErrors);
        const codeStep = applyApplicationCode(this.form, problem.code);
        this.submitError.set(problemText(this.t, problem, APPLY_OVERRIDES));
        this.submitting.set(false);
        this.revision.update((n) => n + 1);
        const step = [fieldStep, codeStep].filter((s) => s >= 0).sort()[0];
        if (step !== undefined) this.goTo(step);
      },
    });
  }

  private goTo(index: number): void {
    const stepper = this.stepper();
    if (stepper) stepper.selectedIndex = index;
  }
}
