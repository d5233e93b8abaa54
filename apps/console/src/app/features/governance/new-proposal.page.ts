import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { SETTINGS_CATALOGUE, settingsOfScope, type SettingKey, type SettingScope } from '@federacycle/contracts';
import { toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import type { Observable } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { GovernanceApi, type NewProposal } from './data/governance-api';
import { settingValueText } from './setting-format';

const HOUR = 3_600_000;
const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/**
 * Container: drafting a proposal that changes one setting (the API checks everything): a coop
 * proposal, or (route data `scope: 'federation'`) a federation proposal by a federation admin or a
 * coop's delegate, saved as a draft to publish from the federation page; `id` edits that draft.
 */
@Component({
  selector: 'fc-new-proposal-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    RouterLink,
  ],
  template: `
    @if (scope() === 'federation') {
      <p class="back">
        <a [routerLink]="federationBase()">← {{ t('gov.federation.title') }}</a>
      </p>
      <h1>{{ t(id() ? 'gov.new.editFederationTitle' : 'gov.new.federationTitle') }}</h1>
      <p class="muted">{{ t('gov.new.federationBody') }}</p>
    } @else {
      <h1>{{ t('gov.new.title') }}</h1>
    }
    @if (statutory()) {
      <p class="muted">{{ t('gov.proposal.statutory') }}</p>
    }
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
          @for (s of settings(); track s.key) {
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
      <p class="muted hint">{{ t('gov.new.hiddenHint') }}</p>
      <div>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ t('gov.new.save') }}</button>
      </div>
    </form>
  `,
  styles: `
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .hint {
      margin: 0 0 var(--fc-space-2);
    }
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
export class NewProposalPage implements OnInit {
  private readonly api = inject(GovernanceApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  /** route data: whose settings the proposal changes */
  readonly scope = input<SettingScope>('coop');
  /** route parameter: the federation draft being edited */
  readonly id = input<string>();
  protected readonly settings = computed(() => settingsOfScope(this.scope()));
  /** the federation page: under Proposals for coop members, under Federation for its admins */
  protected readonly federationBase = computed(() =>
    this.auth.ability().can('read', 'Proposal') ? '/proposals/federation' : '/federation/proposals',
  );
  protected readonly key = signal<SettingKey>('dispatch_mode');
  protected readonly statutory = computed(() => SETTINGS_CATALOGUE[this.key()].statutory);
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
  /** a federation draft's own quorum and threshold (kept when it is edited) */
  private quorum: number | undefined;
  private threshold: number | undefined;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    if (this.scope() !== 'federation') return;
    const first = this.settings()[0];
    if (first) this.setKey(first.key);
    const id = this.id();
    if (!id) return;
    this.api.federationProposal(id).subscribe({
      next: (p) => {
        const change = p.changes[0];
        this.title = p.title;
        this.rationale = p.rationale;
        if (change) {
          this.key.set(change.key as SettingKey);
          this.value = change.to;
        }
        this.opensAt = local(new Date(p.opensAt));
        this.closesAt = local(new Date(p.closesAt));
        this.quorum = p.quorumPercent;
        this.threshold = p.thresholdPercent;
        this.hidden = p.hiddenResults;
      },
      error: (error: unknown) => this.error.set(toProblemText(this.t, error)),
    });
  }

  protected setKey(key: SettingKey): void {
    this.key.set(key);
    this.value = SETTINGS_CATALOGUE[key].default;
  }

  protected save(): void {
    this.busy.set(true);
    this.error.set(null);
    const value =
      typeof this.value === 'string' && /^-?\d+(\.\d+)?$/.test(this.value) ? Number(this.value) : this.value;
    const key = this.key();
    const body: NewProposal = {
      title: this.title,
      rationale: this.rationale,
      changes: [{ key, value }],
      opensAt: new Date(this.opensAt).toISOString(),
      closesAt: new Date(this.closesAt).toISOString(),
      hiddenResults: this.hidden,
      ...(this.quorum !== undefined ? { quorumPercent: this.quorum } : {}),
      // a statutory federation setting needs two thirds (the API refuses less)
      ...(this.scope() === 'federation'
        ? {
            thresholdPercent: SETTINGS_CATALOGUE[key].statutory
              ? Math.max(this.threshold ?? 0, 66.67)
              : (this.threshold ?? 50),
          }
        : {}),
    };
    const id = this.id();
    const call: Observable<{ id: string }> =
      this.scope() === 'federation'
        ? id
          ? this.api.updateFederation(id, body)
          : this.api.createFederation(body)
        : this.api.create(body);
    call.subscribe({
      next: (p) =>
        void (this.scope() === 'federation'
          ? this.router.navigate([this.federationBase()], { fragment: p.id })
          : this.router.navigate(['/proposals', p.id])),
      error: (error: unknown) => {
        this.error.set(toProblemText(this.t, error));
        this.busy.set(false);
      },
    });
  }
}
