import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { BallotChoice, ProposalCommentView } from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { toProblemText } from '../../core/api/problem-text';
import type { TranslationKey } from '../../core/i18n/en';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { StatusChipComponent } from '../../shared/status-chip.component';
import { GovernanceApi, type FederationProposalView } from './data/governance-api';
import { proposalTone, settingLabel, settingValueText } from './setting-format';

const CHOICES: readonly BallotChoice[] = ['yes', 'no', 'abstain'];

/**
 * Container: the federation's proposals. A federation admin or a coop's delegate drafts one,
 * edits and publishes it, or withdraws it before the first ballot; a delegate votes for the coop
 * in two taps; everyone who reads them discusses them.
 */
@Component({
  selector: 'fc-federation-proposals-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    RouterLink,
    StatusChipComponent,
  ],
  template: `
    @if (coopMember()) {
      <p class="back">
        <a routerLink="/proposals">← {{ t('gov.proposal.back') }}</a>
      </p>
    }
    <div class="page-head">
      <h1>{{ t('gov.federation.title') }}</h1>
      <div class="head-actions">
        @if (canNameDelegates()) {
          <a mat-stroked-button routerLink="/proposals/delegates">{{ t('gov.federation.delegatesLink') }}</a>
        }
        @if (canDraft()) {
          <a mat-flat-button [routerLink]="base() + '/new'">{{ t('gov.federation.new') }}</a>
        }
      </div>
    </div>
    <p class="muted">{{ t('gov.federation.body') }}</p>
    @if (error(); as message) {
      <p class="fc-error-banner" role="alert">{{ message }}</p>
    }
    @for (p of proposals(); track p.id) {
      <mat-card appearance="outlined" class="proposal" [id]="p.id" [attr.data-federation-proposal]="p.id">
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
          <p class="muted">{{ window(p) }}</p>
          @if (p.status !== 'draft' && p.status !== 'scheduled') {
            <p class="muted">{{ t('gov.federation.coops', { voted: p.voted, voters: p.voters }) }}</p>
          }
          @if (p.tally; as tally) {
            <p>{{ t('gov.federation.result', { yes: tally.yes, no: tally.no, abstain: tally.abstain }) }}</p>
          } @else if (p.hiddenResults && p.status === 'open') {
            <p class="muted">{{ t('gov.proposal.hidden') }}</p>
          }
          @if (p.me.isAuthor && canWithdraw(p)) {
            <div class="author-actions">
              @if (p.status === 'draft') {
                <a mat-stroked-button [routerLink]="base() + '/' + p.id + '/edit'">{{ t('gov.federation.edit') }}</a>
                <button mat-flat-button type="button" [disabled]="busy()" (click)="publish(p.id)">
                  {{ t('gov.proposal.publish') }}
                </button>
              }
              <button mat-button type="button" [disabled]="busy()" (click)="withdraw(p.id)">
                {{ t('gov.proposal.withdraw') }}
              </button>
            </div>
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
          @if (p.status !== 'draft') {
            @if (discussion()?.id === p.id) {
              <section class="discussion" [attr.aria-label]="t('gov.discussion.title')">
                <h3>{{ t('gov.discussion.title') }}</h3>
                @for (c of discussion()!.comments; track c.id) {
                  <div class="comment">
                    <strong>{{ c.authorName }}</strong>
                    <span class="muted"> · {{ date(c.createdAt) }}</span>
                    <p>{{ c.body }}</p>
                  </div>
                } @empty {
                  <p class="muted">{{ t('gov.discussion.empty') }}</p>
                }
                @if (p.status !== 'withdrawn') {
                  <form class="comment-form" (ngSubmit)="comment(p.id)">
                    <mat-form-field appearance="outline">
                      <mat-label>{{ t('gov.discussion.label') }}</mat-label>
                      <textarea matInput name="comment" rows="3" maxlength="4000" [(ngModel)]="draft"></textarea>
                    </mat-form-field>
                    <button mat-stroked-button type="submit" [disabled]="busy() || !draft.trim()">
                      {{ t('gov.discussion.send') }}
                    </button>
                  </form>
                }
              </section>
            } @else {
              <button mat-button type="button" class="open-discussion" (click)="openDiscussion(p.id)">
                {{ t('gov.federation.discuss') }}
              </button>
            }
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
    .page-head {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
      align-items: center;
      justify-content: space-between;
    }
    .head-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-2);
    }
    .author-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-2);
      margin: var(--fc-space-3) 0;
    }
    .open-discussion {
      margin-top: var(--fc-space-3);
    }
    .discussion {
      border-top: 1px solid var(--mat-sys-outline-variant);
      margin-top: var(--fc-space-3);
      padding-top: var(--fc-space-2);
    }
    .comment p {
      margin: var(--fc-space-1) 0 var(--fc-space-3);
      white-space: pre-wrap;
    }
    .comment-form {
      display: grid;
      gap: var(--fc-space-2);
      justify-items: start;
      mat-form-field {
        width: 100%;
      }
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
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  /** a coop's member or admin (the page sits under Proposals), else a federation admin (under Federation) */
  protected readonly coopMember = computed(() => this.auth.ability().can('read', 'Proposal'));
  protected readonly base = computed(() => (this.coopMember() ? '/proposals/federation' : '/federation/proposals'));
  private readonly delegate = signal(false);
  protected readonly canNameDelegates = computed(() => this.auth.ability().can('manage', 'Settings'));
  protected readonly canDraft = computed(() => this.auth.ability().can('manage', 'Coop') || this.delegate());
  protected readonly discussion = signal<{ id: string; comments: ProposalCommentView[] } | null>(null);
  protected draft = '';
  protected readonly t = this.i18n.t;
  protected readonly choices = CHOICES;
  protected readonly proposals = signal<FederationProposalView[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly pending = signal<{ id: string; choice: BallotChoice } | null>(null);
  protected readonly busy = signal(false);

  ngOnInit(): void {
    this.load();
    const me = this.auth.principal()?.userId;
    if (this.coopMember() && me) {
      this.api.delegates().subscribe({
        next: (delegates) => this.delegate.set(delegates.some((d) => d.userId === me)),
        error: () => this.delegate.set(false),
      });
    }
  }

  protected canWithdraw(p: FederationProposalView): boolean {
    return p.ballotCount === 0 && (p.status === 'draft' || p.status === 'scheduled' || p.status === 'open');
  }

  protected publish(id: string): void {
    this.act(this.api.publishFederation(id));
  }

  protected withdraw(id: string): void {
    this.act(this.api.withdrawFederation(id));
  }

  protected openDiscussion(id: string): void {
    this.draft = '';
    this.api.federationComments(id).subscribe({
      next: (comments) => this.discussion.set({ id, comments }),
      error: (error: unknown) => this.error.set(toProblemText(this.t, error)),
    });
  }

  protected comment(id: string): void {
    const body = this.draft.trim();
    if (!body) return;
    this.busy.set(true);
    this.api.federationComment(id, body).subscribe({
      next: (c) => {
        const open = this.discussion();
        if (open?.id === id) this.discussion.set({ id, comments: [...open.comments, c] });
        this.draft = '';
        this.busy.set(false);
      },
      error: (error: unknown) => {
        this.error.set(toProblemText(this.t, error));
        this.busy.set(false);
      },
    });
  }

  protected window(p: FederationProposalView): string {
    return this.t('gov.federation.window', { opens: this.date(p.opensAt), closes: this.date(p.closesAt) });
  }

  protected date(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  }

  private act(call: Observable<FederationProposalView>): void {
    this.busy.set(true);
    this.error.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.load();
      },
      error: (error: unknown) => {
        this.error.set(toProblemText(this.t, error));
        this.busy.set(false);
      },
    });
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
