import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  FAILURE_REASONS,
  type DeliveryPartnerView,
  type DeliveryProofView,
  type DeliveryState,
  type DeliveryView,
  type EventSource,
  type TaskEventType,
  type TaskEventView,
  type TaskState,
  type TaskView,
} from '@federacycle/contracts';
import { forkJoin } from 'rxjs';
import { toApiProblem } from '../../core/api/api-error';
import { problemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { StatusChipComponent, deliveryTone, type StatusTone } from '../../shared/status-chip.component';
import { DispatchApi } from './data/dispatch-api';
import { ProofGalleryComponent } from './proof-gallery.component';

/** One delivery: its tasks (with who holds them) and the full history of every change. */
@Component({
  selector: 'fc-delivery-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    ProofGalleryComponent,
    RouterLink,
    StatusChipComponent,
  ],
  template: `
    <a mat-button routerLink="/deliveries">← {{ t('deliveries.back') }}</a>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('app.loading')" />
    }
    @if (error(); as message) {
      <p class="fc-error-banner" role="alert">{{ message }}</p>
    }
    @if (delivery(); as d) {
      <div class="head">
        <h1>{{ d.reference ?? t('deliveries.noReference') }}</h1>
        <fc-status-chip [tone]="tone(d.state)">{{ stateLabel(d.state) }}</fc-status-chip>
      </div>
      <p class="fc-muted">
        {{ t('deliveries.createdAt', { time: time(d.createdAt) }) }} ·
        <a [href]="'/track/' + d.trackingToken" target="_blank" rel="noopener">{{ t('deliveries.trackingLink') }}</a>
      </p>
      <p class="origin" data-field="source">
        {{ t('deliveries.source', { source: sourceLabel(d.source) }) }}
        @if (partner(); as p) {
          · <strong>{{ t('deliveries.partner', { name: p.clientName }) }}</strong>
          @if (p.test) {
            · {{ t('deliveries.testDelivery') }}
          }
          @if (p.price; as price) {
            · {{ t('deliveries.price', { amount: money(price.amountMinor, price.currency) }) }}
          }
        }
        @if (d.timeSlotId) {
          · {{ t('deliveries.bookedInSlot') }}
        }
      </p>
      <section class="section" aria-labelledby="tasks-heading">
        <h2 id="tasks-heading">{{ t('deliveries.tasks') }}</h2>
        <div class="tasks">
          @for (task of d.tasks; track task.id) {
            <mat-card appearance="outlined" [attr.data-task]="task.kind">
              <mat-card-content>
                <div class="head">
                  <h3>{{ t(task.kind === 'pickup' ? 'deliveries.pickup' : 'deliveries.dropoff') }}</h3>
                  <fc-status-chip [tone]="taskTone(task.state)">{{ taskStateLabel(task.state) }}</fc-status-chip>
                </div>
                <p>{{ task.address }}</p>
                @if (windowOf(task); as w) {
                  <p class="fc-muted">{{ w }}</p>
                }
                @if (task.contactName || task.contactPhone) {
                  <p>{{ task.contactName }} {{ task.contactPhone }}</p>
                }
                @if (task.contactEmail) {
                  <p class="fc-muted">{{ task.contactEmail }} ({{ task.contactLanguage ?? 'en' }})</p>
                }
                @if (task.assignment; as a) {
                  <p>{{ t('deliveries.heldBy', { name: a.courierName }) }}</p>
                }
                @if (task.attempt > 1) {
                  <p class="fc-muted">{{ t('deliveries.attempt', { n: task.attempt }) }}</p>
                }
                @if (proofsOf(task.id); as proofs) {
                  <fc-proof-gallery [deliveryId]="d.id" [proofs]="proofs" />
                }
              </mat-card-content>
            </mat-card>
          }
        </div>
      </section>
      <section class="section" aria-labelledby="history-heading">
        <h2 id="history-heading">{{ t('deliveries.history') }}</h2>
        <ol class="history" data-list="history">
          @for (e of events(); track e.id) {
            <li>
              <span class="when">{{ time(e.at) }}</span>
              <span class="what">
                <strong>{{ eventLabel(e.type) }}</strong>
                · {{ kindOf(e.taskId) }}
                @if (e.data['reason']; as reason) {
                  · {{ reasonLabel(reason) }}
                }
              </span>
              <span class="who fc-muted">
                {{ e.actorName ?? sourceLabel(e.source) }}
                @if (e.actorName) {
                  ({{ sourceLabel(e.source) }})
                }
                @if (e.data['courierId']) {
                  → {{ courierName(e.data['courierId']) }}
                }
              </span>
            </li>
          }
        </ol>
      </section>
    }
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      gap: var(--fc-space-3);
      flex-wrap: wrap;
      h1,
      h3 {
        margin: var(--fc-space-1) 0;
      }
    }
    .section {
      margin-top: var(--fc-space-5);
    }
    .origin {
      margin: var(--fc-space-1) 0;
    }
    .tasks {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(280px, 1fr));
      gap: var(--fc-space-3);
      p {
        margin: var(--fc-space-1) 0;
        overflow-wrap: anywhere;
      }
    }
    .history {
      list-style: none;
      padding: 0;
      margin: 0;
      li {
        display: grid;
        grid-template-columns: minmax(120px, auto) 1fr auto;
        gap: var(--fc-space-3);
        padding: var(--fc-space-2) 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      @media (max-width: 599px) {
        li {
          grid-template-columns: 1fr;
          gap: var(--fc-space-1);
        }
      }
    }
  `,
})
export class DeliveryDetailPage implements OnInit {
  private readonly api = inject(DispatchApi);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly tone = deliveryTone;

