import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { CountryView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { applyErrorText } from './apply-errors';
import { CURRENCIES, type CoopStep } from './application-form';

/** Presentational: step 1, the cooperative (name, city, country, time zone, currency). */
@Component({
  selector: 'fc-apply-coop-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatInputModule, MatSelectModule],
  template: `
    <div class="fc-form" [formGroup]="group()">
      <mat-form-field>
        <mat-label>{{ t('apply.coopName') }}</mat-label>
        <input matInput formControlName="name" autocomplete="organization" required />
        <mat-error>{{ err('name') }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ t('apply.city') }}</mat-label>
        <input matInput formControlName="city" autocomplete="address-level2" required />
        <mat-error>{{ err('city') }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ t('apply.country') }}</mat-label>
        <mat-select formControlName="country" required>
          @for (c of options(); track c.code) {
            <mat-option [value]="c.code">{{ c.label }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ err('country') }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ t('apply.timezone') }}</mat-label>
        <input matInput formControlName="timezone" autocomplete="off" required />
        <mat-hint>{{ t('apply.timezoneHint') }}</mat-hint>
        <mat-error>{{ err('timezone') }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ t('apply.currency') }}</mat-label>
        <mat-select formControlName="currency" required>
          @for (code of currencies; track code) {
            <mat-option [value]="code">{{ code }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ err('currency') }}</mat-error>
      </mat-form-field>
    </div>
  `,
})
export class ApplyCoopStepComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly currencies = CURRENCIES;

  readonly group = input.required<CoopStep>();
  readonly countries = input.required<readonly CountryView[]>();

  /** Country names in the current language (Intl), sorted. */
  protected readonly options = computed(() => {
    const names = new Intl.DisplayNames([this.i18n.lang()], { type: 'region' });
    return this.countries()
      .map((c) => ({ code: c.code, label: names.of(c.code) ?? c.code }))
      .sort((a, b) => a.label.localeCompare(b.label, this.i18n.lang()));
  });

  protected err(name: keyof CoopStep['controls']): string {
    return applyErrorText(this.t, this.group().controls[name]);
  }
}
