import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output } from '@angular/core';
import {
  FormArray,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
  type FormGroup,
  type FormControl,
} from '@angular/forms';
import { CdkDrag, CdkDragHandle, CdkDropList, moveItemInArray, type CdkDragDrop } from '@angular/cdk/drag-drop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  ALLERGENS,
  vatRatesFor,
  type Allergen,
  type FieldError,
  type OptionGroupInput,
  type ProductInput,
  type ProductView,
  type SelectionKind,
} from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';

type OptionForm = FormGroup<{
  name: FormControl<string>;
  priceDelta: FormControl<number>;
  available: FormControl<boolean>;
}>;
type GroupForm = FormGroup<{
  name: FormControl<string>;
  selection: FormControl<SelectionKind>;
  minSelect: FormControl<number>;
  maxSelect: FormControl<number>;
  options: FormArray<OptionForm>;
}>;

/** Presentational: a product's fields and its option groups (drag to reorder options). */
@Component({
  selector: 'fc-product-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    CdkDropList,
    CdkDrag,
    CdkDragHandle,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" class="product-form" novalidate>
      <div class="row">
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ t('menu.productName') }}</mat-label>
          <input matInput formControlName="name" data-field="productName" required maxlength="120" />
          @if (error('name'); as e) {
            <mat-error>{{ e }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('menu.price') }}</mat-label>
          <input matInput type="number" min="0" step="0.1" formControlName="price" data-field="price" required />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('menu.vat') }}</mat-label>
          <mat-select formControlName="vatRate" data-field="vatRate">
            @for (r of rates(); track r) {
              <mat-option [value]="r">{{ r / 100 }} %</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <mat-form-field appearance="outline" class="full">
        <mat-label>{{ t('menu.description') }}</mat-label>
        <textarea matInput rows="2" formControlName="description" maxlength="1000"></textarea>
      </mat-form-field>
      <mat-form-field appearance="outline" class="full">
        <mat-label>{{ t('menu.allergens') }}</mat-label>
        <mat-select formControlName="allergens" multiple>
          @for (a of allergens; track a) {
            <mat-option [value]="a">{{ t(allergenKey(a)) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>

      <h4>{{ t('menu.optionGroups') }}</h4>
      @for (g of groups.controls; track g; let gi = $index) {
        <fieldset class="group" [formGroup]="g">
          <legend>{{ t('menu.group', { n: gi + 1 }) }}</legend>
          <div class="row">
            <mat-form-field appearance="outline" class="wide">
              <mat-label>{{ t('menu.groupName') }}</mat-label>
              <input matInput formControlName="name" data-field="groupName" required />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ t('menu.selection') }}</mat-label>
              <mat-select formControlName="selection" data-field="selection" (selectionChange)="selectionChanged(g)">
                <mat-option value="single">{{ t('menu.single') }}</mat-option>
                <mat-option value="multiple">{{ t('menu.multiple') }}</mat-option>
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline" class="narrow">
              <mat-label>{{ t('menu.min') }}</mat-label>
              <input matInput type="number" min="0" formControlName="minSelect" />
            </mat-form-field>
            <mat-form-field appearance="outline" class="narrow">
              <mat-label>{{ t('menu.max') }}</mat-label>
              <input matInput type="number" min="1" formControlName="maxSelect" />
            </mat-form-field>
          </div>
          <div cdkDropList (cdkDropListDropped)="dropOption(g, $event)" class="options">
            @for (o of g.controls.options.controls; track o; let oi = $index) {
              <div class="row option" cdkDrag [formGroup]="o">
                <button
                  mat-icon-button
                  type="button"
                  cdkDragHandle
                  class="handle"
                  [attr.aria-label]="t('menu.dragOption')"
                >
                  ⠿
                </button>
                <mat-form-field appearance="outline" class="wide">
                  <mat-label>{{ t('menu.optionName') }}</mat-label>
                  <input matInput formControlName="name" data-field="optionName" required />
                </mat-form-field>
                <mat-form-field appearance="outline" class="narrow">
                  <mat-label>{{ t('menu.priceDelta') }}</mat-label>
                  <input matInput type="number" step="0.1" formControlName="priceDelta" data-field="priceDelta" />
                </mat-form-field>
                <button mat-button type="button" (click)="g.controls.options.removeAt(oi)">
                  {{ t('menu.remove') }}
                </button>
              </div>
            }
          </div>
          <button mat-stroked-button type="button" (click)="addOption(g)">{{ t('menu.addOption') }}</button>
          <button mat-button type="button" (click)="groups.removeAt(gi)">{{ t('menu.removeGroup') }}</button>
        </fieldset>
      }
      <p>
        <button mat-stroked-button type="button" (click)="addGroup()">{{ t('menu.addGroup') }}</button>
      </p>
      @if (problem(); as p) {
        <p class="fc-error-banner" role="alert">{{ p }}</p>
      }
      <div class="actions">
        <button mat-flat-button type="submit">{{ t('menu.saveProduct') }}</button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ t('common.cancel') }}</button>
      </div>
    </form>
  `,
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-2);
      align-items: center;
    }
    .row mat-form-field {
      flex: 1 1 9rem;
    }
    .row .wide {
      flex: 2 1 14rem;
    }
    .row .narrow {
      flex: 0 1 6rem;
    }
    .full {
      width: 100%;
    }
    .group {
      border: 1px solid var(--fc-status-neutral-border);
      border-radius: var(--fc-radius-s);
      margin: 0 0 var(--fc-space-3);
      padding: var(--fc-space-3);
    }
    .handle {
      cursor: grab;
    }
    .actions {
      display: flex;
      gap: var(--fc-space-2);
    }
  `,
})
export class ProductFormComponent implements OnInit {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  readonly product = input<ProductView | null>(null);
  readonly country = input('FR');
  readonly categoryId = input.required<string>();
  readonly fieldErrors = input<FieldError[]>([]);
  readonly problem = input<string | null>(null);
  readonly saved = output<ProductInput>();
  readonly cancelled = output<void>();
  protected readonly allergens = ALLERGENS;
  protected readonly rates = computed(() => vatRatesFor(this.country()));

