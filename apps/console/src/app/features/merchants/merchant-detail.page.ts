import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { HttpClient } from '@angular/common/http';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  FULFILMENT_METHODS,
  MERCHANT_KINDS,
  type BusyPeriod,
  type FieldError,
  type LatLng,
  type FulfilmentMethod,
  type MerchantInput,
  type MerchantKind,
  type MerchantStaffView,
  type MerchantView,
  type Page,
  type ZoneView,
} from '@federacycle/contracts';
import { toApiProblem } from '../../core/api/api-error';
import { toProblemText } from '../../core/api/problem-text';
import { API_BASE, AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { MapComponent } from '../../shared/map/map.component';
import type { MapCircle, MapShape } from '../../shared/map/map-shapes';
import { StatusChipComponent } from '../../shared/status-chip.component';
import { ZonesApi } from '../zones/data/zones-api';
import { MerchantsApi } from './data/merchants-api';
import { HoursEditorComponent } from './hours-editor.component';
import { KIND_KEYS, formatMoney, formatWhen, stateSentence, stateTone } from './merchant-format';

const FULFILMENT_KEYS = {
  delivery: 'merchants.fulfilment.delivery',
  collection: 'merchants.fulfilment.collection',
} as const;

/**
 * Container: one merchant (or a new one): its profile (coop admins edit, others read), opening
 * hours with their plain-language preview, perimeter, pause with a reason and an automatic end
 * (admins and the merchant's staff), and which staff members work there (admins).
 */
@Component({
  selector: 'fc-merchant-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MapComponent,
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    StatusChipComponent,
    HoursEditorComponent,
  ],
  templateUrl: './merchant-detail.page.html',
  styleUrl: './merchant-detail.page.scss',
})
export class MerchantDetailPage implements OnInit {
  /** the route's `:id` (absent on /merchants/new) */
  readonly id = input<string | undefined>(undefined);
  private readonly api = inject(MerchantsApi);
  private readonly zonesApi = inject(ZonesApi);
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly t = this.i18n.t;
  protected readonly kinds = MERCHANT_KINDS;
  protected readonly methods = FULFILMENT_METHODS;
  protected readonly merchant = signal<MerchantView | null>(null);
  protected readonly zones = signal<ZoneView[]>([]);
  /** the merchant's point as the form holds it (the map's marker) */
  protected readonly point = signal<LatLng | null>(null);
  /** where the map opens for a merchant without a point yet: the coop's service area */
  protected readonly serviceCentre = signal<LatLng | null>(null);
  /** the delivery perimeter drawn around the pin: its zone, or its radius */
  protected readonly perimeter = signal<{ kind: 'radius' | 'zone'; radiusM: number | null; zoneId: string | null }>({
    kind: 'radius',
    radiusM: 3000,
    zoneId: null,
  });
  protected readonly mapShapes = computed<MapShape[]>(() => {
    const p = this.perimeter();
    return this.zones()
      .filter((z) => p.kind === 'zone' && z.id === p.zoneId)
      .map((z) => ({ id: z.id, geometry: z.geometry, colour: z.colour, label: z.name }));
  });
  protected readonly deliveryCircle = computed<MapCircle | null>(() => {
    const point = this.point();
    const p = this.perimeter();
    return point && p.kind === 'radius' && p.radiusM ? { centre: point, radiusM: p.radiusM } : null;
  });
  protected readonly staff = signal<MerchantStaffView[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly fieldErrors = signal<FieldError[]>([]);
  protected readonly saving = signal(false);
  protected readonly hours = signal('Mo-Sa 11:30-14:30,18:30-22:30; PH off');
  protected readonly isNew = computed(() => !this.id());
  protected readonly canEdit = computed(() => this.auth.ability().can(this.isNew() ? 'create' : 'update', 'Merchant'));
  protected readonly canPause = computed(() => this.auth.ability().can('update', 'MerchantPause'));
  protected readonly canAssign = computed(() => this.auth.ability().can('update', 'Merchant'));

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(120)]],
    kind: this.fb.control<MerchantKind>('restaurant'),
    line1: ['', Validators.required],
    line2: [''],
    postalCode: ['', Validators.required],
    city: ['', Validators.required],
    country: ['FR', [Validators.required, Validators.pattern(/^[A-Z]{2}$/)]],
    lat: this.fb.control<number | null>(null, [Validators.required, Validators.min(-90), Validators.max(90)]),
    lng: this.fb.control<number | null>(null, [Validators.required, Validators.min(-180), Validators.max(180)]),
    contactName: [''],
    contactPhone: [''],
    contactEmail: ['', Validators.email],
    delivery: [true],
    collection: [true],
    perimeterKind: this.fb.control<'radius' | 'zone'>('radius'),
    radiusM: this.fb.control<number | null>(3000),
    zoneId: this.fb.control<string | null>(null),
    minOrder: this.fb.control<number | null>(15),
    prepMinutes: this.fb.control<number>(15),
  });
  /** where the point came from: typed numbers, or a pin on the map (the map component sets it) */
  private geocodedBy: 'typed' | 'manual_pin' = 'typed';

  /** preparation per busy period (an opening_hours selector and its minutes), edited row by row */
  protected readonly busy = signal<BusyPeriod[]>([]);

  protected setBusy(index: number, change: Partial<BusyPeriod>): void {
    this.busy.update((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  }

  protected addBusy(): void {
    this.busy.update((rows) => [...rows, { when: '', minutes: Number(this.form.controls.prepMinutes.value) + 10 }]);
  }

  protected removeBusy(index: number): void {
    this.busy.update((rows) => rows.filter((_, i) => i !== index));
  }

  protected readonly pauseReason = signal('');
  protected readonly pauseUntil = signal('');

  ngOnInit(): void {
    this.form.valueChanges.subscribe((v) => {
      const lat = Number(v.lat);
      const lng = Number(v.lng);
      const valid = v.lat !== null && v.lng !== null && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
      this.point.set(valid && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null);
      this.perimeter.set({
        kind: v.perimeterKind ?? 'radius',
        radiusM: v.radiusM ?? null,
        zoneId: v.zoneId ?? null,
      });
    });
    this.zonesApi.serviceArea().subscribe({
      next: (r) => this.serviceCentre.set(r.area?.centre ?? null),
      error: () => this.serviceCentre.set(null),
    });
    this.http.get<Page<ZoneView>>(`${API_BASE}/geo/zones`, { params: { limit: 200 } }).subscribe({
      next: (page) => this.zones.set(page.items),
      error: () => this.zones.set([]),
    });
    const id = this.id();
    if (id) {
      this.api.get(id).subscribe({
        next: (m) => this.show(m),
        error: (e: unknown) => this.error.set(toProblemText(this.t, e)),
      });
      if (this.canAssign())
        this.api.staff().subscribe({ next: (s) => this.staff.set(s), error: () => this.staff.set([]) });
    }
    if (!this.canEdit()) this.form.disable();
  }

  private show(m: MerchantView): void {
    this.merchant.set(m);
    this.hours.set(m.openingHours);
    this.form.patchValue({
      name: m.name,
      kind: m.kind,
      line1: m.address.line1,
      line2: m.address.line2 ?? '',
      postalCode: m.address.postalCode,
      city: m.address.city,
      country: m.address.country,
      lat: m.location.lat,
      lng: m.location.lng,
      contactName: m.contact.name ?? '',
      contactPhone: m.contact.phone ?? '',
      contactEmail: m.contact.email ?? '',
      delivery: m.fulfilment.includes('delivery'),
      collection: m.fulfilment.includes('collection'),
      perimeterKind: m.perimeter.kind,
      radiusM: m.perimeter.kind === 'radius' ? m.perimeter.radiusM : null,
      zoneId: m.perimeter.kind === 'zone' ? m.perimeter.zoneId : null,
      minOrder: m.minimumOrder.amount / 100,
      prepMinutes: m.preparation.defaultMinutes,
    });
    this.geocodedBy = m.location.geocodedBy === 'manual_pin' ? 'manual_pin' : 'typed';
    this.busy.set(m.preparation.busy.map((b) => ({ ...b })));
  }

  /** The map point picker (apps/console/src/app/shared/map, from geo) calls this with a pin. */
  protected pickPoint(lat: number, lng: number): void {
    this.form.patchValue({ lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 });
    this.geocodedBy = 'manual_pin';
  }

  protected typedPoint(): void {
    this.geocodedBy = 'typed';
  }

  protected kindKey(kind: MerchantKind) {
    return KIND_KEYS[kind];
  }

  protected methodKey(method: FulfilmentMethod) {
    return FULFILMENT_KEYS[method];
  }

  protected stateText(m: MerchantView): string {
    return stateSentence(this.t, m.state, this.i18n.locale(), m.timezone, m.pause !== null);
  }

  protected tone(m: MerchantView) {
    return stateTone(m.state.openNow, m.pause !== null);
  }

  protected when(m: MerchantView, iso: string): string {
    return formatWhen(iso, this.i18n.locale(), m.timezone);
  }

  protected money(m: MerchantView): string {
    return formatMoney(m.minimumOrder.amount, m.minimumOrder.currency, this.i18n.locale());
  }

  protected fieldError(field: string): string | null {
    return this.fieldErrors().find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message ?? null;
  }

  private body(): MerchantInput {
    const v = this.form.getRawValue();
    const fulfilment: FulfilmentMethod[] = [];
    if (v.delivery) fulfilment.push('delivery');
    if (v.collection) fulfilment.push('collection');
    return {
      name: v.name.trim(),
      kind: v.kind,
      address: { line1: v.line1, line2: v.line2 || null, postalCode: v.postalCode, city: v.city, country: v.country },
      location: { lat: Number(v.lat), lng: Number(v.lng), geocodedBy: this.geocodedBy },
      contact: { name: v.contactName || null, phone: v.contactPhone || null, email: v.contactEmail || null },
      openingHours: this.hours(),
      preparation: {
        defaultMinutes: Number(v.prepMinutes),
        busy: this.busy()
          .filter((b) => b.when.trim() !== '')
          .map((b) => ({ when: b.when.trim(), minutes: b.minutes })),
      },
      fulfilment,
      perimeter:
        v.perimeterKind === 'zone'
          ? { kind: 'zone', zoneId: v.zoneId ?? '' }
          : { kind: 'radius', radiusM: Number(v.radiusM) },
      minimumOrder: { amount: Math.round(Number(v.minOrder ?? 0) * 100) },
    };
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.fieldErrors.set([]);
    const id = this.id();
    const body = this.body();
    const request = id ? this.api.update(id, body) : this.api.create(body);
    request.subscribe({
      next: (m) => {
        this.saving.set(false);
        this.snackBar.open(this.t('merchants.saved', { name: m.name }), undefined, { duration: 4000 });
        if (!id) {
          void this.router.navigate(['/merchants', m.id]);
          return;
        }
        this.show(m);
      },
      error: (e: unknown) => this.fail(e),
    });
  }

  protected pause(): void {
    const m = this.merchant();
    if (!m || this.pauseReason().trim() === '') return;
    const until = this.pauseUntil() ? new Date(this.pauseUntil()).toISOString() : null;
    this.api.pause(m.id, { reason: this.pauseReason().trim(), until }).subscribe({
      next: (updated) => {
        this.merchant.set(updated);
        this.pauseReason.set('');
        this.pauseUntil.set('');
      },
      error: (e: unknown) => this.fail(e),
    });
  }

  protected unpause(): void {
    const m = this.merchant();
    if (!m) return;
    this.api.unpause(m.id).subscribe({ next: (u) => this.merchant.set(u), error: (e: unknown) => this.fail(e) });
  }

  protected archive(): void {
    const m = this.merchant();
    if (!m) return;
    this.api.archive(m.id).subscribe({
      next: () => void this.router.navigate(['/merchants']),
      error: (e: unknown) => this.fail(e),
    });
  }

  protected worksHere(person: MerchantStaffView): boolean {
    const id = this.id();
    return !!id && person.merchantIds.includes(id);
  }

  protected toggleStaff(person: MerchantStaffView, checked: boolean): void {
    const id = this.id();
    if (!id) return;
    const ids = checked ? [...person.merchantIds, id] : person.merchantIds.filter((m) => m !== id);
    this.api.setStaff(person.userId, [...new Set(ids)]).subscribe({
      next: (updated) => this.staff.update((all) => all.map((p) => (p.userId === updated.userId ? updated : p))),
      error: (e: unknown) => this.fail(e),
    });
  }

  private fail(error: unknown): void {
    this.saving.set(false);
    this.error.set(toProblemText(this.t, error));
    this.fieldErrors.set(toApiProblem(error).fieldErrors);
  }
}
