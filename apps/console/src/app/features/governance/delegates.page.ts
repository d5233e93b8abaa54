import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { MemberView } from '@federacycle/contracts';
import { toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { MAX_PAGE_SIZE } from '../../shared/list/page-request';
import { PeopleApi } from '../people/data/people-api';
import { GovernanceApi, type Delegate } from './data/governance-api';

/**
 * Container: the coop admin names the coop's delegates (the members who cast the coop's vote on
 * federation proposals) and removes them. Every change saves the whole list.
 */
@Component({
  selector: 'fc-delegates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatSelectModule, RouterLink],
  template: `
    <p class="back">
      <a routerLink="/proposals/federation">← {{ t('gov.federation.title') }}</a>
    </p>
    <h1>{{ t('gov.delegates.title') }}</h1>
    <p class="muted">{{ t('gov.delegates.body') }}</p>
    @if (error(); as message) {
      <p class="fc-error-banner" role="alert">{{ message }}</p>
    }
    <mat-card appearance="outlined">
      <mat-card-content>
        <ul class="delegates">
          @for (d of delegates(); track d.userId) {
            <li [attr.data-delegate]="d.name">
              <span>{{ d.name }}</span>
              <button mat-button type="button" [disabled]="busy()" (click)="remove(d.userId)">
                {{ t('gov.delegates.remove') }}
              </button>
            </li>
          } @empty {
            <li class="muted">{{ t('gov.delegates.empty') }}</li>
          }
        </ul>
        <form class="add" (ngSubmit)="add()">
          <mat-form-field appearance="outline">
            <mat-label>{{ t('gov.delegates.member') }}</mat-label>
            <mat-select name="member" [(ngModel)]="picked">
              @for (m of candidates(); track m.userId) {
                <mat-option [value]="m.userId">{{ m.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="busy() || !picked">{{ t('gov.delegates.add') }}</button>
        </form>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
      max-width: 40rem;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .delegates {
      list-style: none;
      margin: 0 0 var(--fc-space-3);
      padding: 0;
      li {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--fc-space-2);
        min-height: 3rem;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .add {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--fc-space-3);
      align-items: flex-start;
      mat-form-field {
        flex: 1 1 14rem;
      }
      button {
        min-height: 3.5rem;
      }
    }
    @media (max-width: 600px) {
      .add button {
        flex: 1 1 100%;
      }
    }
  `,
})
export class DelegatesPage implements OnInit {
  private readonly api = inject(GovernanceApi);
  private readonly people = inject(PeopleApi);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly delegates = signal<Delegate[]>([]);
  private readonly members = signal<MemberView[]>([]);
  /** the coop's active members who are not delegates yet */
  protected readonly candidates = computed(() => {
    const named = new Set(this.delegates().map((d) => d.userId));
    return this.members().filter((m) => m.membershipStatus === 'active' && !named.has(m.userId));
  });
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected picked: string | null = null;

  ngOnInit(): void {
    this.api.delegates().subscribe({
      next: (list) => this.delegates.set(list),
      error: (error: unknown) => this.error.set(toProblemText(this.t, error)),
    });
    this.people.listMembers({ limit: MAX_PAGE_SIZE, offset: 0 }).subscribe({
      next: (page) => this.members.set(page.items),
      error: (error: unknown) => this.error.set(toProblemText(this.t, error)),
    });
  }

  protected add(): void {
    if (!this.picked) return;
    this.save([...this.delegates().map((d) => d.userId), this.picked]);
  }

  protected remove(userId: string): void {
    this.save(
      this.delegates()
        .map((d) => d.userId)
        .filter((id) => id !== userId),
    );
  }

  private save(userIds: string[]): void {
    this.busy.set(true);
    this.error.set(null);
    this.api.setDelegates(userIds).subscribe({
      next: (list) => {
        this.delegates.set(list);
        this.picked = null;
        this.busy.set(false);
      },
      error: (error: unknown) => {
        this.error.set(toProblemText(this.t, error));
        this.busy.set(false);
      },
    });
  }
}
