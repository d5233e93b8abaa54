import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { SETTINGS_CATALOGUE, type SettingVersionView, type SettingView } from '@federacycle/contracts';
import { forkJoin } from 'rxjs';
import { toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { StatusChipComponent } from '../../shared/status-chip.component';
import { GovernanceApi } from './data/governance-api';
import { settingHelp, settingLabel, settingValueText } from './setting-format';

/** Container: every setting of the coop and of the federation, its value and its history. */
@Component({
  selector: 'fc-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCardModule, RouterLink, StatusChipComponent],
  template: `
    <h1>{{ t('gov.settings.title') }}</h1>
    @if (error(); as message) {
      <p class="fc-error-banner" role="alert">
        {{ message }} <button mat-button type="button" (click)="load()">{{ t('common.retry') }}</button>
      </p>
    }
    @for (group of groups(); track group.id) {
      <section class="group" [attr.aria-labelledby]="'settings-' + group.id" [attr.data-scope]="group.id">
        <h2 [id]="'settings-' + group.id">
          {{ t(group.id === 'coop' ? 'gov.settings.coop' : 'gov.settings.federation') }}
        </h2>
        <div class="grid">
          @for (s of group.settings; track s.key) {
            <mat-card appearance="outlined" class="setting" [attr.data-setting]="s.key">
              <mat-card-content>
                <div class="title-row">
                  <h3>{{ label(s.key) }}</h3>
                  @if (statutory(s.key)) {
                    <fc-status-chip tone="info">{{ t('gov.settings.statutory') }}</fc-status-chip>
                  }
                </div>
                <p class="help">{{ help(s.key) }}</p>
                <p class="current">
                  <span class="current-label">{{ t('gov.settings.current') }}</span>
                  <strong data-current>{{ value(s.key, s.value) }}</strong>
                </p>
                <h4>{{ t('gov.settings.history') }}</h4>
                <ul class="history">
                  @for (v of s.history; track v.version) {
                    <li>
                      <strong>{{ value(s.key, v.value) }}</strong>
                      @if (v.effectiveAt) {
                        <span class="muted"> · {{ t('gov.settings.since', { date: date(v.effectiveAt) }) }}</span>
                      }
                      <span class="source">
                        @if (v.proposalId) {
                          <a [routerLink]="['/proposals', v.proposalId]">{{ byProposal(v) }}</a>
                        } @else if (v.source === 'admin') {
                          {{ t('gov.settings.admin') }}
                        } @else {
                          {{ t('gov.settings.initial') }}
                        }
                      </span>
                    </li>
                  }
                </ul>
              </mat-card-content>
            </mat-card>
          }
        </div>
      </section>
    }
  `,
  styles: `
    .group {
      margin-top: var(--fc-space-5);
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr));
      gap: var(--fc-space-4);
    }
    .title-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--fc-space-2);
      justify-content: space-between;
      h3 {
        margin: 0;
      }
    }
    .help,
    .muted,
    .current-label {
      color: var(--mat-sys-on-surface-variant);
    }
    .current {
      display: flex;
      gap: var(--fc-space-2);
      align-items: baseline;
      font-size: 1.1rem;
    }
    h4 {
      margin: var(--fc-space-3) 0 var(--fc-space-1);
    }
    .history {
      list-style: none;
      margin: 0;
      padding: 0 0 0 var(--fc-space-3);
      border-left: 2px solid var(--mat-sys-outline-variant);
      li {
        margin: var(--fc-space-2) 0;
      }
    }
    .source {
      display: block;
    }
  `,
})
export class SettingsPage implements OnInit {
  private readonly api = inject(GovernanceApi);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly groups = signal<Array<{ id: 'coop' | 'federation'; settings: SettingView[] }>>([]);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    forkJoin([this.api.coopSettings(), this.api.federationSettings()]).subscribe({
      next: ([coop, federation]) => {
        this.groups.set([
          { id: 'coop', settings: coop },
          { id: 'federation', settings: federation },
        ]);
        this.error.set(null);
      },
      error: (error: unknown) => this.error.set(toProblemText(this.t, error)),
    });
  }

  protected label(key: string): string {
    return settingLabel(key, this.i18n.lang());
  }

  protected help(key: string): string {
    return settingHelp(key, this.i18n.lang());
  }

  protected statutory(key: string): boolean {
    return key in SETTINGS_CATALOGUE && SETTINGS_CATALOGUE[key as keyof typeof SETTINGS_CATALOGUE].statutory;
  }

  protected value(key: string, value: string | number | boolean): string {
    return settingValueText(key, value, this.i18n.lang(), this.i18n.locale());
  }

  protected date(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  }

  protected byProposal(v: SettingVersionView): string {
    return this.t('gov.settings.byProposal', { title: v.proposalTitle ?? '' });
  }
}
