import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { RouterLink } from '@angular/router';
import type { ProposalSummary } from '@federacycle/contracts';
import { toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import type { TranslationKey } from '../../core/i18n/en';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { DataListComponent, type ListColumn } from '../../shared/list/data-list.component';
import { ListCellDirective } from '../../shared/list/list-cell.directive';
import { injectPagedList } from '../../shared/list/paged-list';
import { StatusChipComponent } from '../../shared/status-chip.component';
import { GovernanceApi, type ProposalFilter } from './data/governance-api';
import { proposalTone, settingLabel, settingValueText } from './setting-format';

/** Container: the coop's proposals (open, upcoming, closed, my drafts), paged by the API. */
@Component({
  selector: 'fc-proposals-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    RouterLink,
    DataListComponent,
    ListCellDirective,
    EmptyStateComponent,
    StatusChipComponent,
  ],
  template: `
    <div class="head">
      <h1>{{ t('gov.proposals.title') }}</h1>
      <div class="head-actions">
        <a mat-stroked-button routerLink="/proposals/colleges">{{ t('gov.colleges.link') }}</a>
        <a mat-stroked-button routerLink="/proposals/federation">{{ t('gov.federation.link') }}</a>
        <a mat-flat-button routerLink="/proposals/new">{{ t('gov.proposals.new') }}</a>
      </div>
    </div>
    <mat-button-toggle-group
      class="filters"
      [value]="filter()"
      (change)="setFilter($event.value)"
      [attr.aria-label]="t('gov.proposals.title')"
    >
      @for (f of filters; track f.id) {
        <mat-button-toggle [value]="f.id">{{ t(f.label) }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
    @if (error(); as message) {
      <p class="fc-error-banner" role="alert">
        {{ message }}
        <button mat-button type="button" (click)="list.load()">{{ t('common.retry') }}</button>
      </p>
    }
    <fc-data-list
      data-list="proposals"
      [items]="list.items()"
      [total]="list.total()"
      [pageIndex]="list.pageIndex()"
      [pageSize]="list.pageSize()"
      [loading]="list.loading()"
      [loadingLabel]="t('app.loading')"
      [columns]="columns()"
      [trackBy]="id"
      [label]="t('gov.proposals.title')"
      (pageChange)="list.setPage($event)"
    >
      <ng-template fcCell="title" [fcCellOf]="list.items()" let-p>
        <a class="title" [routerLink]="['/proposals', p.id]">{{ p.title }}</a>
      </ng-template>
      <ng-template fcCell="changes" [fcCellOf]="list.items()" let-p>
        @for (c of p.changes; track c.key) {
          <div class="change">
            {{ t('gov.change', { setting: label(c.key), from: value(c.key, c.from), to: value(c.key, c.to) }) }}
          </div>
        }
      </ng-template>
      <ng-template fcCell="window" [fcCellOf]="list.items()" let-p>{{ windowText(p) }}</ng-template>
      <ng-template fcCell="participation" [fcCellOf]="list.items()" let-p>{{ participation(p) }}</ng-template>
      <ng-template fcCell="status" [fcCellOf]="list.items()" let-p>
        <fc-status-chip [tone]="tone(p)">{{ statusText(p) }}</fc-status-chip>
      </ng-template>
      <div fcEmpty>
        @if (!error()) {
          <fc-empty-state [title]="t(emptyKey())" [hint]="t('gov.proposals.emptyHint')" />
        }
      </div>
    </fc-data-list>
  `,
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--fc-space-3);
    }
    .head-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-2);
    }
    .filters {
      margin: var(--fc-space-3) 0 var(--fc-space-4);
      flex-wrap: wrap;
    }
    .title {
      font-weight: 600;
    }
    .change {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ProposalsPage implements OnInit {
  private readonly api = inject(GovernanceApi);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly filter = signal<ProposalFilter>('open');
  protected readonly filters: ReadonlyArray<{ id: ProposalFilter; label: TranslationKey }> = [
    { id: 'open', label: 'gov.proposals.open' },
    { id: 'upcoming', label: 'gov.proposals.upcoming' },
    { id: 'closed', label: 'gov.proposals.closed' },
    { id: 'draft', label: 'gov.proposals.drafts' },
  ];
  protected readonly list = injectPagedList((page) => this.api.list(this.filter(), page));
  protected readonly error = computed(() =>
    this.list.error() === null ? null : toProblemText(this.t, this.list.error()),
  );
  protected readonly columns = computed<ListColumn[]>(() => [
    { id: 'title', header: this.t('gov.proposals.colTitle') },
    { id: 'changes', header: this.t('gov.proposals.colChanges') },
    { id: 'window', header: this.t('gov.proposals.colWindow') },
    { id: 'participation', header: this.t('gov.proposals.colParticipation') },
    { id: 'status', header: this.t('gov.proposals.colStatus') },
  ]);
  protected readonly emptyKey = computed<TranslationKey>(
    () => `gov.proposals.empty.${this.filter()}` as TranslationKey,
  );
  protected readonly id = (p: ProposalSummary): string => p.id;

  ngOnInit(): void {
    this.list.load();
  }

  protected setFilter(filter: ProposalFilter): void {
    this.filter.set(filter);
    this.list.restart();
  }

  protected label(key: string): string {
    return settingLabel(key, this.i18n.lang());
  }

  protected value(key: string, value: string | number | boolean): string {
    return settingValueText(key, value, this.i18n.lang(), this.i18n.locale());
  }

  protected date(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  }

  protected windowText(p: ProposalSummary): string {
    if (p.status === 'scheduled' || p.status === 'draft') return this.t('gov.opensOn', { date: this.date(p.opensAt) });
    if (p.status === 'open') return this.t('gov.closesOn', { date: this.date(p.closesAt) });
    return this.t('gov.closedOn', { date: this.date(p.closesAt) });
  }

  protected participation(p: ProposalSummary): string {
    if (p.participationPercent === null) return this.t('gov.participationNone');
    return this.t('gov.participation', { voted: p.voted, voters: p.voters, percent: p.participationPercent });
  }

  protected tone(p: ProposalSummary) {
    return proposalTone(p.status, p.outcome);
  }

  protected statusText(p: ProposalSummary): string {
    if ((p.status === 'closed' || p.status === 'enacted') && p.outcome) {
      const outcome = this.t(`gov.outcome.${p.outcome}` as TranslationKey);
      return p.status === 'enacted' ? `${outcome} · ${this.t('gov.status.enacted')}` : outcome;
    }
    return this.t(`gov.status.${p.status}` as TranslationKey);
  }
}
