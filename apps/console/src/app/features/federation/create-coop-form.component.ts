import { ChangeDetectionStrategy, Component, effect, inject, input, output, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import type { CreateCoopRequest, FieldError } from '@federacycle/contracts';
import { applyFieldErrors, fieldErrorText } from '../../core/api/form-errors';
import { I18nService } from '../../core/i18n/i18n.service';

type CoopFormControls = { [K in keyof CreateCoopRequest]-?: FormControl<string> };
export type CreateCoopForm = FormGroup<CoopFormControls>;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function createCoopForm(): CreateCoopForm {
  const text = (validators = [Validators.required, Validators.maxLength(120)]): FormControl<string> =>
    new FormControl('', { nonNullable: true, validators });
  return new FormGroup({
    slug: text([Validators.required, Validators.maxLength(60), Validators.pattern(SLUG_PATTERN)]),
    name: text(),
    city: text(),
    country: text([Validators.required, Validators.pattern(/^[A-Za-z]{2}$/)]),
    timezone: new FormControl('Europe/Paris', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$|^UTC$/)],
    }),
    currency: new FormControl('EUR', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^[A-Za-z]{3}$/)],
    }),
  });
}

interface FieldDef {
  name: keyof CreateCoopRequest;
  labelKey: Parameters<I18nService['t']>[0];
  hintKey?: Parameters<I18nService['t']>[0];
  autocomplete: string;
}

/** Presentational: the create-coop form; emits a normalised CreateCoopRequest. */
@Component({
  selector: 'fc-create-coop-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatInputModule, MatButtonModule],
  template: `
    <form class="grid" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      @for (field of fields; track field.name) {
        <mat-form-field>
          <mat-label>{{ t(field.labelKey) }}</mat-label>
          <input matInput [formControlName]="field.name" [attr.autocomplete]="field.autocomplete" required />
          @if (field.hintKey) {
            <mat-hint>{{ t(field.hintKey) }}</mat-hint>
          }
          <mat-error>{{ errorOf(field.name) }}</mat-error>
        </mat-form-field>
      }
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="busy()">{{ t('coops.createSubmit') }}</button>
      </div>
    </form>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 16px;
    }
    .actions {
      grid-column: 1 / -1;
      margin-top: 8px;
    }
  `,
})
export class CreateCoopFormComponent {
  protected readonly t = inject(I18nService).t;
  protected readonly form = createCoopForm();
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly fields: readonly FieldDef[] = [
    { name: 'name', labelKey: 'coops.name', autocomplete: 'organization' },
    { name: 'slug', labelKey: 'coops.slug', hintKey: 'coops.slugHint', autocomplete: 'off' },
    { name: 'city', labelKey: 'coops.city', autocomplete: 'address-level2' },
    { name: 'country', labelKey: 'coops.country', hintKey: 'coops.countryHint', autocomplete: 'country' },
    { name: 'timezone', labelKey: 'coops.timezone', hintKey: 'coops.timezoneHint', autocomplete: 'off' },
    { name: 'currency', labelKey: 'coops.currency', hintKey: 'coops.currencyHint', autocomplete: 'off' },
  ];

  readonly busy = input(false);
  readonly fieldErrors = input<readonly FieldError[]>([]);
  readonly create = output<CreateCoopRequest>();

  constructor() {
    effect(() => applyFieldErrors(this.form, this.fieldErrors()));
  }

  reset(): void {
    this.formDirective().resetForm();
  }

  protected errorOf(name: keyof CreateCoopRequest): string {
    return fieldErrorText(this.t, this.form.controls[name]);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.create.emit({
      slug: v.slug.trim(),
      name: v.name.trim(),
      city: v.city.trim(),
      country: v.country.trim().toUpperCase(),
      timezone: v.timezone.trim(),
      currency: v.currency.trim().toUpperCase(),
    });
  }
}