  protected readonly groups = this.fb.array<GroupForm>([]);
  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(120)]],
    description: [''],
    price: this.fb.control<number>(0, [Validators.required, Validators.min(0)]),
    vatRate: this.fb.control<number>(1000),
    allergens: this.fb.control<Allergen[]>([]),
    groups: this.groups,
  });

  ngOnInit(): void {
    const p = this.product();
    const rates = this.rates();
    if (!p) {
      this.form.controls.vatRate.setValue(rates.includes(1000) ? 1000 : (rates[0] ?? 0));
      return;
    }
    this.form.patchValue({
      name: p.name,
      description: p.description ?? '',
      price: p.price / 100,
      vatRate: p.vatRate,
      allergens: p.allergens,
    });
    for (const g of p.optionGroups) {
      this.groups.push(
        this.group({
          name: g.name,
          selection: g.selection,
          minSelect: g.minSelect,
          maxSelect: g.maxSelect,
          options: g.options.map((o) => ({ name: o.name, priceDelta: o.priceDelta, available: o.available })),
        }),
      );
    }
  }

  protected allergenKey(a: Allergen) {
    return `allergen.${a}` as const;
  }

  protected error(field: string): string | null {
    return this.fieldErrors().find((e) => e.field === field)?.message ?? null;
  }

  private option(o: { name: string; priceDelta: number; available?: boolean }): OptionForm {
    return this.fb.group({
      name: [o.name, Validators.required],
      priceDelta: [o.priceDelta / 100],
      available: [o.available ?? true],
    });
  }

  private group(g: OptionGroupInput): GroupForm {
    return this.fb.group({
      name: [g.name, Validators.required],
      selection: this.fb.control<SelectionKind>(g.selection),
      minSelect: [g.minSelect],
      maxSelect: [g.maxSelect],
      options: this.fb.array(g.options.map((o) => this.option(o))),
    });
  }

  protected addGroup(): void {
    this.groups.push(
      this.group({ name: '', selection: 'single', minSelect: 1, maxSelect: 1, options: [{ name: '', priceDelta: 0 }] }),
    );
  }

  protected addOption(g: GroupForm): void {
    g.controls.options.push(this.option({ name: '', priceDelta: 0 }));
  }

  protected selectionChanged(g: GroupForm): void {
    if (g.controls.selection.value === 'single')
      g.patchValue({ maxSelect: 1, minSelect: Math.min(g.controls.minSelect.value, 1) });
  }

  protected dropOption(g: GroupForm, event: CdkDragDrop<unknown>): void {
    const options = g.controls.options;
    const moved = [...options.controls];
    moveItemInArray(moved, event.previousIndex, event.currentIndex);
    options.clear();
    for (const o of moved) options.push(o);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.saved.emit({
      categoryId: this.categoryId(),
      name: v.name.trim(),
      description: v.description.trim() || null,
      price: Math.round(Number(v.price) * 100),
      vatRate: Number(v.vatRate),
      allergens: v.allergens,
      optionGroups: v.groups.map((g) => ({
        name: g.name.trim(),
        selection: g.selection,
        minSelect: Number(g.minSelect),
        maxSelect: Number(g.maxSelect),
        options: g.options.map((o) => ({
          name: o.name.trim(),
          priceDelta: Math.round(Number(o.priceDelta) * 100),
          available: o.available,
        })),
      })),
    });
  }
}
