import { ChangeDetectionStrategy, Component, OnInit, inject, input, output } from '@angular/core';
import { CdkDrag, CdkDragHandle, CdkDropList, moveItemInArray, type CdkDragDrop } from '@angular/cdk/drag-drop';
import { CdkTextareaAutosize } from '@angular/cdk/text-field';
import {
  FormArray,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
  type FormControl,
  type FormGroup,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  PACKAGE_TYPES,
  PRICE_KINDS,
  PRICING_LIMITS,
  PRICING_SCOPES,
  PRICING_STRATEGIES,
  type CreatePricingRuleSetRequest,
  type FieldError,
  type PriceKind,
  type PricingRuleFields,
  type PricingRuleSetView,
  type PricingScope,
  type PricingStrategy,
} from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { fieldErrorText } from './data/rule-reason';

type RangeForm = FormGroup<{
  fromKm: FormControl<number | null>;
  toKm: FormControl<number | null>;
  perKm: FormControl<number | null>;
}>;
type RuleForm = FormGroup<{
  id: FormControl<string | null>;
  label: FormControl<string>;
  condition: FormControl<string>;
  priceKind: FormControl<PriceKind>;
  amount: FormControl<number | null>;
  percent: FormControl<number | null>;
  packageType: FormControl<string | null>;
  includedStops: FormControl<number | null>;
  formula: FormControl<string>;
  ranges: FormArray<RangeForm>;
}>;

/** Major units (4.5) ↔ minor units (450); empty stays empty. */
const toMinor = (v: number | null) => (v === null || `${v}` === '' ? null : Math.round(Number(v) * 100));
const toMajor = (v: number | null | undefined) => (v === null || v === undefined ? null : v / 100);

/** Which form field shows an API error of a rule's field (`amountMinor` → the amount input). */
const FIELD_OF: Record<string, string> = {
  amountMinor: 'amount',
  percentBp: 'percent',
  perKmMinor: 'perKm',
  kmRanges: 'ranges',
};

/**
 * Presentational: a rule set's fields and its rules in order (CDK drag, or the arrows from the
 * keyboard), each with its condition and its price. API field errors (`rules.2.condition`) are
 * shown under the field they name. Emits the whole request on save; `reordered` when only the
 * order of saved rules changed (the page persists it at once).
 */
@Component({
  selector: 'fc-rule-set-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    CdkDropList,
    CdkDrag,
    CdkDragHandle,
    CdkTextareaAutosize,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  templateUrl: './rule-set-editor.component.html',
  styleUrl: './rule-set-editor.component.scss',
})
export class RuleSetEditorComponent implements OnInit {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  /** the set edited; null: a new one */
  readonly ruleSet = input<PricingRuleSetView | null>(null);
  readonly currency = input('EUR');
  readonly readOnly = input(false);
  readonly busy = input(false);
  readonly fieldErrors = input<FieldError[]>([]);
  readonly problem = input<string | null>(null);
  readonly saved = output<CreatePricingRuleSetRequest>();
  readonly reordered = output<string[]>();
  readonly cancelled = output<void>();

  protected readonly strategies = PRICING_STRATEGIES;
  protected readonly scopes = PRICING_SCOPES;
  protected readonly kinds = PRICE_KINDS;
  protected readonly packageTypes = PACKAGE_TYPES;
  protected readonly limits = PRICING_LIMITS;

