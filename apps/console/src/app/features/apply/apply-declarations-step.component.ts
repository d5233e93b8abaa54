import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatInputModule } from '@angular/material/input';
import { I18nService } from '../../core/i18n/i18n.service';
import { applyErrorText } from './apply-errors';
import type { DeclarationsStep } from './application-form';

/** Presentational: step 3, the declarations and the first admin. */
@Component({
  selector: 'fc-apply-declarations-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatCheckboxModule, MatInputModule],
  template: `
    <div class="fc-form" [formGroup]="group()">
      <fieldset class="declarations">
        <legend>{{ t('apply.declarationsLegend') }}</legend>
        <mat-checkbox formControlName="workersAreMembersOrEmployees" [attr.aria-describedby]="'decl-workers-error'">
          {{ t('apply.declareWorkers') }}
        </mat-checkbox>
        @if (invalid('workersAreMembersOrEmployees')) {
          <span id="decl-workers-error" class="error" role="alert">{{ err('workersAreMembersOrEmployees') }}</span>
        }
        @if (socialApplicable()) {
          <mat-checkbox formControlName="socialEconomyStatus">{{ t('apply.declareSocialEconomy') }}</mat-checkbox>
          @if (invalid('socialEconomyStatus')) {
            <span class="error" role="alert">{{ err('socialEconomyStatus') }}</span>
          }
        }
      </fieldset>
      <h3>{{ t('apply.firstAdmin') }}</h3>
      <p class="fc-muted hint">{{ t('apply.firstAdminHint') }}</p>
      <mat-form-field>
        <mat-label>{{ t('form.name') }}</mat-label>
        <input matInput formControlName="adminName" autocomplete="name" required />
        <mat-error>{{ err('adminName') }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ t('form.email') }}</mat-label>
        <input matInput type="email" formControlName="adminEmail" autocomplete="email" required />
        <mat-error>{{ err('adminEmail') }}</mat-error>
      </mat-form-field>
    </div>
  `,
  styles: `
    .declarations {
      display: flex;
      flex-direction: column;
      gap: 4px;
      border: 0;
      margin: 0;
      padding: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-bottom: 8px;
    }
    .error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      margin: 0 0 8px 40px;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 8px 0 0;
    }
    .hint {
      margin: 0;
    }
  `,
})
export class ApplyDeclarationsStepComponent {
  protected readonly t = inject(I18nService).t;

  readonly group = input.required<DeclarationsStep>();
  readonly socialApplicable = input(false);
  readonly revision = input(0);

  private readonly state = computed(() => {
    this.revision();
    return this.group().controls;
  });

  protected invalid(name: keyof DeclarationsStep['controls']): boolean {
    const control = this.state()[name];
    return control.invalid && control.touched;
  }

  protected err(name: keyof DeclarationsStep['controls']): string {
    return applyErrorText(this.t, this.group().controls[name]);
  }
}
