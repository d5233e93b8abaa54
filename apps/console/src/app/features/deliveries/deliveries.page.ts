import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  DELIVERY_STATES,
  type CreateDeliveryRequest,
  type DeliverySearch,
  type DeliveryState,
  type DeliverySummaryView,
  type TimeSlotChoice,
  type TimeSlotView,
} from '@federacycle/contracts';
import { DOCUMENT } from '@angular/common';
import { problemText, toProblemText } from '../../core/api/problem-text';
import { toApiProblem } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { DataListComponent, type ListColumn } from '../../shared/list/data-list.component';
import { ListCellDirective } from '../../shared/list/list-cell.directive';
import { injectPagedList } from '../../shared/list/paged-list';
import { StatusChipComponent, deliveryTone } from '../../shared/status-chip.component';
import { FleetApi } from '../couriers/data/fleet-api';
import { MerchantsApi } from '../merchants/data/merchants-api';
import { DispatchApi } from './data/dispatch-api';
import { DeliveryFormComponent } from './delivery-form.component';

/** Container: the coop's deliveries, paged by the API; dispatchers create them here. */
@Component({
  selector: 'fc-deliveries-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCardModule,
    MatSelectModule,
    MatInputModule,
    RouterLink,
    DataListComponent,
    ListCellDirective,
    EmptyStateComponent,
    StatusChipComponent,
    DeliveryFormComponent,
  ],
  templateUrl: './deliveries.page.html',
  styleUrl: './deliveries.page.scss',
})
export class DeliveriesPage implements OnInit {
  private readonly api = inject(DispatchApi);
  private readonly auth = inject(AuthService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly states = DELIVERY_STATES;
  protected readonly tone = deliveryTone;

  protected readonly canCreate = computed(() => this.auth.ability().can('create', 'Delivery'));
  private readonly document = inject(DOCUMENT);
  /** the search as the API takes it (state, days, merchant, courier, address piece) */
  protected readonly search = signal<DeliverySearch>({});
  protected readonly deliveries = injectPagedList((page) => this.api.listDeliveries(page, this.search()));
  protected readonly merchants = signal<Array<{ id: string; name: string }>>([]);
  protected readonly couriers = signal<Array<{ id: string; name: string }>>([]);
  protected readonly exporting = signal(false);
  protected readonly listError = computed(() => {
    const error = this.deliveries.error();
    return error === null ? null : toProblemText(this.t, error);
  });
  /** the coop's time slots (the creation form offers them) and the chosen one's windows */
  protected readonly slots = signal<TimeSlotView[]>([]);
  protected readonly slotChoices = signal<TimeSlotChoice[] | null>(null);
  protected readonly creating = signal(false);
  protected readonly createError = signal<string | null>(null);
  private readonly form = viewChild(DeliveryFormComponent);

  protected readonly columns = computed<ListColumn[]>(() => [
    { id: 'reference', header: this.t('deliveries.colReference') },
    { id: 'route', header: this.t('deliveries.colRoute') },
    { id: 'state', header: this.t('deliveries.colState') },
    { id: 'people', header: this.t('deliveries.colPeople') },
    { id: 'window', header: this.t('deliveries.colWindow') },
    { id: 'created', header: this.t('deliveries.colCreated') },
  ]);
  protected readonly deliveryId = (d: DeliverySummaryView): string => d.id;

  private readonly merchantsApi = inject(MerchantsApi);
  private readonly fleetApi = inject(FleetApi);

  ngOnInit(): void {
    this.deliveries.load();
    // the filters' choices (a coop has tens of merchants and couriers: the first 200 of each)
    this.merchantsApi.list({ limit: 200, offset: 0 }).subscribe({
      next: (page) => this.merchants.set(page.items.map((m) => ({ id: m.id, name: m.name }))),
      error: () => this.merchants.set([]),
    });
    if (this.canCreate()) {
      this.api.listTimeSlots().subscribe({
        next: (list) => this.slots.set(list.items),
        error: () => this.slots.set([]),
      });
    }
    this.fleetApi.listCouriers({ limit: 200, offset: 0 }).subscribe({
      next: (page) => this.couriers.set(page.items.map((c) => ({ id: c.id, name: c.displayName }))),
      error: () => this.couriers.set([]),
    });
  }

  /** One filter changed: the list starts again from its first page. */
  protected setFilter(key: keyof DeliverySearch, value: string | null): void {
    this.search.update((s) => {
      const next: DeliverySearch = { ...s };
      if (value && value !== 'all') (next as Record<string, string>)[key] = value;
      else delete next[key];
      return next;
    });
    this.deliveries.restart();
  }

  protected clearFilters(): void {
    this.search.set({});
    this.deliveries.restart();
  }

  protected readonly filtered = computed(() => Object.keys(this.search()).length > 0);

  /** Downloads the filtered list as CSV (the API streams it; the file gets the day's name). */
  protected exportCsv(): void {
    this.exporting.set(true);
    this.api.exportDeliveries(this.search()).subscribe({
      next: (blob) => {
        this.exporting.set(false);
        const url = URL.createObjectURL(blob);
        const link = this.document.createElement('a');
        link.href = url;
        link.download = `deliveries-${new Date().toISOString().slice(0, 10)}.csv`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 0);
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        this.snackBar.open(problemText(this.t, toApiProblem(error)), this.t('common.close'), { duration: 6000 });
      },
    });
  }

  protected stateLabel(state: DeliveryState): string {
    return this.t(`deliveryState.${state}`);
  }

  protected time(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'short', timeStyle: 'short' }).format(
      new Date(iso),
    );
  }

  protected windowText(d: DeliverySummaryView): string {
    if (d.after && d.before) {
      // one date when the window lies within a day: "02/12/2026, 15:24 – 17:54"
      return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'short', timeStyle: 'short' }).formatRange(
        new Date(d.after),
        new Date(d.before),
      );
    }
    if (d.before) return this.t('deliveries.until', { time: this.time(d.before) });
    if (d.after) return this.t('deliveries.from', { time: this.time(d.after) });
    return this.t('deliveries.anyTime');
  }

  /** A slot was chosen in the form: its windows (full ones left out) fill the window list. */
  protected slotChanged(id: string | null): void {
    this.slotChoices.set(null);
    if (id === null) return;
    this.api.timeSlotChoices(id).subscribe({
      next: (view) => this.slotChoices.set(view.items),
      error: (error: unknown) => this.createError.set(problemText(this.t, toApiProblem(error))),
    });
  }

  protected create(request: CreateDeliveryRequest): void {
    this.creating.set(true);
    this.createError.set(null);
    this.api.createDelivery(request).subscribe({
      next: (delivery) => {
        this.creating.set(false);
        this.form()?.reset();
        this.snackBar.open(
          delivery.reference
            ? this.t('deliveries.created', { reference: delivery.reference })
            : this.t('deliveries.createdNoRef'),
          this.t('common.close'),
          { duration: 6000 },
        );
        // newest first: the new delivery is at the top of the first page
        this.deliveries.restart();
      },
      error: (error: unknown) => {
        this.creating.set(false);
        this.createError.set(problemText(this.t, toApiProblem(error)));
      },
    });
  }
}