  protected readonly rules = this.fb.array<RuleForm>([]);
  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(PRICING_LIMITS.nameMaxLength)]],
    strategy: this.fb.control<PricingStrategy>('sum_of_matches'),
    scope: this.fb.control<PricingScope>('per_delivery'),
    vatPercent: this.fb.control<number>(20, [Validators.required, Validators.min(0), Validators.max(100)]),
    pricesIncludeVat: [true],
    rules: this.rules,
  });

  ngOnInit(): void {
    const set = this.ruleSet();
    if (set) {
      this.form.patchValue({
        name: set.name,
        strategy: set.strategy,
        scope: set.scope,
        vatPercent: set.vatRateBp / 100,
        pricesIncludeVat: set.pricesIncludeVat,
      });
      for (const rule of set.rules) this.rules.push(this.rule({ ...rule }));
    } else {
      this.rules.push(this.rule({ label: '', condition: '', priceKind: 'fixed', amountMinor: 500 }));
    }
    if (this.readOnly()) this.form.disable();
  }

  protected kindKey(kind: PriceKind) {
    return `pricing.kind.${kind}` as const;
  }
  protected strategyKey(strategy: PricingStrategy) {
    return `pricing.strategy.${strategy}` as const;
  }
  protected scopeKey(scope: PricingScope) {
    return `pricing.scope.${scope}` as const;
  }

  /** The API's message for a field, in the page's language when it carries a reason code (`name`, `rules.1.condition`, `rules.0.kmRanges.1.toKm`). */
  protected error(field: string): string | null {
    const found = this.fieldErrors().find((e) => this.formField(e.field) === field);
    return found ? fieldErrorText(found, this.t) : null;
  }

  private formField(apiField: string): string {
    const parts = apiField.split('.');
    const last = parts[parts.length - 1] as string;
    if (apiField === 'vatRateBp') return 'vatPercent';
    return [...parts.slice(0, -1), FIELD_OF[last] ?? last].join('.').replace(/\.kmRanges\./, '.ranges.');
  }

  private range(r: { fromKm: number; toKm: number | null; perKmMinor: number }): RangeForm {
    return this.fb.group({
      fromKm: this.fb.control<number | null>(r.fromKm, Validators.required),
      toKm: this.fb.control<number | null>(r.toKm),
      perKm: this.fb.control<number | null>(toMajor(r.perKmMinor), Validators.required),
    });
  }

  private rule(r: PricingRuleFields & { id?: string }): RuleForm {
    return this.fb.group({
      id: this.fb.control<string | null>(r.id ?? null),
      label: [r.label, [Validators.required, Validators.maxLength(PRICING_LIMITS.labelMaxLength)]],
      condition: [r.condition, Validators.maxLength(PRICING_LIMITS.expressionMaxLength)],
      priceKind: this.fb.control<PriceKind>(r.priceKind),
      amount: this.fb.control<number | null>(toMajor(r.amountMinor)),
      percent: this.fb.control<number | null>(
        r.percentBp === null || r.percentBp === undefined ? null : r.percentBp / 100,
      ),
      packageType: this.fb.control<string | null>(r.packageType ?? null),
      includedStops: this.fb.control<number | null>(r.includedStops ?? null),
      formula: [r.formula ?? '', Validators.maxLength(PRICING_LIMITS.expressionMaxLength)],
      ranges: this.fb.array((r.kmRanges ?? []).map((range) => this.range(range))),
    });
  }

  protected addRule(): void {
    this.rules.push(this.rule({ label: '', condition: '', priceKind: 'fixed', amountMinor: null }));
  }

  protected addRange(rule: RuleForm): void {
    const ranges = rule.controls.ranges;
    const last = ranges.at(ranges.length - 1)?.getRawValue();
    ranges.push(this.range({ fromKm: last?.toKm ?? 0, toKm: null, perKmMinor: 100 }));
  }

  protected kindChanged(rule: RuleForm): void {
    if (rule.controls.priceKind.value === 'per_km' && rule.controls.ranges.length === 0) this.addRange(rule);
  }

  protected drop(event: CdkDragDrop<unknown>): void {
    this.move(event.previousIndex, event.currentIndex);
  }

  protected move(from: number, to: number): void {
    if (to < 0 || to >= this.rules.length || from === to) return;
    const moved = [...this.rules.controls];
    moveItemInArray(moved, from, to);
    this.rules.clear();
    for (const rule of moved) this.rules.push(rule);
    // only the order of stored rules changed: the page saves it at once
    const set = this.ruleSet();
    const ids = moved.map((r) => r.controls.id.value);
    if (set && !this.edited() && ids.length === set.rules.length && ids.every((id) => id !== null)) {
      this.reordered.emit(ids as string[]);
    }
  }

  /** whether a field other than the order differs from the stored set */
  private edited(): boolean {
    const set = this.ruleSet();
    if (!set) return true;
    const byId = new Map(set.rules.map((r) => [r.id, r]));
    const request = this.request();
    return (
      request.name !== set.name ||
      request.strategy !== set.strategy ||
      request.scope !== set.scope ||
      request.vatRateBp !== set.vatRateBp ||
      request.pricesIncludeVat !== set.pricesIncludeVat ||
      request.rules.some((rule) => {
        const stored = rule.id ? byId.get(rule.id) : undefined;
        if (!stored) return true;
        const { id: _id, position: _position, ...fields } = stored;
        return JSON.stringify(normalised(fields)) !== JSON.stringify(normalised(rule));
      })
    );
  }

  private request(): CreatePricingRuleSetRequest {
    const v = this.form.getRawValue();
    return {
      name: v.name.trim(),
      strategy: v.strategy,
      scope: v.scope,
      vatRateBp: Math.round(Number(v.vatPercent) * 100),
      pricesIncludeVat: v.pricesIncludeVat,
      rules: v.rules.map((r) => ({
        ...(r.id ? { id: r.id } : {}),
        label: r.label.trim(),
        condition: r.condition.trim(),
        priceKind: r.priceKind,
        amountMinor: ['fixed', 'per_package', 'per_stop'].includes(r.priceKind) ? toMinor(r.amount) : null,
        percentBp:
          r.priceKind === 'percentage' && r.percent !== null && `${r.percent}` !== ''
            ? Math.round(Number(r.percent) * 100)
            : null,
        kmRanges:
          r.priceKind === 'per_km'
            ? r.ranges.map((range) => ({
                fromKm: Number(range.fromKm ?? 0),
                toKm: range.toKm === null || `${range.toKm}` === '' ? null : Number(range.toKm),
                perKmMinor: toMinor(range.perKm) ?? 0,
              }))
            : null,
        packageType: r.priceKind === 'per_package' ? r.packageType : null,
        includedStops: r.priceKind === 'per_stop' ? Number(r.includedStops ?? 0) : null,
        formula: r.priceKind === 'formula' ? r.formula.trim() : null,
      })),
    };
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saved.emit(this.request());
  }
}

/** A rule's fields without the ones its kind does not use, for comparison. */
function normalised(rule: PricingRuleFields & { id?: string }): PricingRuleFields {
  return {
    label: rule.label,
    condition: rule.condition,
    priceKind: rule.priceKind,
    amountMinor: rule.amountMinor ?? null,
    percentBp: rule.percentBp ?? null,
    // in key order: the database's jsonb gives the keys back in its own order
    kmRanges: rule.kmRanges?.map((r) => ({ fromKm: r.fromKm, toKm: r.toKm, perKmMinor: r.perKmMinor })) ?? null,
    packageType: rule.packageType ?? null,
    includedStops: rule.includedStops ?? null,
    formula: rule.formula ?? null,
  };
}
