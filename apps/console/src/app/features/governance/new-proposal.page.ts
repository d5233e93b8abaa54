import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { SETTINGS_CATALOGUE, settingsOfScope, type SettingKey } from '@federacycle/contracts';
import { toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { GovernanceApi } from './data/governance-api';
import { settingValueText } from './setting-format';

const HOUR = 3_600_000;
const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** Container: drafting a proposal that changes one coop setting (the API checks everything). */
@Component({
  selector: 'fc-new-proposal-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <h1>{{ t('gov.new.title') }}</h1>
    @if (error(); as message) {
      <p class="fc-error-banner" role="alert">{{ message }}</p>
    }
    <form class="form" (ngSubmit)="save()">
      <mat-form-field appearance="outline">
        <mat-label>{{ t('gov.new.titleLabel') }}</mat-label>
        <input matInput name="title" required maxlength="160" [(ngModel)]="title" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ t('gov.new.setting') }}</mat-label>
        <mat-select name="key" [ngModel]="key()" (ngModelChange)="setKey($event)">
          @for (s of settings; track s.key) {
            <mat-option [value]="s.key">{{ s.label[i18n.lang()] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ t('gov.new.value') }}</mat-label>
        @if (options().length) {
          <mat-select name="value" [(ngModel)]="value">
            @for (o of options(); track o.value) {
              <mat-option [value]="o.value">{{ o.label }}</mat-option>
            }
          </mat-select>
        } @else {
          <input matInput name="value" type="number" [(ngModel)]="value" />
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ t('gov.new.rationaleLabel') }}</mat-label>
        <textarea matInput name="rationale" rows="6" required [(ngModel)]="rationale"></textarea>
      </mat-form-field>
      <div class="row">
        <mat-form-field appearance="outline">
          <mat-label>{{ t('gov.new.opensAt') }}</mat-label>
          <input matInput name="opensAt" type="datetime-local" required [(ngModel)]="opensAt" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('gov.new.closesAt') }}</mat-label>
          <input matInput name="closesAt" type="datetime-local" required [(ngModel)]="closesAt" />
        </mat-form-field>
      </div>
      <mat-checkbox name="hidden" [(ngModel)]="hidden">{{ t('gov.new.hidden') }}</mat-checkbox>
      <div>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ t('gov.new.save') }}</button>
      </div>
    </form>
  `,
  styles: `
    .form {
      display: grid;
      gap: var(--fc-space-2);
      max-width: 40rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
      mat-form-field {
        flex: 1 1 14rem;
      }
    }
  `,
})
export class NewProposalPage {
  private readonly api = inject(GovernanceApi);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly settings = settingsOfScope('coop');
  protected readonly key = signal<SettingKey>('dispatch_mode');
  protected readonly options = computed(() => {
    const def = SETTINGS_CATALOGUE[this.key()];
    const lang = this.i18n.lang();
    if (def.schema.type === 'enum') {
      return def.schema.values.map((v) => ({
        value: v as string | boolean,
        label: settingValueText(def.key, v, lang, this.i18n.locale()),
      }));
    }
    if (def.schema.type === 'boolean') {
      return [true, false].map((v) => ({
        value: v as string | boolean,
        label: settingValueText(def.key, v, lang, this.i18n.locale()),
      }));
    }
    return [];
  });
  protected title = '';
  protected rationale = '';
  protected value: string | number | boolean = 'suggest';
  protected opensAt = local(new Date(Date.now() + HOUR));
  protected closesAt = local(new Date(Date.now() + 8 * 24 * HOUR));
  protected hidden = false;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected setKey(key: SettingKey): void {
    this.key.set(key);
    this.value = SETTINGS_CATALOGUE[key].default;
  }

  protected save(): void {
    this.busy.set(true);
    this.error.set(null);
    const value =
      typeof this.value === 'string' && /^-?\d+(\.\d+)?$/.test(this.value) ? Number(this.value) : this.value;
    this.api
      .create({
        title: this.title,
        rationale: this.rationale,
        changes: [{ key: this.key(), value }],
        opensAt: new Date(this.opensAt).toISOString(),
        closesAt: new Date(this.closesAt).toISOString(),
        hiddenResults: this.hidden,
      })
      .subscribe({
        next: (p) => void this.router.navigate(['/proposals', p.id]),
        error: (error: unknown) => {
          this.error.set(toProblemText(this.t, error));
          this.busy.set(false);
        },
      });
  }
}
