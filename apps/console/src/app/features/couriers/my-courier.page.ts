import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { AvailabilitySlot, CourierView, ShiftView } from '@federacycle/contracts';
import { toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { StatusChipComponent } from '../../shared/status-chip.component';
import { FleetApi } from './data/fleet-api';
import { addDays, startOfWeek } from './data/shift-calendar';
import { formatDay, formatTime, vehicleKey, weekdayKey } from './fleet-labels';

/** A courier's own page, phone first: go on / off duty, phone, weekly availability, this week's shifts. */
@Component({
  selector: 'fc-my-courier-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatInputModule, MatSelectModule, StatusChipComponent],
  template: `
    <h1>{{ t('me.title') }}</h1>
    @if (error(); as message) {
      <p class="fc-error-banner" role="alert">{{ message }}</p>
    }
    @if (me(); as c) {
      <section class="duty" [class.on]="!!c.onDutySince" aria-labelledby="duty-heading" data-section="duty">
        <h2 id="duty-heading">
          {{ t(c.onDutySince ? 'me.onDuty' : 'me.offDuty') }}
          @if (c.onDutySince) {
            <span class="since">{{ t('me.since', { time: time(c.onDutySince) }) }}</span>
          }
        </h2>
        <button
          mat-flat-button
          type="button"
          class="big"
          [disabled]="busy()"
          (click)="toggleDuty(!c.onDutySince)"
          data-action="duty"
        >
          {{ t(c.onDutySince ? 'me.goOffDuty' : 'me.goOnDuty') }}
        </button>
        <p class="vehicle">{{ t('me.vehicle', { vehicle: t(vehicleKey(c.vehicle)) }) }}</p>
      </section>

      <section aria-labelledby="shifts-heading">
        <h2 id="shifts-heading">{{ t('me.myShifts') }}</h2>
        @if (shifts().length === 0) {
          <p class="muted">{{ t('me.noShifts') }}</p>
        } @else {
          <ul class="list">
            @for (s of shifts(); track s.id) {
              <li>
                <strong>{{ day(s.startsAt) }}</strong> {{ time(s.startsAt) }}–{{ time(s.endsAt) }}
                @if (s.note) {
                  <span class="muted">· {{ s.note }}</span>
                }
              </li>
            }
          </ul>
        }
      </section>

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{{ t('me.profile') }}</h2>
        <form class="phone" (submit)="$event.preventDefault(); savePhone()">
          <mat-form-field>
            <mat-label>{{ t('courier.phone') }}</mat-label>
            <input matInput type="tel" name="phone" autocomplete="tel" [(ngModel)]="phone" />
            <mat-hint>{{ t('courier.phoneHint') }}</mat-hint>
          </mat-form-field>
          <button mat-stroked-button type="submit" class="big-secondary" [disabled]="busy()">
            {{ t('me.phoneSave') }}
          </button>
        </form>
      </section>

      <section aria-labelledby="availability-heading" data-section="availability">
        <h2 id="availability-heading">{{ t('me.availability') }}</h2>
        <p class="muted">{{ t('me.availabilityHint') }}</p>
        <ul class="slots">
          @for (slot of slots(); track $index; let i = $index) {
            <li class="slot">
              <mat-form-field>
                <mat-label>{{ t('me.weekday') }}</mat-label>
                <mat-select
                  [ngModel]="slot.weekday"
                  (ngModelChange)="setSlot(i, { weekday: $event })"
                  [name]="'day' + i"
                >
                  @for (d of weekdays; track d) {
                    <mat-option [value]="d">{{ t(weekdayKey(d)) }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ t('me.from') }}</mat-label>
                <input
                  matInput
                  type="time"
                  [ngModel]="slot.start"
                  (ngModelChange)="setSlot(i, { start: $event })"
                  [name]="'start' + i"
                />
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ t('me.to') }}</mat-label>
                <input
                  matInput
                  type="time"
                  [ngModel]="slot.end"
                  (ngModelChange)="setSlot(i, { end: $event })"
                  [name]="'end' + i"
                />
              </mat-form-field>
              <button
                mat-stroked-button
                type="button"
                class="remove"
                (click)="removeSlot(i)"
                [attr.aria-label]="t('me.removeSlot')"
              >
                ✕
              </button>
            </li>
          }
        </ul>
        <div class="slot-actions">
          <button mat-stroked-button type="button" class="big-secondary" (click)="addSlot()">
            {{ t('me.addSlot') }}
          </button>
          <button mat-flat-button type="button" class="big-secondary" [disabled]="busy()" (click)="saveAvailability()">
            {{ t('me.saveAvailability') }}
          </button>
        </div>
      </section>
      @if (!c.active) {
        <fc-status-chip tone="neutral">{{ t('couriers.inactive') }}</fc-status-chip>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 40rem;
    }
    section {
      margin-bottom: var(--fc-space-5, 24px);
    }
    .duty {
      padding: var(--fc-space-4);
      border-radius: var(--fc-radius-m, 12px);
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container);
    }
    .duty.on {
      background: var(--fc-status-ok-bg);
      border-color: var(--fc-status-ok-border);
      color: var(--fc-status-ok-fg);
    }
    .duty h2 {
      margin-top: 0;
    }
    .since {
      display: block;
      font: var(--fc-font-small);
    }
    .big {
      width: 100%;
      min-height: 64px;
      font-size: 1.25rem;
    }
    .big-secondary {
      min-height: 48px;
    }
    .vehicle {
      margin: var(--fc-space-2) 0 0;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .list,
    .slots {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .list li {
      padding: var(--fc-space-2) 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .phone {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
      align-items: flex-start;
    }
    .phone mat-form-field {
      flex: 1 1 14rem;
    }
    .slot {
      display: grid;
      grid-template-columns: minmax(8rem, 2fr) minmax(6rem, 1fr) minmax(6rem, 1fr) 48px;
      gap: var(--fc-space-2);
      align-items: start;
    }
    .remove {
      min-width: 48px;
      min-height: 48px;
      margin-top: 4px;
    }
    .slot-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
    }
    @media (max-width: 599.98px) {
      .slot {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) 48px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        margin-bottom: var(--fc-space-2);
      }
      .slot mat-form-field:first-child {
        grid-column: 1 / -1;
      }
      .slot-actions button {
        flex: 1 1 100%;
      }
    }
  `,
})
export class MyCourierPage implements OnInit {
  private readonly api = inject(FleetApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly vehicleKey = vehicleKey;
  protected readonly weekdayKey = weekdayKey;
  protected readonly weekdays = [1, 2, 3, 4, 5, 6, 7];

  protected readonly me = signal<CourierView | null>(null);
  protected readonly shifts = signal<ShiftView[]>([]);
  protected readonly slots = signal<AvailabilitySlot[]>([]);
  protected phone = '';
  protected readonly busy = signal(false);
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => (this.failure() === null ? null : toProblemText(this.t, this.failure())));

  ngOnInit(): void {
    this.api.me().subscribe({ next: (c) => this.show(c), error: (e: unknown) => this.failure.set(e) });
    const week = startOfWeek(new Date());
    this.api.myShifts(week, addDays(week, 7)).subscribe({
      next: (page) => this.shifts.set(page.items),
      error: (e: unknown) => this.failure.set(e),
    });
  }

  protected time(iso: string): string {
    return formatTime(this.i18n.locale(), iso);
  }

  protected day(iso: string): string {
    return formatDay(this.i18n.locale(), new Date(iso), 'long');
  }

  protected toggleDuty(on: boolean): void {
    this.run(this.api.setOnDuty(on), on ? 'me.nowOnDuty' : 'me.nowOffDuty');
  }

  protected savePhone(): void {
    this.run(this.api.updateMe({ phone: this.phone.trim() === '' ? null : this.phone }), 'me.phoneSaved');
  }

  protected addSlot(): void {
    const last = this.slots().at(-1);
    const weekday = last ? (last.weekday % 7) + 1 : 1;
    this.slots.update((s) => [...s, { weekday, start: last?.start ?? '11:00', end: last?.end ?? '14:00' }]);
  }

  protected removeSlot(index: number): void {
    this.slots.update((s) => s.filter((_, i) => i !== index));
  }

  protected setSlot(index: number, change: Partial<AvailabilitySlot>): void {
    this.slots.update((s) => s.map((slot, i) => (i === index ? { ...slot, ...change } : slot)));
  }

  protected saveAvailability(): void {
    this.run(this.api.updateMe({ availability: this.slots() }), 'me.availabilitySaved');
  }

  private run(
    call: ReturnType<FleetApi['me']>,
    done: 'me.nowOnDuty' | 'me.nowOffDuty' | 'me.phoneSaved' | 'me.availabilitySaved',
  ): void {
    this.busy.set(true);
    this.failure.set(null);
    call.subscribe({
      next: (c) => {
        this.busy.set(false);
        this.show(c);
        this.snackBar.open(this.t(done), this.t('common.close'), { duration: 4000 });
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.snackBar.open(toProblemText(this.t, e), this.t('common.close'), { duration: 6000 });
      },
    });
  }

  private show(c: CourierView): void {
    this.me.set(c);
    this.phone = c.phone ?? '';
    this.slots.set(c.availability.map((s) => ({ ...s })));
  }
}
