import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ShiftView } from '@federacycle/contracts';
import { toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { FleetApi } from './data/fleet-api';
import { addDays, fromLocalInput, startOfWeek, toLocalInput } from './data/shift-calendar';
import { formatDay, formatTime } from './fleet-labels';

/** A courier's shifts of the current week, with the admin's "add a shift" form. */
@Component({
  selector: 'fc-courier-shifts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatInputModule],
  template: `
    <section aria-labelledby="courier-shifts-heading" data-section="courier-shifts">
      <h2 id="courier-shifts-heading">{{ t('courier.shiftsThisWeek') }}</h2>
      @if (shifts().length === 0) {
        <p class="muted">{{ t('courier.noShifts') }}</p>
      } @else {
        <ul class="shifts">
          @for (s of shifts(); track s.id) {
            <li data-shift>
              <span class="when">{{ when(s) }}</span>
              @if (s.note) {
                <span class="note">{{ s.note }}</span>
              }
              @if (canEdit()) {
                <button
                  mat-button
                  type="button"
                  [attr.aria-label]="t('shift.deleteFor', { time: when(s) })"
                  (click)="remove(s)"
                >
                  {{ t('shift.delete') }}
                </button>
              }
            </li>
          }
        </ul>
      }
      @if (canEdit()) {
        <h3>{{ t('shift.add') }}</h3>
        @if (error(); as message) {
          <p class="fc-error-banner" role="alert">{{ message }}</p>
        }
        <form class="add" [formGroup]="form" (ngSubmit)="add()" novalidate>
          <mat-form-field>
            <mat-label>{{ t('shift.start') }}</mat-label>
            <input matInput type="datetime-local" formControlName="start" required data-field="shift-start" />
            <mat-error>{{ t('shift.invalidTime') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('shift.end') }}</mat-label>
            <input matInput type="datetime-local" formControlName="end" required data-field="shift-end" />
            <mat-error>{{ t('shift.invalidTime') }}</mat-error>
          </mat-form-field>
          <mat-form-field class="note-field">
            <mat-label>{{ t('shift.note') }}</mat-label>
            <input matInput formControlName="note" maxlength="200" />
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="busy()" data-action="add-shift">
            {{ t('shift.submit') }}
          </button>
        </form>
      }
    </section>
  `,
  styles: `
    .shifts {
      list-style: none;
      margin: 0 0 var(--fc-space-3);
      padding: 0;
    }
    .shifts li {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-2);
      align-items: center;
      padding: var(--fc-space-1) 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .when {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .note,
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .add {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
      align-items: flex-start;
    }
    .add mat-form-field {
      flex: 1 1 13rem;
    }
    .add button {
      margin-top: var(--fc-space-2);
      min-height: 44px;
    }
  `,
})
export class CourierShiftsComponent {
  private readonly api = inject(FleetApi);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly t = this.i18n.t;

  readonly courierId = input.required<string>();
  readonly canEdit = input(false);

  protected readonly shifts = signal<ShiftView[]>([]);
  protected readonly busy = signal(false);
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => (this.failure() === null ? null : toProblemText(this.t, this.failure())));
  private readonly weekStart = startOfWeek(new Date());

  protected readonly form = new FormGroup({
    start: new FormControl(this.defaultStart(0), { nonNullable: true, validators: [Validators.required] }),
    end: new FormControl(this.defaultStart(4), { nonNullable: true, validators: [Validators.required] }),
    note: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    effect(() => this.load(this.courierId()));
  }

  protected when(s: ShiftView): string {
    const locale = this.i18n.locale();
    return `${formatDay(locale, new Date(s.startsAt))} ${formatTime(locale, s.startsAt)}–${formatTime(locale, s.endsAt)}`;
  }

  protected add(): void {
    const startsAt = fromLocalInput(this.form.controls.start.value);
    const endsAt = fromLocalInput(this.form.controls.end.value);
    if (!startsAt) this.form.controls.start.setErrors({ required: true });
    if (!endsAt) this.form.controls.end.setErrors({ required: true });
    if (!startsAt || !endsAt) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    const note = this.form.controls.note.value.trim();
    this.api
      .createShift({
        courierId: this.courierId(),
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        note: note || null,
      })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.snackBar.open(this.t('shift.added'), this.t('common.close'), { duration: 4000 });
          this.form.controls.note.setValue('');
          this.load(this.courierId());
        },
        error: (e: unknown) => {
          this.busy.set(false);
          this.failure.set(e);
        },
      });
  }

  protected remove(s: ShiftView): void {
    this.api.deleteShift(s.id).subscribe({
      next: () => {
        this.snackBar.open(this.t('shift.deleted'), this.t('common.close'), { duration: 4000 });
        this.load(this.courierId());
      },
      error: (e: unknown) => this.failure.set(e),
    });
  }

  private load(courierId: string): void {
    this.api.listShifts(this.weekStart, addDays(this.weekStart, 14), courierId).subscribe({
      next: (page) => this.shifts.set(page.items),
      error: (e: unknown) => this.failure.set(e),
    });
  }

  /** Tomorrow at 11:00 (+ hours), a sensible first shift to edit. */
  private defaultStart(hours: number): string {
    const tomorrow = addDays(new Date(), 1);
    return toLocalInput(new Date(tomorrow.getFullYear(), tomorrow.getMonth(), tomorrow.getDate(), 11 + hours, 0));
  }
}
