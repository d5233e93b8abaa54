import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { ShiftView } from '@federacycle/contracts';
import { toProblemText } from '../../core/api/problem-text';
import { injectIsCompact } from '../../core/layout/breakpoints';
import { I18nService } from '../../core/i18n/i18n.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { FleetApi } from './data/fleet-api';
import {
  addDays,
  dayKey,
  parseDayKey,
  startOfDay,
  startOfWeek,
  timelineSpan,
  weekDays,
  weekRows,
} from './data/shift-calendar';
import { formatDay, formatTime } from './fleet-labels';

type View = 'week' | 'day';

/** Container: the coop's planned shifts, a week grid (courier × day) and a dense day view with a timeline. */
@Component({
  selector: 'fc-shifts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatButtonToggleModule, MatProgressBarModule, EmptyStateComponent],
  template: `
    <p class="back">
      <a routerLink="/couriers">← {{ t('courier.back') }}</a>
    </p>
    <h1>{{ t('shifts.title') }}</h1>
    <div class="toolbar">
      <mat-button-toggle-group
        [value]="view()"
        (change)="go($event.value, anchor())"
        [attr.aria-label]="t('shifts.view')"
      >
        <mat-button-toggle value="week" data-view="week">{{ t('shifts.week') }}</mat-button-toggle>
        <mat-button-toggle value="day" data-view="day">{{ t('shifts.day') }}</mat-button-toggle>
      </mat-button-toggle-group>
      <div class="nav">
        <button
          mat-stroked-button
          type="button"
          (click)="step(-1)"
          [attr.aria-label]="t(view() === 'week' ? 'shifts.previousWeek' : 'shifts.previousDay')"
        >
          ‹
        </button>
        <button mat-stroked-button type="button" (click)="go(view(), today())">{{ t('shifts.today') }}</button>
        <button
          mat-stroked-button
          type="button"
          (click)="step(1)"
          [attr.aria-label]="t(view() === 'week' ? 'shifts.nextWeek' : 'shifts.nextDay')"
        >
          ›
        </button>
      </div>
      <h2 class="period" aria-live="polite">
        {{ periodLabel() }} · {{ t('shifts.count', { count: shifts().length }) }}
      </h2>
    </div>
    <div class="progress">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('app.loading')" />
      }
    </div>
    @if (error(); as message) {
      <p class="fc-error-banner" role="alert">
        {{ message }} <button mat-button type="button" (click)="load()">{{ t('common.retry') }}</button>
      </p>
    }
    @if (!loading() && shifts().length === 0 && !error()) {
      <fc-empty-state [title]="t('shifts.empty')" [hint]="t('shifts.emptyHint')" />
    } @else if (view() === 'week') {
      @if (compact()) {
        <div class="week-list" data-view-body="week">
          @for (d of days(); track $index; let i = $index) {
            <section class="day-card">
              <h3>
                <a
                  [routerLink]="[]"
                  [queryParams]="{ view: 'day', date: key(d) }"
                  [attr.aria-label]="t('shifts.openDay', { date: dayLabel(d) })"
                  >{{ dayLabel(d) }}</a
                >
              </h3>
              <ul>
                @for (s of byDay()[i]; track s.id) {
                  <li>
                    <span class="time">{{ range(s) }}</span>
                    <a [routerLink]="['/couriers', s.courierId]">{{ s.courierName }}</a>
                  </li>
                } @empty {
                  <li class="muted">—</li>
                }
              </ul>
            </section>
          }
        </div>
      } @else {
        <div class="grid-wrap" data-view-body="week">
          <table class="week">
            <caption class="fc-visually-hidden">
              {{
                periodLabel()
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ t('shifts.courier') }}</th>
                @for (d of days(); track $index) {
                  <th scope="col" [class.today]="isToday(d)">
                    <a
                      [routerLink]="[]"
                      [queryParams]="{ view: 'day', date: key(d) }"
                      [attr.aria-label]="t('shifts.openDay', { date: dayLabel(d) })"
                      >{{ dayLabel(d) }}</a
                    >
                  </th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.courierId) {
                <tr>
                  <th scope="row">
                    <a [routerLink]="['/couriers', row.courierId]">{{ row.courierName }}</a>
                  </th>
                  @for (cell of row.days; track $index; let i = $index) {
                    <td [class.today]="isToday(days()[i])">
                      @for (s of cell; track s.id) {
                        <span class="shift" [title]="s.note ?? ''">{{ range(s) }}</span>
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    } @else {
      <div class="day-view" data-view-body="day">
        <div class="hours-row" aria-hidden="true">
          <span></span>
          <span></span>
          <span class="hours">
            @for (h of hours; track h) {
              <span [style.left.%]="(h / 24) * 100">{{ h }}h</span>
            }
          </span>
        </div>
        <ul class="day-rows">
          @for (s of shifts(); track s.id) {
            <li>
              <a class="who" [routerLink]="['/couriers', s.courierId]">{{ s.courierName }}</a>
              <span class="time">{{ range(s) }}</span>
              <span class="bar-track" [attr.aria-label]="t('shifts.timeline')">
                <span class="bar" [style.left.%]="span(s).left" [style.width.%]="span(s).width"></span>
              </span>
              @if (s.note) {
                <span class="note">{{ s.note }}</span>
              }
            </li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    .back {
      margin: 0 0 var(--fc-space-2);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
      align-items: center;
    }
    .nav {
      display: flex;
      gap: var(--fc-space-1);
    }
    .nav button {
      min-width: 44px;
      min-height: 44px;
    }
    .period {
      margin: 0;
      font: var(--fc-font-title, inherit);
    }
    .progress {
      height: 4px;
      margin: var(--fc-space-2) 0;
    }
    .grid-wrap {
      overflow-x: auto;
    }
    table.week {
      border-collapse: collapse;
      width: 100%;
      font: var(--fc-font-small);
    }
    .week th,
    .week td {
      border: 1px solid var(--mat-sys-outline-variant);
      padding: 2px var(--fc-space-1);
      vertical-align: top;
      text-align: left;
      white-space: nowrap;
    }
    .week thead th {
      background: var(--mat-sys-surface-container);
    }
    .week .today {
      background: var(--mat-sys-surface-container-high);
    }
    .shift {
      display: block;
      margin: 1px 0;
      padding: 0 var(--fc-space-1);
      border-left: 3px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
      font-variant-numeric: tabular-nums;
    }
    .week-list {
      display: grid;
      gap: var(--fc-space-2);
    }
    .day-card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--fc-radius-s, 8px);
      padding: var(--fc-space-2) var(--fc-space-3);
    }
    .day-card h3 {
      margin: 0 0 var(--fc-space-1);
    }
    .day-card ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .day-card li {
      display: flex;
      gap: var(--fc-space-2);
      padding: var(--fc-space-1) 0;
    }
    .time {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .muted,
    .note {
      color: var(--mat-sys-on-surface-variant);
    }
    .day-view {
      font: var(--fc-font-small);
    }
    .hours-row {
      display: grid;
      grid-template-columns: 10rem 7.5rem minmax(8rem, 1fr);
      gap: 0 var(--fc-space-2);
    }
    .hours {
      position: relative;
      height: 1.4em;
      color: var(--mat-sys-on-surface-variant);
    }
    .hours span {
      position: absolute;
      transform: translateX(-50%);
    }
    .day-rows {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .day-rows li {
      display: grid;
      grid-template-columns: 10rem 7.5rem minmax(8rem, 1fr);
      gap: 0 var(--fc-space-2);
      align-items: center;
      padding: 2px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .day-rows .note {
      grid-column: 3;
    }
    .who {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .bar-track {
      position: relative;
      height: 14px;
      background: repeating-linear-gradient(
        to right,
        var(--mat-sys-surface-container) 0,
        var(--mat-sys-surface-container) calc(100% / 24 - 1px),
        var(--mat-sys-outline-variant) calc(100% / 24 - 1px),
        var(--mat-sys-outline-variant) calc(100% / 24)
      );
    }
    .bar {
      position: absolute;
      top: 0;
      bottom: 0;
      background: var(--mat-sys-primary);
      border-radius: 3px;
    }
    @media (max-width: 839.98px) {
      .hours-row {
        display: none;
      }
      .day-rows li {
        grid-template-columns: minmax(0, 1fr) auto;
        padding: var(--fc-space-2) 0;
      }
      .bar-track {
        grid-column: 1 / -1;
        margin-top: var(--fc-space-1);
      }
      .day-rows .note {
        grid-column: 1 / -1;
      }
    }
  `,
})
export class ShiftsPage {
  private readonly api = inject(FleetApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly compact = injectIsCompact();
  protected readonly hours = [0, 3, 6, 9, 12, 15, 18, 21];

  /** query parameters (`?view=day&date=2026-12-02`), bound by the router */
  readonly viewParam = input<string | undefined>(undefined, { alias: 'view' });
  readonly dateParam = input<string | undefined>(undefined, { alias: 'date' });

  protected readonly view = computed<View>(() => (this.viewParam() === 'day' ? 'day' : 'week'));
  protected readonly anchor = computed(() => parseDayKey(this.dateParam()) ?? startOfDay(new Date()));
  protected readonly from = computed(() =>
    this.view() === 'week' ? startOfWeek(this.anchor()) : startOfDay(this.anchor()),
  );
  protected readonly to = computed(() => addDays(this.from(), this.view() === 'week' ? 7 : 1));
  protected readonly days = computed(() => weekDays(this.from()));
  protected readonly shifts = signal<ShiftView[]>([]);
  protected readonly rows = computed(() => weekRows(this.shifts(), this.from()));
  protected readonly byDay = computed(() => {
    const days: ShiftView[][] = Array.from({ length: 7 }, () => []);
    for (const row of this.rows()) row.days.forEach((cell, i) => days[i]?.push(...cell));
    return days.map((d) => d.sort((a, b) => a.startsAt.localeCompare(b.startsAt)));
  });
  protected readonly loading = signal(false);
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => (this.failure() === null ? null : toProblemText(this.t, this.failure())));
  protected readonly periodLabel = computed(() => {
    const locale = this.i18n.locale();
    if (this.view() === 'day') return formatDay(locale, this.from(), 'long');
    return this.t('shifts.weekOf', {
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(this.from()),
    });
  });

