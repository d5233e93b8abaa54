import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  MAX_SLOT_INTERVAL_MINUTES,
  MIN_SLOT_INTERVAL_MINUTES,
  type TimeSlotChoice,
  type TimeSlotRequest,
  type TimeSlotView,
} from '@federacycle/contracts';
import { toApiProblem } from '../../core/api/api-error';
import { problemText } from '../../core/api/problem-text';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { DispatchApi } from './data/dispatch-api';

/** A new slot's starting values: two-hour windows, Monday to Saturday, an hour's notice, a week ahead. */
const NEW_SLOT = {
  name: '',
  intervalMinutes: 120,
  openingHours: 'Mo-Sa 10:00-18:00',
  priorNoticeMinutes: 60,
  capacity: null,
  horizonDays: 7,
  workingDaysOnly: false,
};

function slotForm() {
  return new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(80)] }),
    intervalMinutes: new FormControl<number | null>(NEW_SLOT.intervalMinutes, [
      Validators.required,
      Validators.min(MIN_SLOT_INTERVAL_MINUTES),
      Validators.max(MAX_SLOT_INTERVAL_MINUTES),
    ]),
    openingHours: new FormControl(NEW_SLOT.openingHours, {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(500)],
    }),
    priorNoticeMinutes: new FormControl<number | null>(NEW_SLOT.priorNoticeMinutes, [
      Validators.min(0),
      Validators.max(10080),
    ]),
    capacity: new FormControl<number | null>(null, [Validators.min(1), Validators.max(100000)]),
    horizonDays: new FormControl<number | null>(NEW_SLOT.horizonDays, [
      Validators.required,
      Validators.min(1),
      Validators.max(60),
    ]),
    workingDaysOnly: new FormControl(false, { nonNullable: true }),
  });
}

