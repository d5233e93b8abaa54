import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  ErrorCode,
  PACKAGE_TYPES,
  VEHICLES,
  type LatLng,
  type PriceBreakdown,
  type PriceNoRuleDetails,
  type PricingQuoteRequest,
  type RuleEvaluation,
} from '@federacycle/contracts';
import { Subject, debounceTime, switchMap, catchError, of, map } from 'rxjs';
import { toApiProblem } from '../../core/api/api-error';
import { problemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { MapComponent, type MapPoint, type PointMove } from '../../shared/map/map.component';
import type { MapCircle, MapShape } from '../../shared/map/map-shapes';
import { formatMoney } from '../merchants/merchant-format';
import { PricingApi } from './data/pricing-api';
import { ruleReasonText } from './data/rule-reason';

type Outcome =
  | { kind: 'priced'; breakdown: PriceBreakdown }
  | { kind: 'noRule'; evaluated: RuleEvaluation[] }
  | { kind: 'problem'; text: string };

const FALLBACK: LatLng = { lat: 45.7578, lng: 4.832 };

/**
 * The live quote tester: a pickup and a dropoff on a map of the coop's zones (click to place the
 * chosen one, or drag), weight, packages, time and vehicle; each change asks the API for the quote
 * of the stored rule set and shows the total with VAT, each line, and why each rule matched or not
 * (or, for 422 PRICE_NO_RULE, why none did).
 */
@Component({
  selector: 'fc-quote-tester',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MapComponent,
  ],
  templateUrl: './quote-tester.component.html',
  styleUrl: './quote-tester.component.scss',
})
export class QuoteTesterComponent {
  private readonly api = inject(PricingApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  /** the stored rule set to test (null: not saved yet) */
  readonly ruleSetId = input<string | null>(null);
  /** bumped by the page after each save: the quote is asked again */
  readonly version = input(0);
  readonly shapes = input<readonly MapShape[]>([]);
  readonly circle = input<MapCircle | null>(null);

  protected readonly vehicles = VEHICLES;
  protected readonly packageTypes = PACKAGE_TYPES;
  protected readonly placing = signal<'pickup' | 'dropoff'>('dropoff');
  protected readonly pickup = signal<LatLng | null>(null);
  protected readonly dropoff = signal<LatLng | null>(null);
  protected readonly outcome = signal<Outcome | null>(null);
  protected readonly quoting = signal(false);

  protected readonly form = this.fb.group({
    weightKg: this.fb.control<number | null>(2, [Validators.min(0), Validators.max(1000)]),
    packages: this.fb.control<number>(1, [Validators.min(0), Validators.max(999)]),
    packageType: this.fb.control<string>('parcel'),
    when: this.fb.control<string>(''),
    vehicle: this.fb.control<string | null>(null),
  });
  private readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly centre = computed(() => this.circle()?.centre ?? FALLBACK);
  protected readonly points = computed<MapPoint[]>(() => {
    const points: MapPoint[] = [];
    const pickup = this.pickup();
    const dropoff = this.dropoff();
    if (pickup) points.push({ id: 'pickup', point: pickup, label: this.t('pricing.pickup') });
    if (dropoff) points.push({ id: 'dropoff', point: dropoff, label: this.t('pricing.dropoff'), alt: true });
    return points;
  });

  private readonly requests = new Subject<PricingQuoteRequest | null>();

  constructor() {
    this.requests
      .pipe(
        debounceTime(250),
        switchMap((request) => {
          if (!request) return of(null);
          this.quoting.set(true);
          return this.api.quote(request).pipe(
            map((breakdown): Outcome => ({ kind: 'priced', breakdown })),
            catchError((error: unknown) => of(this.failure(error))),
          );
        }),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((outcome) => {
        this.quoting.set(false);
        this.outcome.set(outcome);
      });

    // the first points: the coop's centre and a little north of it
    effect(() => {
      const centre = this.centre();
      if (this.pickup() === null) this.pickup.set(centre);
      if (this.dropoff() === null)
        this.dropoff.set({ lat: round6(centre.lat + 0.018), lng: round6(centre.lng - 0.004) });
    });
    effect(() => {
      this.version();
      const request = this.request();
      this.requests.next(request);
    });
  }

  private readonly request = computed<PricingQuoteRequest | null>(() => {
    const ruleSetId = this.ruleSetId();
    const pickup = this.pickup();
    const dropoff = this.dropoff();
    const v = this.formValue();
    if (!ruleSetId || !pickup || !dropoff || this.form.invalid) return null;
    const quantity = Number(v.packages ?? 0);
    const when = v.when ? new Date(v.when) : null;
    return {
      ruleSetId,
      tasks: [
        {
          type: 'pickup',
          ...pickup,
          weightGrams: v.weightKg === null || v.weightKg === undefined ? null : Math.round(Number(v.weightKg) * 1000),
          packages: quantity > 0 ? [{ type: v.packageType ?? 'parcel', quantity }] : [],
          after: when && !Number.isNaN(when.getTime()) ? when.toISOString() : null,
        },
        { type: 'dropoff', ...dropoff },
      ],
      vehicleType: v.vehicle ?? null,
    };
  });

  protected place(point: LatLng): void {
    (this.placing() === 'pickup' ? this.pickup : this.dropoff).set(point);
  }

  protected moved(move: PointMove): void {
    (move.id === 'pickup' ? this.pickup : this.dropoff).set(move.point);
  }

  protected setCoordinate(which: 'pickup' | 'dropoff', axis: 'lat' | 'lng', raw: string): void {
    const value = Number(raw);
    const limit = axis === 'lat' ? 90 : 180;
    if (raw.trim() === '' || !Number.isFinite(value) || Math.abs(value) > limit) return;
    const target = which === 'pickup' ? this.pickup : this.dropoff;
    const current = target() ?? this.centre();
    target.set({ ...current, [axis]: value });
  }

  protected money(amount: number, currency: string): string {
    return formatMoney(amount, currency, this.i18n.locale());
  }

  protected rate(bp: number): string {
    return `${this.i18n.formatNumber(bp / 100, 2)} %`;
  }

  /** why a rule matched or not, in the page's language (amounts in the set's currency when known) */
  protected reason(e: RuleEvaluation, currency: string | null): string {
    return ruleReasonText(e, {
      t: this.t,
      number: (value, decimals) => this.i18n.formatNumber(value, decimals),
      money: (minor) => (currency ? this.money(minor, currency) : this.i18n.formatNumber(minor / 100, 2)),
    });
  }

  protected km(value: number): string {
    return this.i18n.formatNumber(value, 2);
  }

  private failure(error: unknown): Outcome {
    const problem = toApiProblem(error);
    if (problem.code === ErrorCode.PRICE_NO_RULE && error instanceof HttpErrorResponse) {
      const details = (error.error as { details?: PriceNoRuleDetails } | null)?.details;
      return { kind: 'noRule', evaluated: details?.evaluated ?? [] };
    }
    return { kind: 'problem', text: problemText(this.t, problem) };
  }
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