  constructor() {
    effect(() => this.fetch(this.from(), this.to()));
  }

  protected today(): Date {
    return startOfDay(new Date());
  }

  protected key(d: Date): string {
    return dayKey(d);
  }

  protected isToday(d: Date | undefined): boolean {
    return d !== undefined && dayKey(d) === dayKey(new Date());
  }

  protected dayLabel(d: Date): string {
    return formatDay(this.i18n.locale(), d);
  }

  protected range(s: ShiftView): string {
    const locale = this.i18n.locale();
    return `${formatTime(locale, s.startsAt)}–${formatTime(locale, s.endsAt)}`;
  }

  protected span(s: ShiftView): { left: number; width: number } {
    return timelineSpan(s, this.from());
  }

  protected go(view: View, date: Date): void {
    void this.router.navigate([], { queryParams: { view, date: dayKey(date) } });
  }

  protected step(direction: 1 | -1): void {
    this.go(this.view(), addDays(this.anchor(), direction * (this.view() === 'week' ? 7 : 1)));
  }

  load(): void {
    this.fetch(this.from(), this.to());
  }

  private fetch(from: Date, to: Date): void {
    this.loading.set(true);
    this.failure.set(null);
    this.api.listShifts(from, to).subscribe({
      next: (page) => {
        this.shifts.set(page.items);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.failure.set(e);
        this.loading.set(false);
      },
    });
  }
}
