import { ChangeDetectionStrategy, ChangeDetectorRef, Component, inject, input, output, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import type { CreateDeliveryRequest, TaskRequest } from '@federacycle/contracts';
import { fieldErrorText } from '../../core/api/form-errors';
import { I18nService } from '../../core/i18n/i18n.service';

type StopForm = FormGroup<{
  address: FormControl<string>;
  lat: FormControl<number | null>;
  lng: FormControl<number | null>;
  after: FormControl<string>;
  before: FormControl<string>;
  contactName: FormControl<string>;
  contactPhone: FormControl<string>;
  comments: FormControl<string>;
}>;

function stopForm(): StopForm {
  return new FormGroup({
    address: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(3), Validators.maxLength(300)],
    }),
    lat: new FormControl<number | null>(null, [Validators.required, Validators.min(-90), Validators.max(90)]),
    lng: new FormControl<number | null>(null, [Validators.required, Validators.min(-180), Validators.max(180)]),
    after: new FormControl('', { nonNullable: true }),
    before: new FormControl('', { nonNullable: true }),
    contactName: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(120)] }),
    contactPhone: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(32)] }),
    comments: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(1000)] }),
  });
}

export function createDeliveryForm() {
  return new FormGroup({
    reference: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(80)] }),
    packages: new FormControl<number | null>(1, [Validators.min(0), Validators.max(999)]),
    weightKg: new FormControl<number | null>(null, [Validators.min(0), Validators.max(1000)]),
    pickup: stopForm(),
    dropoff: stopForm(),
  });
}

/** `datetime-local` (the browser's local time) → ISO instant; empty → null. */
export function localToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Presentational: a 1→1 delivery (pickup, dropoff); emits the request. */
@Component({
  selector: 'fc-delivery-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatInputModule, MatButtonModule],
  template: `
    <form class="delivery" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <div class="row">
        <mat-form-field class="grow">
          <mat-label>{{ t('deliveries.reference') }}</mat-label>
          <input matInput formControlName="reference" autocomplete="off" />
        </mat-form-field>
        <mat-form-field class="small">
          <mat-label>{{ t('deliveries.packages') }}</mat-label>
          <input matInput type="number" inputmode="numeric" min="0" max="999" formControlName="packages" />
        </mat-form-field>
        <mat-form-field class="small">
          <mat-label>{{ t('deliveries.weightKg') }}</mat-label>
          <input matInput type="number" inputmode="decimal" step="any" min="0" formControlName="weightKg" />
        </mat-form-field>
      </div>
      @for (stop of stops; track stop.key) {
        <fieldset class="stop" [formGroup]="stop.group">
          <legend>{{ t(stop.label) }}</legend>
          <mat-form-field class="full">
            <mat-label>{{ t('deliveries.address') }}</mat-label>
            <input matInput formControlName="address" autocomplete="off" required />
            <mat-error>{{ errorOf(stop.group, 'address') }}</mat-error>
          </mat-form-field>
          <div class="row">
            <mat-form-field class="grow">
              <mat-label>{{ t('deliveries.lat') }}</mat-label>
              <input
                matInput
                type="number"
                inputmode="decimal"
                step="any"
                formControlName="lat"
                required
                placeholder="45.7640"
              />
              <mat-error>{{ errorOf(stop.group, 'lat') }}</mat-error>
            </mat-form-field>
            <mat-form-field class="grow">
              <mat-label>{{ t('deliveries.lng') }}</mat-label>
              <input
                matInput
                type="number"
                inputmode="decimal"
                step="any"
                formControlName="lng"
                required
                placeholder="4.8357"
              />
              <mat-error>{{ errorOf(stop.group, 'lng') }}</mat-error>
            </mat-form-field>
          </div>
          <div class="row">
            <mat-form-field class="grow">
              <mat-label>{{ t('deliveries.after') }}</mat-label>
              <input matInput type="datetime-local" formControlName="after" />
            </mat-form-field>
            <mat-form-field class="grow">
              <mat-label>{{ t('deliveries.before') }}</mat-label>
              <input matInput type="datetime-local" formControlName="before" />
            </mat-form-field>
          </div>
          <div class="row">
            <mat-form-field class="grow">
              <mat-label>{{ t('deliveries.contactName') }}</mat-label>
              <input matInput formControlName="contactName" autocomplete="off" />
            </mat-form-field>
            <mat-form-field class="grow">
              <mat-label>{{ t('deliveries.contactPhone') }}</mat-label>
              <input matInput type="tel" formControlName="contactPhone" autocomplete="off" />
            </mat-form-field>
          </div>
          <mat-form-field class="full">
            <mat-label>{{ t('deliveries.comments') }}</mat-label>
            <textarea matInput rows="2" formControlName="comments"></textarea>
          </mat-form-field>
        </fieldset>
      }
      <button mat-flat-button type="submit" [disabled]="busy()">{{ t('deliveries.create') }}</button>
    </form>
  `,
  styles: `
    .delivery {
      display: flex;
      flex-direction: column;
      gap: var(--fc-space-2, 8px);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3, 12px);
    }
    .grow {
      flex: 1 1 200px;
      min-width: 0;
    }
    .small {
      flex: 0 1 140px;
    }
    .full {
      width: 100%;
    }
    .stop {
      border: 1px solid var(--mat-sys-outline-variant, #c4c7c5);
      border-radius: var(--fc-radius-2, 8px);
      padding: var(--fc-space-3, 12px);
      margin: 0;
      min-width: 0;
    }
    legend {
      font-weight: 600;
      padding: 0 var(--fc-space-1, 4px);
    }
    button[type='submit'] {
      align-self: flex-start;
    }
  `,
})
export class DeliveryFormComponent {
  protected readonly t = inject(I18nService).t;
  protected readonly form = createDeliveryForm();
  protected readonly stops = [
    { key: 'pickup', label: 'deliveries.pickup' as const, group: this.form.controls.pickup },
    { key: 'dropoff', label: 'deliveries.dropoff' as const, group: this.form.controls.dropoff },
  ];
  private readonly formDirective = viewChild.required(FormGroupDirective);
  private readonly changeDetector = inject(ChangeDetectorRef);

  readonly busy = input(false);
  readonly create = output<CreateDeliveryRequest>();

  /** Called by the container once the delivery is created. */
  reset(): void {
    this.formDirective().resetForm({ packages: 1 });
    this.changeDetector.markForCheck();
  }

  protected errorOf(group: StopForm, name: 'address' | 'lat' | 'lng'): string {
    const control = group.controls[name];
    if (control.hasError('min') || control.hasError('max')) return this.t('error.COORDINATES_OUT_OF_RANGE');
    return fieldErrorText(this.t, control);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const grams = value.weightKg ? Math.round(value.weightKg * 1000) : 0;
    const task = (kind: TaskRequest['kind'], stop: typeof value.pickup, extra: Partial<TaskRequest>): TaskRequest => ({
      kind,
      address: stop.address.trim(),
      lat: stop.lat as number,
      lng: stop.lng as number,
      after: localToIso(stop.after),
      before: localToIso(stop.before),
      contactName: stop.contactName.trim() || null,
      contactPhone: stop.contactPhone.trim() || null,
      comments: stop.comments.trim() || null,
      ...extra,
    });
    const packages =
      value.packages && value.packages > 0 ? [{ type: 'parcel' as const, quantity: value.packages }] : [];
    this.create.emit({
      reference: value.reference.trim() || null,
      tasks: [
        task('pickup', value.pickup, { packages, weightGrams: grams }),
        task('dropoff', value.dropoff, { packages, weightGrams: grams }),
      ],
    });
  }
}
