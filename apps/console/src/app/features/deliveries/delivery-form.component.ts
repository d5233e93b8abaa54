import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormArray, FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  CONTACT_LANGUAGES,
  type ContactLanguage,
  type CreateDeliveryRequest,
  type TaskRequest,
  type TimeSlotChoice,
  type TimeSlotView,
} from '@federacycle/contracts';
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
  contactEmail: FormControl<string>;
  contactLanguage: FormControl<ContactLanguage>;
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
    contactEmail: new FormControl('', { nonNullable: true, validators: [Validators.email, Validators.maxLength(254)] }),
    contactLanguage: new FormControl<ContactLanguage>('fr', { nonNullable: true }),
    comments: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(1000)] }),
  });
}

export function createDeliveryForm() {
  return new FormGroup({
    reference: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(80)] }),
    packages: new FormControl<number | null>(1, [Validators.min(0), Validators.max(999)]),
    weightKg: new FormControl<number | null>(null, [Validators.min(0), Validators.max(1000)]),
    /** a coop time slot for the dropoffs ('' : none, the windows typed below) */
    timeSlotId: new FormControl('', { nonNullable: true }),
    /** the slot's window as "start/end" ('' : the first one with a place left) */
    slotWindow: new FormControl('', { nonNullable: true }),
    pickups: new FormArray<StopForm>([stopForm()]),
    dropoffs: new FormArray<StopForm>([stopForm()]),
  });
}

/** A delivery is 1→1, 1→N or N→1: never several of both, at most this many stops in all. */
const MAX_STOPS = 20;