/** The coop's time slots: the coop admin defines them; dispatchers see them and their next windows. */
@Component({
  selector: 'fc-time-slots-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatInputModule,
    RouterLink,
    EmptyStateComponent,
  ],
  template: `
    <a mat-button routerLink="/deliveries">← {{ t('deliveries.back') }}</a>
    <h1>{{ t('timeSlots.title') }}</h1>
    <p class="fc-muted intro">{{ t('timeSlots.intro') }}</p>
    @if (error(); as message) {
      <p class="fc-error-banner" role="alert">{{ message }}</p>
    }
    @if (canEdit()) {
      <mat-card appearance="outlined" class="section">
        <mat-card-content>
          <h2>{{ t(editing() ? 'timeSlots.edit' : 'timeSlots.new') }}</h2>
          <form [formGroup]="form" (ngSubmit)="save()" novalidate class="slot-form" data-form="time-slot">
            <div class="row">
              <mat-form-field class="grow">
                <mat-label>{{ t('timeSlots.name') }}</mat-label>
                <input matInput formControlName="name" autocomplete="off" required />
              </mat-form-field>
              <mat-form-field class="small">
                <mat-label>{{ t('timeSlots.interval') }}</mat-label>
                <input matInput type="number" inputmode="numeric" formControlName="intervalMinutes" required />
                <mat-hint>{{ t('timeSlots.minutes') }}</mat-hint>
              </mat-form-field>
            </div>
            <mat-form-field class="full">
              <mat-label>{{ t('timeSlots.openingHours') }}</mat-label>
              <input matInput formControlName="openingHours" autocomplete="off" required spellcheck="false" />
              <mat-hint>{{ t('timeSlots.openingHoursHint') }}</mat-hint>
            </mat-form-field>
            <div class="row">
              <mat-form-field class="small">
                <mat-label>{{ t('timeSlots.priorNotice') }}</mat-label>
                <input matInput type="number" inputmode="numeric" formControlName="priorNoticeMinutes" />
                <mat-hint>{{ t('timeSlots.minutes') }}</mat-hint>
              </mat-form-field>
              <mat-form-field class="small">
                <mat-label>{{ t('timeSlots.capacity') }}</mat-label>
                <input matInput type="number" inputmode="numeric" formControlName="capacity" />
                <mat-hint>{{ t('timeSlots.capacityHint') }}</mat-hint>
              </mat-form-field>
              <mat-form-field class="small">
                <mat-label>{{ t('timeSlots.horizon') }}</mat-label>
                <input matInput type="number" inputmode="numeric" formControlName="horizonDays" required />
                <mat-hint>{{ t('timeSlots.days') }}</mat-hint>
              </mat-form-field>
            </div>
            <mat-checkbox formControlName="workingDaysOnly">{{ t('timeSlots.workingDaysOnly') }}</mat-checkbox>
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="busy()">
                {{ t(editing() ? 'timeSlots.save' : 'timeSlots.create') }}
              </button>
              @if (editing()) {
                <button mat-button type="button" (click)="cancelEdit()">{{ t('timeSlots.cancel') }}</button>
              }
            </div>
          </form>
        </mat-card-content>
      </mat-card>
    }
    <section class="section" aria-labelledby="slots-heading">
      <h2 id="slots-heading">{{ t('timeSlots.list') }}</h2>
      @if (loaded() && slots().length === 0) {
        <fc-empty-state [title]="t('timeSlots.empty')" [hint]="t('timeSlots.emptyHint')" />
      }
      <div class="slots">
        @for (slot of slots(); track slot.id) {
          <mat-card appearance="outlined" [attr.data-slot]="slot.name">
            <mat-card-content>
              <h3>{{ slot.name }}</h3>
              <p>{{ summary(slot) }}</p>
              <p class="fc-muted hours">{{ slot.openingHours }}</p>
              <p class="next">{{ t('timeSlots.next') }}</p>
              <ul class="windows">
                @for (choice of nextOf(slot.id); track choice.start) {
                  <li>{{ choiceLabel(choice) }}</li>
                } @empty {
                  <li class="fc-muted">{{ t('timeSlots.noWindow') }}</li>
                }
              </ul>
              @if (canEdit()) {
                <div class="actions">
                  <button mat-button type="button" (click)="edit(slot)">{{ t('timeSlots.editAction') }}</button>
                  @if (confirming() === slot.id) {
                    <button mat-flat-button type="button" class="destructive" (click)="remove(slot)">
                      {{ t('timeSlots.confirmDelete') }}
                    </button>
                    <button mat-button type="button" (click)="confirming.set(null)">{{ t('timeSlots.keep') }}</button>
                  } @else {
                    <button mat-button type="button" (click)="confirming.set(slot.id)">
                      {{ t('timeSlots.delete') }}
                    </button>
                  }
                </div>
              }
            </mat-card-content>
          </mat-card>
        }
      </div>
    </section>
  `,
  styles: `
    .intro {
      max-width: 70ch;
    }
    .section {
      margin-top: var(--fc-space-4);
    }
    .slot-form {
      display: flex;
      flex-direction: column;
      gap: var(--fc-space-2);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
    }
    .grow {
      flex: 1 1 220px;
      min-width: 0;
    }
    .small {
      flex: 1 1 190px;
      min-width: 0;
    }
    .full {
      width: 100%;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-2);
      margin-top: var(--fc-space-2);
    }
    .slots {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(280px, 1fr));
      gap: var(--fc-space-3);
      h3 {
        margin: 0 0 var(--fc-space-1);
      }
      p {
        margin: var(--fc-space-1) 0;
        overflow-wrap: anywhere;
      }
    }
    .hours {
      font-family: var(--fc-font-mono, monospace);
    }
    .next {
      font-weight: 600;
    }
    .windows {
      margin: 0;
      padding-left: var(--fc-space-4);
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class TimeSlotsPage implements OnInit {
  private readonly api = inject(DispatchApi);
  private readonly auth = inject(AuthService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly canEdit = computed(() => this.auth.ability().can('update', 'Settings'));
  protected readonly form = slotForm();
  protected readonly slots = signal<TimeSlotView[]>([]);
  protected readonly loaded = signal(false);
  protected readonly next = signal<Record<string, TimeSlotChoice[]>>({});
  protected readonly editing = signal<string | null>(null);
  protected readonly confirming = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly formDirective = viewChild(FormGroupDirective);

  ngOnInit(): void {
    this.load();
  }

  private load(): void {
    this.api.listTimeSlots().subscribe({
      next: (list) => {
        this.slots.set(list.items);
        this.loaded.set(true);
        for (const slot of list.items) {
          this.api.timeSlotChoices(slot.id).subscribe({
            next: (view) => this.next.update((n) => ({ ...n, [slot.id]: view.items.slice(0, 3) })),
            error: () => this.next.update((n) => ({ ...n, [slot.id]: [] })),
          });
        }
      },
      error: (error: unknown) => {
        this.loaded.set(true);
        this.error.set(problemText(this.t, toApiProblem(error)));
      },
    });
  }

  protected nextOf(id: string): TimeSlotChoice[] {
    return this.next()[id] ?? [];
  }

  protected summary(slot: TimeSlotView): string {
    const parts = [
      this.t('timeSlots.every', { n: slot.intervalMinutes }),
      this.t('timeSlots.notice', { n: slot.priorNoticeMinutes }),
      slot.capacity === null ? this.t('timeSlots.unlimited') : this.t('timeSlots.perWindow', { n: slot.capacity }),
    ];
    if (slot.workingDaysOnly) parts.push(this.t('timeSlots.workingDays'));
    return parts.join(' · ');
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

  protected edit(slot: TimeSlotView): void {
    this.editing.set(slot.id);
    this.error.set(null);
    this.form.setValue({
      name: slot.name,
      intervalMinutes: slot.intervalMinutes,
      openingHours: slot.openingHours,
      priorNoticeMinutes: slot.priorNoticeMinutes,
      capacity: slot.capacity,
      horizonDays: slot.horizonDays,
      workingDaysOnly: slot.workingDaysOnly,
    });
  }

  protected cancelEdit(): void {
    this.editing.set(null);
    this.formDirective()?.resetForm(NEW_SLOT);
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body: TimeSlotRequest = {
      name: v.name.trim(),
      intervalMinutes: v.intervalMinutes as number,
      openingHours: v.openingHours.trim(),
      priorNoticeMinutes: v.priorNoticeMinutes ?? 0,
      capacity: v.capacity ?? null,
      horizonDays: v.horizonDays ?? 7,
      workingDaysOnly: v.workingDaysOnly,
    };
    const id = this.editing();
    this.busy.set(true);
    this.error.set(null);
    (id ? this.api.updateTimeSlot(id, body) : this.api.createTimeSlot(body)).subscribe({
      next: (slot) => {
        this.busy.set(false);
        this.editing.set(null);
        // resetForm also clears the submitted state: the empty new form shows no errors
        this.formDirective()?.resetForm(NEW_SLOT);
        this.snackBar.open(this.t('timeSlots.saved', { name: slot.name }), this.t('common.close'), { duration: 5000 });
        this.load();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(problemText(this.t, toApiProblem(error)));
      },
    });
  }

  protected remove(slot: TimeSlotView): void {
    this.confirming.set(null);
    this.api.deleteTimeSlot(slot.id).subscribe({
      next: () => {
        this.snackBar.open(this.t('timeSlots.deleted', { name: slot.name }), this.t('common.close'), {
          duration: 5000,
        });
        this.load();
      },
      error: (error: unknown) => this.error.set(problemText(this.t, toApiProblem(error))),
    });
  }
}
