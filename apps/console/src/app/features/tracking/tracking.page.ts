import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { DeliveryState, TrackingProof, TrackingStep, TrackingView } from '@federacycle/contracts';
import { EMPTY, catchError, switchMap, takeWhile, timer } from 'rxjs';
import { toApiProblem } from '../../core/api/api-error';
import { problemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { StatusChipComponent, deliveryTone } from '../../shared/status-chip.component';
import { TrackingApi } from './data/tracking-api';
import { TrackingMapComponent } from './tracking-map.component';

/** How often the page asks again while the delivery is not finished. */
export const TRACKING_POLL_MS = 15_000;
const FINAL: readonly DeliveryState[] = ['completed', 'failed', 'cancelled'];

/**
 * Public page: the recipient follows their delivery by the link in their message (no sign-in).
 * Phone first. Polls every 15 s until the delivery is finished.
 */
@Component({
  selector: 'fc-tracking-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, MatProgressBarModule, StatusChipComponent, TrackingMapComponent],
  templateUrl: './tracking.page.html',
  styleUrl: './tracking.page.scss',
})
export class TrackingPage implements OnInit {
  private readonly api = inject(TrackingApi);
  private readonly i18n = inject(I18nService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly t = this.i18n.t;
  protected readonly tone = deliveryTone;

  /** the route's `:token` */
  readonly token = input.required<string>();

  protected readonly view = signal<TrackingView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly loading = signal(true);

  protected readonly courierPoint = computed(() => {
    const c = this.view()?.courier;
    return c && c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : null;
  });

  /** when the delivery was delivered (the timeline's last step), for the proofs' heading */
  protected readonly deliveredAt = computed(
    () => this.view()?.timeline.find((e) => e.step === 'delivered')?.at ?? null,
  );

  ngOnInit(): void {
    timer(0, TRACKING_POLL_MS)
      .pipe(
        switchMap(() =>
          this.api.view(this.token()).pipe(
            catchError((error: unknown) => {
              // a poll that fails keeps the last view; with none, say why
              if (this.view() === null) this.error.set(problemText(this.t, toApiProblem(error)));
              this.loading.set(false);
              return EMPTY;
            }),
          ),
        ),
        takeWhile((view) => !FINAL.includes(view.state), true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((view) => {
        this.view.set(view);
        this.error.set(null);
        this.loading.set(false);
      });
  }

  protected time(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { timeStyle: 'short' }).format(new Date(iso));
  }

  protected windowText(after: string | null, before: string | null): string | null {
    const format = new Intl.DateTimeFormat(this.i18n.locale(), {
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    if (after && before) return format.formatRange(new Date(after), new Date(before));
    // a one-sided window says which side it is ("by Mon 21:06", "from Mon 18:00")
    if (before) return this.t('tracking.windowBy', { time: format.format(new Date(before)) });
    if (after) return this.t('tracking.windowFrom', { time: format.format(new Date(after)) });
    return null;
  }

  protected proofLabel(kind: TrackingProof['kind']): string {
    return this.t(kind === 'photo' ? 'tracking.proofPhoto' : 'tracking.proofSignature');
  }

  /** the code read digit by digit by a screen reader ("0 4 2 9 1 7", not "forty-two thousand…") */
  protected spelled(code: string): string {
    return code.split('').join(' ');
  }

  protected stepLabel(step: TrackingStep): string {
    return this.t(`tracking.step.${step}`);
  }

  protected stateLabel(state: DeliveryState): string {
    return this.t(`tracking.state.${state}`);
  }
}