/** `datetime-local` (the browser's local time) → ISO instant; empty → null. */
export function localToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Presentational: a delivery of one pickup to several dropoffs, or several pickups to one dropoff; emits the request. */
@Component({
  selector: 'fc-delivery-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatInputModule, MatButtonModule, MatSelectModule],
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
      @if (slots().length > 0) {
        <div class="row" data-section="time-slot">
          <mat-form-field class="grow">
            <mat-label>{{ t('deliveries.timeSlot') }}</mat-label>
            <mat-select formControlName="timeSlotId" (selectionChange)="chooseSlot($event.value)">
              <mat-option value="">{{ t('deliveries.noTimeSlot') }}</mat-option>
              @for (slot of slots(); track slot.id) {
                <mat-option [value]="slot.id">{{ slot.name }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ t('deliveries.timeSlotHint') }}</mat-hint>
          </mat-form-field>
          @if (slotChosen()) {
            <mat-form-field class="grow">
              <mat-label>{{ t('deliveries.slotWindow') }}</mat-label>
              <mat-select formControlName="slotWindow">
                <mat-option value="">{{ t('deliveries.firstFreeWindow') }}</mat-option>
                @for (choice of choices() ?? []; track choice.start) {
                  <mat-option [value]="choice.start + '/' + choice.end">{{ choiceLabel(choice) }}</mat-option>
                }
              </mat-select>
              @if (choices()?.length === 0) {
                <mat-hint>{{ t('deliveries.noFreeWindow') }}</mat-hint>
              }
            </mat-form-field>
          }
        </div>
      }
      @for (stop of stops(); track stop.group) {
        <fieldset class="stop" [formGroup]="stop.group" [attr.data-stop]="stop.kind + '-' + stop.index">
          <legend>
            {{ t(stop.kind === 'pickup' ? 'deliveries.pickup' : 'deliveries.dropoff') }}
            @if (stop.count > 1) {
              {{ stop.index + 1 }}
            }
          </legend>
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
          @if (stop.kind === 'pickup' || !slotChosen()) {
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
          } @else {
            <p class="fc-muted slot-note">{{ t('deliveries.windowFromSlot') }}</p>
          }
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
          @if (stop.kind === 'dropoff') {
            <div class="row">
              <mat-form-field class="grow">
                <mat-label>{{ t('deliveries.contactEmail') }}</mat-label>
                <input matInput type="email" formControlName="contactEmail" autocomplete="off" />
                <mat-hint>{{ t('deliveries.contactEmailHint') }}</mat-hint>
                <mat-error>{{ t('error.CONTACT_EMAIL_INVALID') }}</mat-error>
              </mat-form-field>
              <mat-form-field class="lang">
                <mat-label>{{ t('deliveries.contactLanguage') }}</mat-label>
                <mat-select formControlName="contactLanguage">
                  @for (lang of languages; track lang) {
                    <mat-option [value]="lang">{{ t(lang === 'fr' ? 'lang.fr' : 'lang.en') }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
            </div>
          }
          <mat-form-field class="full">
            <mat-label>{{ t('deliveries.comments') }}</mat-label>
            <textarea matInput rows="2" formControlName="comments"></textarea>
          </mat-form-field>
          @if (stop.count > 1) {
            <button mat-button type="button" class="remove" (click)="removeStop(stop.kind, stop.index)">
              {{ t('deliveries.removeStop') }}
            </button>
          }
        </fieldset>
      }
      <div class="row">
        <button mat-stroked-button type="button" [disabled]="!canAdd('pickup')" (click)="addStop('pickup')">
          {{ t('deliveries.addPickup') }}
        </button>
        <button mat-stroked-button type="button" [disabled]="!canAdd('dropoff')" (click)="addStop('dropoff')">
          {{ t('deliveries.addDropoff') }}
        </button>
      </div>
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
    .lang {
      flex: 0 1 180px;
    }
    .full {
      width: 100%;
    }
    .slot-note {
      margin: 0 0 var(--fc-space-2, 8px);
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
    button[type='submit'],
    .remove {
      align-self: flex-start;
    }
  `,
})
export class DeliveryFormComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly form = createDeliveryForm();
  protected readonly languages = CONTACT_LANGUAGES;
  /** the stops in order (pickups first), rebuilt when one is added or removed */
  protected readonly stops = signal(this.stopList());
  private readonly formDirective = viewChild.required(FormGroupDirective);
  private readonly changeDetector = inject(ChangeDetectorRef);

  readonly busy = input(false);
  /** the coop's time slots (none: the section is not shown) */
  readonly slots = input<TimeSlotView[]>([]);
  /** the chosen slot's windows, once the container has read them */
  readonly choices = input<TimeSlotChoice[] | null>(null);
  readonly create = output<CreateDeliveryRequest>();
  /** a slot was chosen (null: none): the container reads its windows */
  readonly slotChange = output<string | null>();
  protected readonly slotChosen = signal(false);

  protected chooseSlot(id: string): void {
    this.slotChosen.set(id !== '');
    this.form.controls.slotWindow.setValue('');
    this.slotChange.emit(id === '' ? null : id);
  }

  protected choiceLabel(choice: TimeSlotChoice): string {
    const format = new Intl.DateTimeFormat(this.i18n.locale(), {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    const range = format.formatRange(new Date(choice.start), new Date(choice.end));
    return choice.remaining === null ? range : `${range} · ${this.t('deliveries.placesLeft', { n: choice.remaining })}`;
  }

  /** Called by the container once the delivery is created. */
  reset(): void {
    for (const list of [this.form.controls.pickups, this.form.controls.dropoffs]) {
      while (list.length > 1) list.removeAt(list.length - 1);
    }
    this.formDirective().resetForm({ packages: 1, timeSlotId: '', slotWindow: '' });
    this.slotChosen.set(false);
    for (const list of [this.form.controls.pickups, this.form.controls.dropoffs]) {
      list.at(0).controls.contactLanguage.setValue('fr');
    }
    this.stops.set(this.stopList());
    this.changeDetector.markForCheck();
  }

  private stopList() {
    const { pickups, dropoffs } = this.form.controls;
    return [
      ...pickups.controls.map((group, index) => ({ kind: 'pickup' as const, index, group, count: pickups.length })),
      ...dropoffs.controls.map((group, index) => ({ kind: 'dropoff' as const, index, group, count: dropoffs.length })),
    ];
  }

  /** Several pickups or several dropoffs, not both (the API says DELIVERY_SHAPE_INVALID). */
  protected canAdd(kind: TaskRequest['kind']): boolean {
    const { pickups, dropoffs } = this.form.controls;
    if (pickups.length + dropoffs.length >= MAX_STOPS) return false;
    return kind === 'pickup' ? dropoffs.length === 1 : pickups.length === 1;
  }

  protected addStop(kind: TaskRequest['kind']): void {
    if (!this.canAdd(kind)) return;
    (kind === 'pickup' ? this.form.controls.pickups : this.form.controls.dropoffs).push(stopForm());
    this.stops.set(this.stopList());
  }

  protected removeStop(kind: TaskRequest['kind'], index: number): void {
    const list = kind === 'pickup' ? this.form.controls.pickups : this.form.controls.dropoffs;
    if (list.length > 1) list.removeAt(index);
    this.stops.set(this.stopList());
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
    const task = (
      kind: TaskRequest['kind'],
      stop: (typeof value.pickups)[number],
      extra: Partial<TaskRequest>,
    ): TaskRequest => ({
      kind,
      address: stop.address.trim(),
      lat: stop.lat as number,
      lng: stop.lng as number,
      after: localToIso(stop.after),
      before: localToIso(stop.before),
      contactName: stop.contactName.trim() || null,
      contactPhone: stop.contactPhone.trim() || null,
      comments: stop.comments.trim() || null,
      ...(kind === 'dropoff' && stop.contactEmail.trim()
        ? { contactEmail: stop.contactEmail.trim(), contactLanguage: stop.contactLanguage }
        : {}),
      ...extra,
    });
    const slotId = value.timeSlotId || null;
    const [slotAfter, slotBefore] = value.slotWindow ? value.slotWindow.split('/') : [null, null];
    const slotWindow: Partial<TaskRequest> = slotId ? { after: slotAfter ?? null, before: slotBefore ?? null } : {};
    const packages =
      value.packages && value.packages > 0 ? [{ type: 'parcel' as const, quantity: value.packages }] : [];
    // the parcels are counted once: on the first pickup and the first dropoff
    this.create.emit({
      reference: value.reference.trim() || null,
      ...(slotId ? { timeSlotId: slotId } : {}),
      tasks: [
        ...value.pickups.map((stop, i) => task('pickup', stop, i === 0 ? { packages, weightGrams: grams } : {})),
        ...value.dropoffs.map((stop, i) =>
          task('dropoff', stop, { ...slotWindow, ...(i === 0 ? { packages, weightGrams: grams } : {}) }),
        ),
      ],
    });
  }
}
