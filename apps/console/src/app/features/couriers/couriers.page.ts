import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { VEHICLES, type CourierView, type Vehicle } from '@federacycle/contracts';
import { toProblemText } from '../../core/api/problem-text';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { DataListComponent, type ListColumn } from '../../shared/list/data-list.component';
import { ListCellDirective } from '../../shared/list/list-cell.directive';
import { injectPagedList } from '../../shared/list/paged-list';
import { StatusChipComponent } from '../../shared/status-chip.component';
import { FleetApi } from './data/fleet-api';
import { skillLabel, vehicleKey } from './fleet-labels';
import { OwnershipCardComponent } from './ownership-card.component';

/** Container: the coop's couriers (search, vehicle, on duty now; paged by the API) and, for admins, worker ownership. */
@Component({
  selector: 'fc-couriers-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatInputModule,
    MatSelectModule,
    DataListComponent,
    ListCellDirective,
    EmptyStateComponent,
    StatusChipComponent,
    OwnershipCardComponent,
  ],
  template: `
    <div class="heading">
      <h1>{{ t('couriers.title') }}</h1>
      <div class="actions">
        <a mat-stroked-button routerLink="/couriers/shifts">{{ t('couriers.shiftsLink') }}</a>
        @if (canCreate()) {
          <a mat-flat-button routerLink="/couriers/new" data-action="new-courier">{{ t('couriers.new') }}</a>
        }
      </div>
    </div>

    @if (canManage()) {
      <fc-ownership-card class="ownership" />
    }

    <form class="filters" role="search" (submit)="$event.preventDefault(); couriers.restart()">
      <mat-form-field class="search" subscriptSizing="dynamic">
        <mat-label>{{ t('couriers.search') }}</mat-label>
        <input matInput type="search" name="q" [ngModel]="q()" (ngModelChange)="setQuery($event)" />
      </mat-form-field>
      <mat-form-field class="vehicle" subscriptSizing="dynamic">
        <mat-label>{{ t('couriers.vehicleFilter') }}</mat-label>
        <mat-select name="vehicle" [ngModel]="vehicle()" (ngModelChange)="setVehicle($event)">
          <mat-option value="">{{ t('couriers.anyVehicle') }}</mat-option>
          @for (v of vehicles; track v) {
            <mat-option [value]="v">{{ t(vehicleKey(v)) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-checkbox name="onDuty" [ngModel]="onDutyOnly()" (ngModelChange)="setOnDuty($event)">
        {{ t('couriers.onDutyOnly') }}
      </mat-checkbox>
    </form>

    @if (listError(); as message) {
      <p class="fc-error-banner" role="alert">
        {{ message }}
        <button mat-button type="button" (click)="couriers.load()">{{ t('common.retry') }}</button>
      </p>
    }
    <fc-data-list
      data-list="couriers"
      [items]="couriers.items()"
      [total]="couriers.total()"
      [pageIndex]="couriers.pageIndex()"
      [pageSize]="couriers.pageSize()"
      [loading]="couriers.loading()"
      [loadingLabel]="t('app.loading')"
      [columns]="columns()"
      [trackBy]="courierId"
      [label]="t('couriers.list')"
      (pageChange)="couriers.setPage($event)"
    >
      <ng-template fcCell="name" [fcCellOf]="couriers.items()" let-c>
        <a class="name" [routerLink]="['/couriers', c.id]">{{ c.displayName }}</a>
        <span class="email">{{ c.email }}</span>
      </ng-template>
      <ng-template fcCell="vehicle" [fcCellOf]="couriers.items()" let-c>{{ t(vehicleKey(c.vehicle)) }}</ng-template>
      <ng-template fcCell="capacity" [fcCellOf]="couriers.items()" let-c>
        {{
          t('couriers.capacityValue', {
            kg: c.capacity.weightKg,
            litres: c.capacity.volumeLitres,
            boxes: c.capacity.boxes,
          })
        }}
      </ng-template>
      <ng-template fcCell="skills" [fcCellOf]="couriers.items()" let-c>
        @for (s of c.skills; track s) {
          <span class="tag">{{ skill(s) }}</span>
        }
      </ng-template>
      <ng-template fcCell="member" [fcCellOf]="couriers.items()" let-c>
        <fc-status-chip [tone]="c.memberOwner ? 'ok' : 'neutral'">
          {{ t(c.memberOwner ? 'couriers.memberYes' : 'couriers.memberNo') }}
        </fc-status-chip>
      </ng-template>
      <ng-template fcCell="status" [fcCellOf]="couriers.items()" let-c>
        @if (!c.active) {
          <fc-status-chip tone="neutral">{{ t('couriers.inactive') }}</fc-status-chip>
        } @else if (c.onDutySince) {
          <fc-status-chip tone="info">{{ t('couriers.onDuty') }}</fc-status-chip>
        } @else {
          <fc-status-chip tone="neutral">{{ t('couriers.offDuty') }}</fc-status-chip>
        }
      </ng-template>
      <ng-template fcCell="actions" [fcCellOf]="couriers.items()" let-c>
        <a
          mat-stroked-button
          [routerLink]="['/couriers', c.id]"
          [attr.aria-label]="t('couriers.openFor', { name: c.displayName })"
        >
          {{ t('couriers.open') }}
        </a>
      </ng-template>
      <div fcEmpty>
        @if (!listError()) {
          <fc-empty-state
            [title]="t('couriers.empty')"
            [hint]="t(filtered() ? 'couriers.emptyFiltered' : 'couriers.emptyHint')"
          />
        }
      </div>
    </fc-data-list>
  `,
  styles: `
    .heading {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
      align-items: center;
      justify-content: space-between;
    }
    .actions {
      display: flex;
      gap: var(--fc-space-2);
    }
    .ownership {
      display: block;
      margin-bottom: var(--fc-space-4);
      max-width: 36rem;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
      align-items: center;
      margin-bottom: var(--fc-space-3);
    }
    .search {
      flex: 2 1 16rem;
    }
    .vehicle {
      flex: 1 1 10rem;
    }
    .name {
      font-weight: 600;
    }
    .email {
      display: block;
      font: var(--fc-font-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .tag {
      display: inline-block;
      margin: 0 var(--fc-space-1) var(--fc-space-1) 0;
      padding: 0 var(--fc-space-2);
      border-radius: var(--fc-radius-s, 8px);
      background: var(--mat-sys-surface-container-high);
      font: var(--fc-font-small);
    }
  `,
})
export class CouriersPage implements OnInit {
  private readonly api = inject(FleetApi);
  private readonly auth = inject(AuthService);
  protected readonly t = inject(I18nService).t;
  protected readonly vehicles = VEHICLES;
  protected readonly vehicleKey = vehicleKey;

