import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { WebhookDeliveryView, WebhookSubscriptionView } from '@federacycle/contracts';
import { toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { DataListComponent, type ListColumn } from '../../shared/list/data-list.component';
import { ListCellDirective } from '../../shared/list/list-cell.directive';
import { injectPagedList } from '../../shared/list/paged-list';
import { StatusChipComponent, type StatusTone } from '../../shared/status-chip.component';
import { WebhooksApi } from './data/webhooks-api';
import { eventKey } from './webhook-labels';

const DELIVERY_TONES: Record<WebhookDeliveryView['state'], StatusTone> = {
  pending: 'info',
  retrying: 'warn',
  succeeded: 'ok',
  failed: 'danger',
};

/** The calls of one subscription, newest first (paged by the API), each with a Replay button. */
@Component({
  selector: 'fc-webhook-log',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, DataListComponent, ListCellDirective, EmptyStateComponent, StatusChipComponent],
  template: `
    <section class="log" [attr.aria-label]="t('webhooks.logTitle', { url: subscription().url })">
      <div class="heading">
        <h2>{{ t('webhooks.logTitle', { url: subscription().url }) }}</h2>
        <div class="actions">
          <button mat-stroked-button type="button" (click)="log.load()" data-action="refresh-log">
            {{ t('webhooks.refresh') }}
          </button>
          <button mat-button type="button" (click)="closed.emit()">{{ t('webhooks.logClose') }}</button>
        </div>
      </div>
      @if (listError(); as message) {
        <p class="fc-error-banner" role="alert">
          {{ message }}
          <button mat-button type="button" (click)="log.load()">{{ t('common.retry') }}</button>
        </p>
      }
      <fc-data-list
        data-list="webhook-log"
        [items]="log.items()"
        [total]="log.total()"
        [pageIndex]="log.pageIndex()"
        [pageSize]="log.pageSize()"
        [loading]="log.loading()"
        [loadingLabel]="t('app.loading')"
        [columns]="columns()"
        [trackBy]="deliveryId"
        [label]="t('webhooks.logList')"
        (pageChange)="log.setPage($event)"
      >
        <ng-template fcCell="time" [fcCellOf]="log.items()" let-d>{{ i18n.formatDateTime(d.createdAt) }}</ng-template>
        <ng-template fcCell="event" [fcCellOf]="log.items()" let-d>
          <span class="event">{{ t(eventKey(d.event)) }}</span>
          <code class="fc-muted">{{ d.event }}</code>
        </ng-template>
        <ng-template fcCell="attempts" [fcCellOf]="log.items()" let-d>{{ d.attempts }}</ng-template>
        <ng-template fcCell="status" [fcCellOf]="log.items()" let-d>
          <fc-status-chip [tone]="tone(d)">
            {{ d.lastStatusCode ?? (d.attempts > 0 ? t('webhooks.noAnswer') : '—') }} ·
            {{ t(stateKey(d)) }}
          </fc-status-chip>
          @if (d.lastError && d.lastStatusCode === null) {
            <span class="error">{{ d.lastError }}</span>
          }
        </ng-template>
        <ng-template fcCell="duration" [fcCellOf]="log.items()" let-d>
          {{ d.lastDurationMs === null ? '—' : t('webhooks.durationMs', { ms: i18n.formatNumber(d.lastDurationMs) }) }}
        </ng-template>
        <ng-template fcCell="next" [fcCellOf]="log.items()" let-d>
          {{ d.nextAttemptAt ? i18n.formatDateTime(d.nextAttemptAt) : '—' }}
        </ng-template>
        <ng-template fcCell="actions" [fcCellOf]="log.items()" let-d>
          <button
            mat-stroked-button
            type="button"
            data-action="replay"
            [disabled]="subscription().state === 'disabled'"
            [attr.aria-label]="t('webhooks.replayFor', { event: d.event, time: i18n.formatDateTime(d.createdAt) })"
            (click)="replay(d)"
          >
            {{ t('webhooks.replay') }}
          </button>
        </ng-template>
        <div fcEmpty>
          @if (!listError()) {
            <fc-empty-state [title]="t('webhooks.logEmpty')" [hint]="t('webhooks.logEmptyHint')" />
          }
        </div>
      </fc-data-list>
    </section>
  `,
  styles: `
    .heading {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
      align-items: center;
      justify-content: space-between;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      gap: var(--fc-space-2);
    }
    .event {
      display: block;
    }
    code {
      font: var(--fc-font-small);
    }
    .error {
      display: block;
      margin-top: var(--fc-space-1);
      font: var(--fc-font-small);
      color: var(--fc-status-danger-fg);
    }
  `,
})
export class WebhookLogComponent {
  private readonly api = inject(WebhooksApi);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly eventKey = eventKey;

  readonly subscription = input.required<WebhookSubscriptionView>();
  readonly closed = output<void>();

  protected readonly log = injectPagedList((page) => this.api.deliveries(this.subscription().id, page));
  protected readonly listError = computed(() => {
    const error = this.log.error();
    return error === null ? null : toProblemText(this.t, error);
  });
  protected readonly columns = computed<ListColumn[]>(() => [
    { id: 'time', header: this.t('webhooks.colTime') },
    { id: 'event', header: this.t('webhooks.colEvent') },
    { id: 'attempts', header: this.t('webhooks.colAttempt') },
    { id: 'status', header: this.t('webhooks.colStatus') },
    { id: 'duration', header: this.t('webhooks.colDuration') },
    { id: 'next', header: this.t('webhooks.colNext') },
    { id: 'actions', header: this.t('webhooks.colActions'), actions: true },
  ]);
  protected readonly deliveryId = (d: WebhookDeliveryView): string => d.id;

  constructor() {
    // a new subscription shown: its first page
    effect(() => {
      const id = this.subscription().id;
      untracked(() => {
        if (id) this.log.restart();
      });
    });
  }

  protected tone(d: WebhookDeliveryView): StatusTone {
    return DELIVERY_TONES[d.state];
  }

  protected stateKey(d: WebhookDeliveryView) {
    return `webhooks.delivery.${d.state}` as const;
  }

  protected replay(d: WebhookDeliveryView): void {
    this.api.replay(this.subscription().id, d.id).subscribe({
      next: () => {
        this.snackBar.open(this.t('webhooks.replayed'), this.t('common.close'), { duration: 5000 });
        this.log.load();
      },
      error: (error: unknown) => {
        this.snackBar.open(toProblemText(this.t, error), this.t('common.close'), { duration: 6000 });
      },
    });
  }
}
