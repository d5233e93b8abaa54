import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { CountryView, LegalFormView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { applyErrorText } from './apply-errors';
import { JUSTIFICATION_MIN, type LegalStep } from './application-form';

/** Presentational: step 2, legal form, registration number and the statutes PDF. */
@Component({
  selector: 'fc-apply-legal-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatInputModule, MatSelectModule, MatButtonModule],
  template: `
    <div class="fc-form" [formGroup]="group()">
      @if (!country()) {
        <p class="fc-info-banner">{{ t('apply.chooseCountryFirst') }}</p>
      }
      <mat-form-field>
        <mat-label>{{ t('apply.legalForm') }}</mat-label>
        <mat-select formControlName="legalForm" required>
          @for (f of country()?.legalForms ?? []; track f.id) {
            <mat-option [value]="f.id">{{ labelOf(f) }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ err('legalForm') }}</mat-error>
      </mat-form-field>
      @if (legalForm()?.requiresJustification) {
        <mat-form-field>
          <mat-label>{{ t('apply.justification') }}</mat-label>
          <textarea matInput formControlName="legalFormJustification" rows="4" required></textarea>
          <mat-hint>{{ t('apply.justificationHint', { min: min, count: justificationLength() }) }}</mat-hint>
          <mat-error>{{ err('legalFormJustification') }}</mat-error>
        </mat-form-field>
      }
      <mat-form-field>
        <mat-label>{{ t('apply.registration') }}</mat-label>
        <input matInput formControlName="registrationNumber" autocomplete="off" required />
        @if (country(); as c) {
          <mat-hint>{{
            t('apply.registrationHint', { hint: c.registrationHint, example: c.registrationExample })
          }}</mat-hint>
        }
        <mat-error>{{ err('registrationNumber') }}</mat-error>
      </mat-form-field>

      <div class="file" [class.invalid]="statutesInvalid()">
        <span class="file-label" id="statutes-label">{{ t('apply.statutes') }}</span>
        <input
          #fileInput
          class="fc-visually-hidden"
          type="file"
          id="statutes-input"
          accept="application/pdf,.pdf"
          aria-labelledby="statutes-label"
          [attr.aria-describedby]="'statutes-help'"
          (change)="pick(fileInput.files)"
        />
        <div class="file-row">
          <button mat-stroked-button type="button" (click)="fileInput.click()">{{ t('apply.chooseFile') }}</button>
          <span class="file-name">{{ fileName() || t('apply.noFile') }}</span>
        </div>
        <span id="statutes-help" class="help" [attr.role]="statutesInvalid() ? 'alert' : null">
          {{ statutesInvalid() ? err('statutes') : t('apply.statutesHint') }}
        </span>
      </div>
    </div>
  `,
  styles: `
    .file {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .file-label {
      font: var(--mat-sys-title-small);
    }
    .file-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
    }
    .file-name {
      overflow-wrap: anywhere;
    }
    .help {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .invalid .help {
      color: var(--mat-sys-error);
    }
  `,
})
export class ApplyLegalStepComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly min = JUSTIFICATION_MIN;

  readonly group = input.required<LegalStep>();
  readonly country = input<CountryView | undefined>();
  readonly legalForm = input<LegalFormView | undefined>();
  /** bumped by the container on every value/status change (the group itself is not a signal) */
  readonly revision = input(0);

  protected readonly fileName = computed(() => {
    this.revision();
    return this.group().controls.statutes.value?.name ?? '';
  });
  protected readonly statutesInvalid = computed(() => {
    this.revision();
    const c = this.group().controls.statutes;
    return c.invalid && c.touched;
  });
  protected readonly justificationLength = computed(() => {
    this.revision();
    return this.group().controls.legalFormJustification.value.trim().length;
  });

  protected labelOf(form: LegalFormView): string {
    return form.labels[this.i18n.lang()];
  }

  protected pick(files: FileList | null): void {
    const control = this.group().controls.statutes;
    control.setValue(files?.item(0) ?? null);
    control.markAsTouched();
  }

  protected err(name: keyof LegalStep['controls']): string {
    return applyErrorText(this.t, this.group().controls[name]);
  }
}