  protected readonly q = signal('');
  protected readonly vehicle = signal<Vehicle | ''>('');
  protected readonly onDutyOnly = signal(false);
  protected readonly filtered = computed(() => this.q().trim() !== '' || this.vehicle() !== '' || this.onDutyOnly());
  protected readonly canCreate = computed(() => this.auth.ability().can('create', 'Courier'));
  protected readonly canManage = computed(() => this.auth.ability().can('manage', 'Courier'));

  protected readonly couriers = injectPagedList((page) =>
    this.api.listCouriers(page, { q: this.q(), vehicle: this.vehicle(), onDutyOnly: this.onDutyOnly() }),
  );
  protected readonly listError = computed(() => {
    const error = this.couriers.error();
    return error === null ? null : toProblemText(this.t, error);
  });
  protected readonly columns = computed<ListColumn[]>(() => [
    { id: 'name', header: this.t('couriers.colName') },
    { id: 'vehicle', header: this.t('couriers.colVehicle') },
    { id: 'capacity', header: this.t('couriers.colCapacity') },
    { id: 'skills', header: this.t('couriers.colSkills') },
    { id: 'member', header: this.t('couriers.colMember') },
    { id: 'status', header: this.t('couriers.colStatus') },
    { id: 'actions', header: this.t('couriers.colActions'), actions: true },
  ]);
  protected readonly courierId = (c: CourierView): string => c.id;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;

  ngOnInit(): void {
    this.couriers.load();
  }

  protected skill(s: string): string {
    return skillLabel(this.t, s);
  }

  protected setQuery(value: string): void {
    this.q.set(value);
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.couriers.restart(), 250);
  }

  protected setVehicle(value: Vehicle | ''): void {
    this.vehicle.set(value);
    this.couriers.restart();
  }

  protected setOnDuty(value: boolean): void {
    this.onDutyOnly.set(value);
    this.couriers.restart();
  }
}
