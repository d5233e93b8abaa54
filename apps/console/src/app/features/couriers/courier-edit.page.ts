import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  COURIER_SKILLS,
  VEHICLES,
  type CourierCandidateView,
  type CourierView,
  type FieldError,
} from '@federacycle/contracts';
import { toApiProblem } from '../../core/api/api-error';
import { applyFieldErrors, fieldErrorText } from '../../core/api/form-errors';
import { problemText, toProblemText } from '../../core/api/problem-text';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { StatusChipComponent } from '../../shared/status-chip.component';
import { CourierShiftsComponent } from './courier-shifts.component';
import { courierPatchOf, createCourierForm, fillCourierForm } from './courier-form';
import { FleetApi } from './data/fleet-api';
import { formatDateTime, formatTime, skillLabel, vehicleKey, weekdayKey } from './fleet-labels';

/** Container: create a courier profile (coop admin) or see / edit one, with its shifts. */
@Component({
  selector: 'fc-courier-edit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    StatusChipComponent,
    CourierShiftsComponent,
  ],
  template: `
    <p class="back">
      <a routerLink="/couriers">← {{ t('courier.back') }}</a>
    </p>
    <h1>{{ courier()?.displayName ?? t(id() ? 'courier.editTitle' : 'courier.newTitle') }}</h1>
    @if (loadError(); as message) {
      <p class="fc-error-banner" role="alert">{{ message }}</p>
    }
    <div class="layout">
      <form class="profile" [formGroup]="form" (ngSubmit)="submit()" novalidate data-form="courier">
        @if (!canEdit()) {
          <p class="muted">{{ t('courier.readOnly') }}</p>
        }
        @if (!id()) {
          @if (candidates().length === 0 && candidatesLoaded()) {
            <p class="fc-error-banner" role="status">{{ t('courier.noCandidates') }}</p>
          }
          <mat-form-field>
            <mat-label>{{ t('courier.person') }}</mat-label>
            <mat-select
              formControlName="userId"
              required
              data-field="person"
              (selectionChange)="pickPerson($event.value)"
            >
              @for (c of candidates(); track c.userId) {
                <mat-option [value]="c.userId">{{ c.name }} · {{ c.email }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorOf('userId') }}</mat-error>
          </mat-form-field>
        } @else if (courier(); as c) {
          <p class="muted">{{ t('courier.emailValue', { email: c.email }) }}</p>
        }
        <div class="row">
          <mat-form-field>
            <mat-label>{{ t('courier.displayName') }}</mat-label>
            <input matInput formControlName="displayName" required maxlength="80" data-field="displayName" />
            <mat-error>{{ errorOf('displayName') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('courier.phone') }}</mat-label>
            <input matInput type="tel" formControlName="phone" autocomplete="off" data-field="phone" />
            <mat-hint>{{ t('courier.phoneHint') }}</mat-hint>
            <mat-error>{{ errorOf('phone') }}</mat-error>
          </mat-form-field>
        </div>
        <div class="row">
          <mat-form-field>
            <mat-label>{{ t('courier.vehicle') }}</mat-label>
            <mat-select formControlName="vehicle" data-field="vehicle">
              @for (v of vehicles; track v) {
                <mat-option [value]="v">{{ t(vehicleKey(v)) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('courier.vehicleNote') }}</mat-label>
            <input
              matInput
              formControlName="vehicleNote"
              maxlength="200"
              [required]="form.controls.vehicle.value === 'car'"
            />
            <mat-hint>{{ t('courier.vehicleNoteHint') }}</mat-hint>
            <mat-error>{{ errorOf('vehicleNote') }}</mat-error>
          </mat-form-field>
        </div>
        <fieldset>
          <legend>{{ t('courier.capacity') }}</legend>
          <div class="row three">
            <mat-form-field>
              <mat-label>{{ t('courier.weightKg') }}</mat-label>
              <input matInput type="number" min="0" max="1000" formControlName="weightKg" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('courier.volumeLitres') }}</mat-label>
              <input matInput type="number" min="0" max="5000" formControlName="volumeLitres" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('courier.boxes') }}</mat-label>
              <input matInput type="number" min="0" max="100" formControlName="boxes" />
            </mat-form-field>
          </div>
        </fieldset>
        <fieldset>
          <legend>{{ t('courier.skills') }}</legend>
          <div class="skills">
            @for (s of skills; track s) {
              <mat-checkbox [checked]="hasSkill(s)" [disabled]="!canEdit()" (change)="toggleSkill(s, $event.checked)">
                {{ skill(s) }}
              </mat-checkbox>
            }
          </div>
          <mat-form-field class="wide">
            <mat-label>{{ t('courier.tags') }}</mat-label>
            <input matInput formControlName="tags" />
            <mat-hint>{{ t('courier.tagsHint') }}</mat-hint>
          </mat-form-field>
        </fieldset>
        <div class="toggles">
          <mat-slide-toggle formControlName="memberOwner" data-field="memberOwner">{{
            t('courier.memberOwner')
          }}</mat-slide-toggle>
          <mat-slide-toggle formControlName="active">{{ t('courier.active') }}</mat-slide-toggle>
        </div>
        @if (saveError(); as message) {
          <p class="fc-error-banner" role="alert">{{ message }}</p>
        }
        @if (canEdit()) {
          <button mat-flat-button type="submit" class="submit" [disabled]="busy()" data-action="save-courier">
            {{ t(id() ? 'courier.save' : 'courier.create') }}
          </button>
        }
      </form>

      @if (courier(); as c) {
        <aside class="side">
          <section class="status" aria-labelledby="courier-status-heading">
            <h2 id="courier-status-heading" class="fc-visually-hidden">{{ t('couriers.colStatus') }}</h2>
            <p>
              @if (c.onDutySince) {
                <fc-status-chip tone="info">{{ t('couriers.onDuty') }}</fc-status-chip>
                {{ t('courier.dutySince', { time: time(c.onDutySince) }) }}
              } @else {
                <fc-status-chip tone="neutral">{{ t('couriers.offDuty') }}</fc-status-chip>
              }
            </p>
            <p>
              <strong>{{ t('courier.locationLabel') }}</strong>
              @if (c.location; as l) {
                {{
                  t('courier.locationValue', {
                    lat: l.lat.toFixed(5),
                    lng: l.lng.toFixed(5),
                    time: dateTime(l.recordedAt),
                  })
                }}
                @if (l.stale) {
                  <fc-status-chip tone="warn">{{ t('courier.locationStale') }}</fc-status-chip>
                }
              } @else {
                {{ t('courier.noLocation') }}
              }
            </p>
            <h3>{{ t('courier.availability') }}</h3>
            @if (c.availability.length === 0) {
              <p class="muted">{{ t('courier.noAvailability') }}</p>
            } @else {
              <ul class="slots">
                @for (slot of c.availability; track $index) {
                  <li>{{ t(weekdayKey(slot.weekday)) }} {{ slot.start }}–{{ slot.end }}</li>
                }
              </ul>
            }
          </section>
          <fc-courier-shifts [courierId]="c.id" [canEdit]="canEdit()" />
        </aside>
      }
    </div>
  `,
  styles: `
    .back {
      margin: 0 0 var(--fc-space-2);
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: var(--fc-space-5, 24px);
      align-items: start;
    }
    @media (max-width: 839.98px) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .profile {
      display: flex;
      flex-direction: column;
      gap: var(--fc-space-2);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
      align-items: flex-start;
    }
    .row mat-form-field {
      flex: 1 1 14rem;
    }
    .row.three mat-form-field {
      flex: 1 1 8rem;
    }
    fieldset {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--fc-radius-s, 8px);
      padding: var(--fc-space-2) var(--fc-space-3);
      margin: 0;
    }
    legend {
      padding: 0 var(--fc-space-1);
      font-weight: 600;
    }
    .skills {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--fc-space-3);
      margin-bottom: var(--fc-space-2);
    }
    .wide {
      width: 100%;
    }
    .toggles {
      display: flex;
      flex-direction: column;
      gap: var(--fc-space-3);
      margin: var(--fc-space-2) 0;
    }
    .submit {
      align-self: flex-start;
      min-height: 44px;
    }
    .side {
      display: flex;
      flex-direction: column;
      gap: var(--fc-space-4);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .slots {
      margin: 0;
      padding-left: var(--fc-space-4);
    }
  `,
})
export class CourierEditPage {
  private readonly api = inject(FleetApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly vehicles = VEHICLES;
  protected readonly skills = COURIER_SKILLS;
  protected readonly vehicleKey = vehicleKey;
  protected readonly weekdayKey = weekdayKey;

  /** the route's `:id` (absent on /couriers/new) */
  readonly id = input<string | undefined>(undefined);

  protected readonly form = createCourierForm();
  protected readonly courier = signal<CourierView | null>(null);
  protected readonly candidates = signal<CourierCandidateView[]>([]);
  protected readonly candidatesLoaded = signal(false);
  protected readonly busy = signal(false);
  private readonly loadFailure = signal<unknown>(null);
  protected readonly loadError = computed(() =>
    this.loadFailure() === null ? null : toProblemText(this.t, this.loadFailure()),
  );
  protected readonly saveError = signal<string | null>(null);
  protected readonly canEdit = computed(() => this.auth.ability().can(this.id() ? 'update' : 'create', 'Courier'));

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) this.load(id);
      else this.loadCandidates();
    });
    effect(() => {
      if (this.canEdit()) this.form.enable();
      else this.form.disable();
    });
  }

  protected skill(s: string): string {
    return skillLabel(this.t, s);
  }

  protected time(iso: string): string {
    return formatTime(this.i18n.locale(), iso);
  }

  protected dateTime(iso: string): string {
    return formatDateTime(this.i18n.locale(), iso);
  }

  protected hasSkill(s: string): boolean {
    return this.form.controls.skills.value.includes(s);
  }

  protected toggleSkill(s: string, on: boolean): void {
    const current = this.form.controls.skills.value.filter((x) => x !== s);
    this.form.controls.skills.setValue(on ? [...current, s] : current);
  }

  protected pickPerson(userId: string): void {
    const person = this.candidates().find((c) => c.userId === userId);
    if (!person) return;
    if (!this.form.controls.displayName.value.trim()) this.form.controls.displayName.setValue(person.name.slice(0, 80));
    this.form.controls.memberOwner.setValue(person.member);
  }

  protected errorOf(name: 'userId' | 'displayName' | 'phone' | 'vehicleNote'): string {
    return fieldErrorText(this.t, this.form.controls[name]);
  }

  protected submit(): void {
    const id = this.id();
    if (!id && !this.form.controls.userId.value) this.form.controls.userId.setErrors({ required: true });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.saveError.set(null);
    const body = courierPatchOf(this.form);
    const call = id
      ? this.api.updateCourier(id, body)
      : this.api.createCourier({ ...body, userId: this.form.controls.userId.value });
    call.subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.snackBar.open(
          this.t(id ? 'courier.saved' : 'courier.created', { name: saved.displayName }),
          this.t('common.close'),
          {
            duration: 5000,
          },
        );
        if (id) this.show(saved);
        else void this.router.navigate(['/couriers', saved.id]);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(error);
        const fieldErrors: FieldError[] = problem.fieldErrors;
        applyFieldErrors(this.form, fieldErrors);
        this.saveError.set(problemText(this.t, problem));
      },
    });
  }

  private load(id: string): void {
    this.loadFailure.set(null);
    this.api.getCourier(id).subscribe({
      next: (c) => this.show(c),
      error: (e: unknown) => this.loadFailure.set(e),
    });
  }

  private show(c: CourierView): void {
    this.courier.set(c);
    fillCourierForm(this.form, c);
    if (!this.canEdit()) this.form.disable();
  }

  private loadCandidates(): void {
    this.api.candidates().subscribe({
      next: (list) => {
        this.candidates.set(list);
        this.candidatesLoaded.set(true);
      },
      error: (e: unknown) => this.loadFailure.set(e),
    });
  }
}
