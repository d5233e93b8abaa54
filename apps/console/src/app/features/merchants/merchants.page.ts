import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { MERCHANT_KINDS, type MerchantKind, type MerchantSummary } from '@federacycle/contracts';
import { toProblemText } from '../../core/api/problem-text';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { DataListComponent, type ListColumn } from '../../shared/list/data-list.component';
import { ListCellDirective } from '../../shared/list/list-cell.directive';
import { injectPagedList } from '../../shared/list/paged-list';
import { StatusChipComponent } from '../../shared/status-chip.component';
import { MerchantsApi, type MerchantFilters } from './data/merchants-api';
import { KIND_KEYS, formatWhen, stateTone } from './merchant-format';

/** Container: the coop's merchants (merchant staff: theirs), paged by the API, searchable and filtered. */
@Component({
  selector: 'fc-merchants-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    DataListComponent,
    ListCellDirective,
    EmptyStateComponent,
    StatusChipComponent,
  ],
  template: `
    <div class="head">
      <h1>{{ t('merchants.title') }}</h1>
      @if (canCreate()) {
        <a mat-flat-button routerLink="/merchants/new">{{ t('merchants.create') }}</a>
      }
    </div>
    <form class="filters" role="search" (submit)="$event.preventDefault(); apply()">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ t('merchants.search') }}</mat-label>
        <input matInput name="q" [ngModel]="q()" (ngModelChange)="q.set($event)" (keyup.enter)="apply()" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ t('merchants.kind') }}</mat-label>
        <mat-select name="kind" [ngModel]="kind()" (ngModelChange)="kind.set($event); apply()">
          <mat-option [value]="null">{{ t('merchants.kind.all') }}</mat-option>
          @for (k of kinds; track k) {
            <mat-option [value]="k">{{ t(kindKey(k)) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-chip-listbox [attr.aria-label]="t('merchants.filters')" multiple>
        <mat-chip-option [selected]="openNow()" (selectionChange)="openNow.set($event.selected); apply()">
          {{ t('merchants.openNow') }}
        </mat-chip-option>
        <mat-chip-option [selected]="paused()" (selectionChange)="paused.set($event.selected); apply()">
          {{ t('merchants.pausedFilter') }}
        </mat-chip-option>
      </mat-chip-listbox>
    </form>
    @if (error(); as message) {
      <p class="fc-error-banner" role="alert">
        {{ message }} <button mat-button type="button" (click)="list.load()">{{ t('common.retry') }}</button>
      </p>
    }
    <fc-data-list
      data-list="merchants"
      [items]="list.items()"
      [total]="list.total()"
      [pageIndex]="list.pageIndex()"
      [pageSize]="list.pageSize()"
      [loading]="list.loading()"
      [loadingLabel]="t('app.loading')"
      [columns]="columns()"
      [trackBy]="id"
      [label]="t('merchants.title')"
      (pageChange)="list.setPage($event)"
    >
      <ng-template fcCell="name" [fcCellOf]="list.items()" let-m>
        <a class="name" [routerLink]="['/merchants', m.id]">{{ m.name }}</a>
      </ng-template>
      <ng-template fcCell="kind" [fcCellOf]="list.items()" let-m>{{ t(kindKey(m.kind)) }}</ng-template>
      <ng-template fcCell="city" [fcCellOf]="list.items()" let-m>{{ m.city }}</ng-template>
      <ng-template fcCell="state" [fcCellOf]="list.items()" let-m>
        <fc-status-chip [tone]="tone(m)">{{ stateLabel(m) }}</fc-status-chip>
      </ng-template>
      <ng-template fcCell="actions" [fcCellOf]="list.items()" let-m>
        <a
          mat-stroked-button
          [routerLink]="['/merchants', m.id, 'menu']"
          [attr.aria-label]="t('merchants.menuOf', { name: m.name })"
        >
          {{ t('merchants.menu') }}
        </a>
      </ng-template>
      <div fcEmpty>
        @if (!error()) {
          <fc-empty-state
            [title]="t('merchants.empty')"
            [hint]="t(canCreate() ? 'merchants.emptyHint' : 'merchants.emptyHintStaff')"
          />
        }
      </div>
    </fc-data-list>
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--fc-space-4);
      flex-wrap: wrap;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
      align-items: center;
      margin-bottom: var(--fc-space-4);
    }
    .filters mat-form-field {
      flex: 1 1 14rem;
    }
    .name {
      font-weight: 600;
    }
  `,
})
export class MerchantsPage implements OnInit {
  private readonly api = inject(MerchantsApi);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly kinds = MERCHANT_KINDS;
  protected readonly q = signal('');
  protected readonly kind = signal<MerchantKind | null>(null);
  protected readonly openNow = signal(false);
  protected readonly paused = signal(false);
  private readonly filters = signal<MerchantFilters>({});
  protected readonly list = injectPagedList((page) => this.api.list(page, this.filters()));
  protected readonly error = computed(() => (this.list.error() ? toProblemText(this.t, this.list.error()) : null));
  protected readonly canCreate = computed(() => this.auth.ability().can('create', 'Merchant'));
  protected readonly columns = computed<ListColumn[]>(() => [
    { id: 'name', header: this.t('merchants.colName') },
    { id: 'kind', header: this.t('merchants.colKind') },
    { id: 'city', header: this.t('merchants.colCity') },
    { id: 'state', header: this.t('merchants.colState') },
    { id: 'actions', header: this.t('merchants.colActions'), actions: true },
  ]);
  protected readonly id = (m: MerchantSummary): string => m.id;

  ngOnInit(): void {
    this.list.load();
  }

  protected apply(): void {
    this.filters.set({ q: this.q().trim(), kind: this.kind(), openNow: this.openNow(), paused: this.paused() });
    this.list.pageIndex.set(0);
    this.list.load();
  }

  protected kindKey(kind: MerchantKind) {
    return KIND_KEYS[kind];
  }

  protected tone(m: MerchantSummary) {
    return stateTone(m.openNow, m.paused);
  }

  protected stateLabel(m: MerchantSummary): string {
    if (m.paused) return this.t('merchants.state.paused');
    if (m.openNow) return this.t('merchants.state.open');
    return m.nextChange
      ? this.t('merchants.state.closedOpens', { when: formatWhen(m.nextChange, this.i18n.locale(), m.timezone) })
      : this.t('merchants.state.closed');
  }
}