  /** the route's `:id` */
  readonly id = input.required<string>();

  protected readonly delivery = signal<DeliveryView | null>(null);
  protected readonly events = signal<TaskEventView[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly proofs = signal<DeliveryProofView[]>([]);
  /** the partner client that created it (partner API deliveries only) */
  protected readonly partner = signal<DeliveryPartnerView | null>(null);
  private readonly tasksById = computed(() => new Map((this.delivery()?.tasks ?? []).map((t) => [t.id, t])));

  ngOnInit(): void {
    forkJoin([
      this.api.getDelivery(this.id()),
      this.api.deliveryEvents(this.id()),
      this.api.deliveryProofs(this.id()),
    ]).subscribe({
      next: ([delivery, events, proofs]) => {
        this.delivery.set(delivery);
        if (delivery.source === 'partner_api') {
          this.api.deliveryPartner(delivery.id).subscribe({
            next: (partner) => this.partner.set(partner),
            error: () => this.partner.set(null),
          });
        }
        this.events.set(events.items);
        this.proofs.set(proofs.items);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(problemText(this.t, toApiProblem(error)));
      },
    });
  }

  protected time(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'short', timeStyle: 'medium' }).format(
      new Date(iso),
    );
  }

  protected money(amountMinor: number, currency: string): string {
    return new Intl.NumberFormat(this.i18n.locale(), { style: 'currency', currency }).format(amountMinor / 100);
  }

  protected windowOf(task: TaskView): string | null {
    const format = new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'short', timeStyle: 'short' });
    if (task.after && task.before) return format.formatRange(new Date(task.after), new Date(task.before));
    if (task.before) return this.t('deliveries.until', { time: format.format(new Date(task.before)) });
    if (task.after) return this.t('deliveries.from', { time: format.format(new Date(task.after)) });
    return null;
  }

  /** the task's proofs, or null when it has none */
  protected proofsOf(taskId: string): DeliveryProofView[] | null {
    const mine = this.proofs().filter((p) => p.taskId === taskId);
    return mine.length > 0 ? mine : null;
  }

  protected kindOf(taskId: string): string {
    const task = this.tasksById().get(taskId);
    if (!task) return '';
    return `${this.t(task.kind === 'pickup' ? 'deliveries.pickup' : 'deliveries.dropoff')}${task.attempt > 1 ? ` #${task.attempt}` : ''}`;
  }

  /** The name of a courier the delivery's tasks name (the event data holds the id). */
  protected courierName(id: string | number | boolean | null): string {
    for (const task of this.delivery()?.tasks ?? []) {
      if (task.assignment && task.assignment.courierId === id) return task.assignment.courierName;
    }
    return '';
  }

  protected taskTone(state: TaskState): StatusTone {
    return state === 'done' ? 'ok' : state === 'failed' ? 'danger' : state === 'cancelled' ? 'neutral' : 'info';
  }

  protected eventLabel(type: TaskEventType): string {
    return this.t(`taskEvent.${type}`);
  }

  protected reasonLabel(reason: string | number | boolean): string {
    const known = FAILURE_REASONS.find((r) => r === reason);
    return known ? this.t(`failureReason.${known}`) : String(reason);
  }

  protected stateLabel(state: DeliveryState): string {
    return this.t(`deliveryState.${state}`);
  }

  protected taskStateLabel(state: TaskState): string {
    return this.t(`taskState.${state}`);
  }

  protected sourceLabel(source: EventSource): string {
    return this.t(`eventSource.${source}`);
  }
}
