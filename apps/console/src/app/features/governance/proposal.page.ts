import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type {
  BallotChoice,
  ChainVerification,
  ProposalCommentView,
  ProposalTally,
  ProposalView,
} from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { toProblemText } from '../../core/api/problem-text';
import { AuthService } from '../../core/auth/auth.service';
import type { TranslationKey } from '../../core/i18n/en';
import { I18nService } from '../../core/i18n/i18n.service';
import { StatusChipComponent } from '../../shared/status-chip.component';
import { GovernanceApi, type Voter } from './data/governance-api';
import { renderMarkdown } from './markdown';
import { proposalTone, settingLabel, settingValueText } from './setting-format';

const CHOICES: readonly BallotChoice[] = ['yes', 'no', 'abstain'];

/**
 * Container: one proposal. Rationale (Markdown, sanitised), changes "from → to", voting in two
 * taps (choose, confirm), proxies, votes held for others, results as bars after close, the ballot
 * chain head and its check, the discussion.
 */
@Component({
  selector: 'fc-proposal-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    StatusChipComponent,
  ],
  templateUrl: './proposal.page.html',
  styleUrl: './proposal.page.scss',
})
export class ProposalPage implements OnInit {
  readonly id = input.required<string>();
  private readonly api = inject(GovernanceApi);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly t = this.i18n.t;
  protected readonly choices = CHOICES;

  protected readonly proposal = signal<ProposalView | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** the first tap: the choice waiting for confirmation (for the caller, or for `pendingFor`) */
  protected readonly pending = signal<BallotChoice | null>(null);
  protected readonly pendingFor = signal<string | null>(null);
  protected readonly receipt = signal<string | null>(null);
  protected readonly voters = signal<Voter[]>([]);
  protected holderId = '';
  protected readonly comments = signal<ProposalCommentView[]>([]);
  protected commentText = '';
  protected readonly verification = signal<ChainVerification | null>(null);

  protected readonly rationale = computed(() => renderMarkdown(this.proposal()?.rationale ?? ''));
  protected readonly canVote = computed(() => {
    const p = this.proposal();
    return p !== null && p.status === 'open' && p.me.isVoter && p.me.proxyTo === null;
  });
  protected readonly proxyCandidates = computed(() => this.voters().filter((v) => v.userId !== this.myId()));
  protected readonly proxyHolderName = computed(() => {
    const to = this.proposal()?.me.proxyTo;
    return this.voters().find((v) => v.userId === to)?.name ?? '';
  });
  private readonly auth = inject(AuthService);
  protected readonly myId = computed(() => this.auth.principal()?.userId ?? null);

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.api.get(this.id()).subscribe({
      next: (p) => {
        this.proposal.set(p);
        this.loadError.set(null);
        if (p.status !== 'draft' && p.status !== 'scheduled') {
          this.api.voters(p.id).subscribe({ next: (v) => this.voters.set(v) });
        }
        if (p.status !== 'draft') this.api.comments(p.id).subscribe({ next: (c) => this.comments.set(c) });
      },
      error: (error: unknown) => this.loadError.set(toProblemText(this.t, error)),
    });
  }

  protected choose(choice: BallotChoice, forMember: string | null = null): void {
    this.pending.set(choice);
    this.pendingFor.set(forMember);
  }

  protected cancelChoice(): void {
    this.pending.set(null);
    this.pendingFor.set(null);
  }

  protected confirm(): void {
    const p = this.proposal();
    const choice = this.pending();
    if (!p || !choice) return;
    this.run(this.api.vote(p.id, choice, this.pendingFor() ?? undefined), (receipt) => {
      this.receipt.set(this.t('gov.vote.receipt', { seq: receipt.seq, hash: receipt.hash.slice(0, 16) }));
      this.snackBar.open(this.t('gov.vote.recorded', { choice: this.choiceText(choice) }), undefined, {
        duration: 4000,
      });
      this.cancelChoice();
    });
  }

  protected giveProxy(): void {
    const p = this.proposal();
    if (!p || !this.holderId) return;
    const name = this.voters().find((v) => v.userId === this.holderId)?.name ?? '';
    this.run(this.api.grantProxy(p.id, this.holderId), () => {
      this.snackBar.open(this.t('gov.proxy.given', { name }), undefined, { duration: 4000 });
    });
  }

  protected revokeProxy(): void {
    const p = this.proposal();
    if (!p) return;
    this.run(this.api.revokeProxy(p.id), () => {
      this.snackBar.open(this.t('gov.proxy.revoked'), undefined, { duration: 4000 });
    });
  }

  protected publish(): void {
    const p = this.proposal();
    if (p) this.run(this.api.publish(p.id), () => undefined);
  }

  protected withdraw(): void {
    const p = this.proposal();
    if (p) this.run(this.api.withdraw(p.id), () => undefined);
  }

  protected sendComment(): void {
    const p = this.proposal();
    const body = this.commentText.trim();
    if (!p || !body) return;
    this.busy.set(true);
    this.api.comment(p.id, body).subscribe({
      next: (c) => {
        this.comments.update((list) => [...list, c]);
        this.commentText = '';
        this.busy.set(false);
      },
      error: (error: unknown) => {
        this.actionError.set(toProblemText(this.t, error));
        this.busy.set(false);
      },
    });
  }

  protected verify(): void {
    const p = this.proposal();
    if (!p) return;
    this.api.verify(p.id).subscribe({
      next: (v) => this.verification.set(v),
      error: (error: unknown) => this.actionError.set(toProblemText(this.t, error)),
    });
  }

  private run<T>(call: Observable<T>, done: (value: T) => void): void {
    this.busy.set(true);
    this.actionError.set(null);
    call.subscribe({
      next: (value) => {
        done(value);
        this.busy.set(false);
        this.load();
      },
      error: (error: unknown) => {
        this.actionError.set(toProblemText(this.t, error));
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

  protected date(iso: string | null): string {
    if (!iso) return '';
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  }

  protected statusText(p: ProposalView): string {
    if ((p.status === 'closed' || p.status === 'enacted') && p.outcome) {
      const outcome = this.t(`gov.outcome.${p.outcome}` as TranslationKey);
      return p.status === 'enacted' ? `${outcome} · ${this.t('gov.status.enacted')}` : outcome;
    }
    return this.t(`gov.status.${p.status}` as TranslationKey);
  }

  protected tone(p: ProposalView) {
    return proposalTone(p.status, p.outcome);
  }

  /** bar widths of the results chart, in percent of the voters */
  protected bars(tally: ProposalTally): Array<{ id: BallotChoice; count: number; percent: number }> {
    const total = Math.max(tally.voted, 1);
    return CHOICES.map((id) => ({ id, count: tally[id], percent: Math.round((tally[id] / total) * 1000) / 10 }));
  }

  /** the coop votes by colleges: each college's share is shown beside the weighted result */
  protected hasColleges(tally: ProposalTally): boolean {
    return tally.colleges.some((c) => c.collegeId !== null);
  }

  protected percent(value: number | null): string {
    return value === null
      ? '—'
      : `${new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: 2 }).format(value)}\u00a0%`;
  }
}
