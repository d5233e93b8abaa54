import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import type { BallotChoice } from '@federacycle/contracts';
import { toProblemText } from '../../core/api/problem-text';
import type { TranslationKey } from '../../core/i18n/en';
import { I18nService } from '../../core/i18n/i18n.service';
import { StatusChipComponent } from '../../shared/status-chip.component';
import { GovernanceApi, type FederationProposalView } from './data/governance-api';
import { proposalTone, settingLabel, settingValueText } from './setting-format';

const CHOICES: readonly BallotChoice[] = ['yes', 'no', 'abstain'];

/** Container: the federation's proposals; a coop's delegate votes for the coop in two taps. */
@Component({
  selector: 'fc-federation-proposals-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCardModule, RouterLink, StatusChipComponent],
  template: `
    <p class="back">
      <a routerLink="/proposals">← {{ t('gov.proposal.back') }}</a>
    </p>
    <h1>{{ t('gov.federation.title') }}</h1>
    <p class="muted">{{ t('gov.federation.body') }}</p>
    @if (error(); as message) {
      <p class="fc-error-banner" role="alert">{{ message }}</p>
    }
    @for (p of proposals(); track p.id) {
      <mat-card appearance="outlined" class="proposal" [attr.data-federation-proposal]="p.id">
        <mat-card-content>
          <div class="head">
            <h2>{{ p.title }}</h2>
            <fc-status-chip [tone]="tone(p)">{{ statusText(p) }}</fc-status-chip>
          </div>
          @for (c of p.changes; track c.key) {
            <p class="change">
              {{ t('gov.change', { setting: label(c.key), from: value(c.key, c.from), to: value(c.key, c.to) }) }}
            </p>
          }
          <p class="muted">
            {{ t('gov.proposal.rules', { quorum: p.quorumPercent, threshold: p.thresholdPercent }) }}
            @if (p.statutory) {
              · {{ t('gov.proposal.statutory') }}
            }
          </p>
          <p class="muted">{{ t('gov.federation.coops', { voted: p.voted, voters: p.voters }) }}</p>
          @if (p.tally; as tally) {
            <p>{{ t('gov.federation.result', { yes: tally.yes, no: tally.no, abstain: tally.abstain }) }}</p>
          }
          @if (p.status === 'open' && p.me.isDelegate && p.me.coopVoter) {
            <h3>{{ t('gov.federation.voteFor') }}</h3>
            @if (p.me.coopChoice) {
              <p>{{ t('gov.vote.current', { choice: choiceText(p.me.coopChoice) }) }}</p>
            }
            @if (pending()?.id === p.id) {
              <div class="choices">
                <button mat-flat-button type="button" class="big" [disabled]="busy()" (click)="confirm(p.id)">
                  {{ t('gov.vote.confirm', { choice: choiceText(pending()!.choice) }) }}
                </button>
                <button mat-button type="button" (click)="pending.set(null)">{{ t('gov.vote.cancel') }}</button>
              </div>
            } @else {
              <div class="choices">
                @for (c of choices; track c) {
                  <button
                    mat-stroked-button
                    type="button"
                    class="big"
                    [class.selected]="p.me.coopChoice === c"
                    [attr.aria-pressed]="p.me.coopChoice === c"
                    (click)="pending.set({ id: p.id, choice: c })"
                  >
                    {{ choiceText(c) }}
                  </button>
                }
              </div>
            }
          } @else if (p.status === 'open') {
            <p class="muted">{{ t('gov.federation.delegatesVote') }}</p>
          }
        </mat-card-content>
      </mat-card>
    } @empty {
      <p class="muted">{{ t('gov.federation.empty') }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 60rem;
    }
    .proposal {
      margin-top: var(--fc-space-4);
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
      align-items: center;
      h2 {
        margin: 0;
      }
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
    }
    .big {
      min-height: 3.25rem;
      min-width: 8rem;
    }
    .selected {
      border-width: 2px;
      border-color: var(--mat-sys-primary);
    }
    @media (max-width: 600px) {
      .choices .big {
        flex: 1 1 100%;
      }
    }
  `,
})
export class FederationProposalsPage implements OnInit {
  private readonly api = inject(GovernanceApi);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly choices = CHOICES;
  protected readonly proposals = signal<FederationProposalView[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly pending = signal<{ id: string; choice: BallotChoice } | null>(null);
  protected readonly busy = signal(false);

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.api.federationProposals().subscribe({
      next: (list) => this.proposals.set(list),
      error: (error: unknown) => this.error.set(toProblemText(this.t, error)),
    });
  }

  protected confirm(id: string): void {
    const pending = this.pending();
    if (!pending) return;
    this.busy.set(true);
    this.api.federationVote(id, pending.choice).subscribe({
      next: () => {
        this.pending.set(null);
        this.busy.set(false);
        this.load();
      },
      error: (error: unknown) => {
        this.error.set(toProblemText(this.t, error));
        this.busy.set(false);
      },
    });
  }

  protected choiceText(choice: BallotChoice): string {
    return this.t(`gov.vote.${choice}` as TranslationKey);
  }

  protected label(key: string): string {
    return settingLabel(key, this.i18n.lang());
  }

  protected value(key: string, value: string | number | boolean): string {
    return settingValueText(key, value, this.i18n.lang(), this.i18n.locale());
  }

  protected tone(p: FederationProposalView) {
    return proposalTone(p.status, p.outcome);
  }

  protected statusText(p: FederationProposalView): string {
    if ((p.status === 'closed' || p.status === 'enacted') && p.outcome) {
      return this.t(`gov.outcome.${p.outcome}` as TranslationKey);
    }
    return this.t(`gov.status.${p.status}` as TranslationKey);
  }
}
