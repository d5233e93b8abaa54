import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  WEBHOOK_EVENTS,
  type WebhookEventName,
  type WebhookSubscriptionView,
  type WebhookSubscriptionWithSecret,
} from '@federacycle/contracts';
import { toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { DataListComponent, type ListColumn } from '../../shared/list/data-list.component';
import { ListCellDirective } from '../../shared/list/list-cell.directive';
import { injectPagedList } from '../../shared/list/paged-list';
import { StatusChipComponent, type StatusTone } from '../../shared/status-chip.component';
import { WebhooksApi } from './data/webhooks-api';
import { SUBSCRIPTION_TONES, VERIFY_SNIPPET, eventKey } from './webhook-labels';
import { WebhookLogComponent } from './webhook-log.component';

/** Container: the coop's webhook subscriptions (its own and its partners'), a new one, the secret shown once, a log. */
@Component({
  selector: 'fc-webhooks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatInputModule,
    DataListComponent,
    ListCellDirective,
    EmptyStateComponent,
    StatusChipComponent,
    WebhookLogComponent,
  ],
  template: `
    <div class="heading">
      <h1>{{ t('webhooks.title') }}</h1>
      @if (!creating()) {
        <button mat-flat-button type="button" data-action="new-webhook" (click)="creating.set(true)">
          {{ t('webhooks.new') }}
        </button>
      }
    </div>
    <p class="intro fc-muted">{{ t('webhooks.intro') }}</p>

    @if (creating()) {
      <form class="create fc-form" (submit)="$event.preventDefault(); create()" data-form="new-webhook">
        <mat-form-field>
          <mat-label>{{ t('webhooks.url') }}</mat-label>
          <input matInput type="url" name="url" [formControl]="url" autocomplete="off" inputmode="url" />
          <mat-hint>{{ t('webhooks.urlHint') }}</mat-hint>
        </mat-form-field>
        <fieldset>
          <legend>{{ t('webhooks.events') }}</legend>
          <div class="events">
            @for (e of events; track e) {
              <mat-checkbox [checked]="chosen().has(e)" (change)="toggle(e, $event.checked)" [attr.data-event]="e">
                {{ t(eventKey(e)) }}
              </mat-checkbox>
            }
          </div>
        </fieldset>
        @if (createError(); as message) {
          <p class="fc-error-banner" role="alert">{{ message }}</p>
        }
        <div class="fc-form-actions">
          <button mat-flat-button type="submit" [disabled]="busy() || url.invalid || chosen().size === 0">
            {{ t('webhooks.create') }}
          </button>
          <button mat-button type="button" (click)="creating.set(false)">{{ t('webhooks.cancel') }}</button>
        </div>
      </form>
    }

    @if (revealed(); as r) {
      <section class="secret fc-info-banner" role="status" data-panel="secret">
        <h2>{{ t('webhooks.secretTitle', { url: r.url }) }}</h2>
        <p>{{ t('webhooks.secretOnce') }}</p>
        <div class="secret-row">
          <mat-form-field subscriptSizing="dynamic" class="secret-field">
            <mat-label>{{ t('webhooks.secretLabel') }}</mat-label>
            <input matInput readonly [value]="r.secret" data-field="secret" />
          </mat-form-field>
          <button mat-stroked-button type="button" (click)="copy(r.secret)" data-action="copy-secret">
            {{ copied() ? t('webhooks.copied') : t('webhooks.copy') }}
          </button>
        </div>
        @if (r.previousSecretUntil) {
          <p>{{ t('webhooks.overlap', { until: i18n.formatDateTime(r.previousSecretUntil) }) }}</p>
        }
        <button mat-button type="button" (click)="revealed.set(null)">{{ t('webhooks.secretDone') }}</button>
      </section>
    }

    @if (listError(); as message) {
      <p class="fc-error-banner" role="alert">
        {{ message }}
        <button mat-button type="button" (click)="subscriptions.load()">{{ t('common.retry') }}</button>
      </p>
    }
    <fc-data-list
      data-list="webhooks"
      [items]="subscriptions.items()"
      [total]="subscriptions.total()"
      [pageIndex]="subscriptions.pageIndex()"
      [pageSize]="subscriptions.pageSize()"
      [loading]="subscriptions.loading()"
      [loadingLabel]="t('app.loading')"
      [columns]="columns()"
      [trackBy]="subscriptionId"
      [label]="t('webhooks.list')"
      (pageChange)="subscriptions.setPage($event)"
    >
      <ng-template fcCell="url" [fcCellOf]="subscriptions.items()" let-s>
        <span class="url">{{ s.url }}</span>
        <span class="secret-hint fc-muted">{{ s.secretHint }}</span>
      </ng-template>
      <ng-template fcCell="owner" [fcCellOf]="subscriptions.items()" let-s>
        {{ s.clientName ?? t('webhooks.ownerCoop') }}
      </ng-template>
      <ng-template fcCell="events" [fcCellOf]="subscriptions.items()" let-s>
        @for (e of s.events; track e) {
          <span class="tag">{{ t(eventKey(e)) }}</span>
        }
      </ng-template>
      <ng-template fcCell="state" [fcCellOf]="subscriptions.items()" let-s>
        <fc-status-chip [tone]="tone(s)">{{ t(stateKey(s)) }}</fc-status-chip>
        @if (s.failingSince) {
          <span class="since">{{ t('webhooks.failingSince', { since: i18n.formatDateTime(s.failingSince) }) }}</span>
        }
      </ng-template>
      <ng-template fcCell="actions" [fcCellOf]="subscriptions.items()" let-s>
        <div class="row-actions">
          <button
            mat-stroked-button
            type="button"
            data-action="show-log"
            [attr.aria-label]="t('webhooks.logFor', { url: s.url })"
            [attr.aria-pressed]="selected()?.id === s.id"
            (click)="selected.set(s)"
          >
            {{ t('webhooks.log') }}
          </button>
          <button
            mat-button
            type="button"
            data-action="rotate"
            [attr.aria-label]="t('webhooks.rotateFor', { url: s.url })"
            [disabled]="busy()"
            (click)="rotate(s)"
          >
            {{ t('webhooks.rotate') }}
          </button>
          <button mat-button type="button" data-action="toggle" [disabled]="busy()" (click)="toggleEnabled(s)">
            {{ t(s.state === 'disabled' ? 'webhooks.enable' : 'webhooks.disable') }}
          </button>
          @if (confirmingDelete() === s.id) {
            <button mat-flat-button type="button" class="destructive" data-action="confirm-delete" (click)="remove(s)">
              {{ t('webhooks.deleteConfirm') }}
            </button>
          } @else {
            <button
              mat-button
              type="button"
              data-action="delete"
              [attr.aria-label]="t('webhooks.deleteFor', { url: s.url })"
              (click)="confirmingDelete.set(s.id)"
            >
              {{ t('webhooks.delete') }}
            </button>
          }
        </div>
      </ng-template>
      <div fcEmpty>
        @if (!listError()) {
          <fc-empty-state [title]="t('webhooks.empty')" [hint]="t('webhooks.emptyHint')" />
        }
      </div>
    </fc-data-list>

    @if (selected(); as s) {
      <fc-webhook-log class="log" [subscription]="s" (closed)="selected.set(null)" />
    }

    <section class="verify">
      <h2>{{ t('webhooks.verifyTitle') }}</h2>
      <p>{{ t('webhooks.verifyText') }}</p>
      <pre tabindex="0"><code>{{ snippet }}</code></pre>
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
    .intro {
      max-width: 52rem;
    }
    .create {
      max-width: 40rem;
      margin-bottom: var(--fc-space-4);
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
    }
    legend {
      margin-bottom: var(--fc-space-2);
      font: var(--mat-sys-title-small);
    }
    .events {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    }
    .secret {
      max-width: 44rem;
    }
    .secret h2,
    .verify h2 {
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .secret-row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-2);
      align-items: center;
    }
    .secret-field {
      flex: 1 1 22rem;
    }
    .secret-field input {
      font-family: var(--fc-font-mono, monospace);
    }
    .url {
      display: block;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .secret-hint,
    .since {
      display: block;
      font: var(--fc-font-small);
    }
    .since {
      margin-top: var(--fc-space-1);
      color: var(--fc-status-danger-fg);
    }
    .tag {
      display: inline-block;
      margin: 0 var(--fc-space-1) var(--fc-space-1) 0;
      padding: 0 var(--fc-space-2);
      border-radius: var(--fc-radius-s, 8px);
      background: var(--mat-sys-surface-container-high);
      font: var(--fc-font-small);
    }
    .row-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-1);
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
    .log {
      display: block;
      margin-top: var(--fc-space-5);
    }
    .verify {
      margin-top: var(--fc-space-5);
      max-width: 52rem;
    }
    pre {
      overflow-x: auto;
      padding: var(--fc-space-3);
      border-radius: var(--fc-radius-m);
      background: var(--mat-sys-surface-container);
      font: var(--fc-font-small);
      font-family: var(--fc-font-mono, monospace);
    }
    pre:focus-visible {
      outline: 2px solid var(--fc-focus-ring);
      outline-offset: 2px;
    }
  `,
})
export class WebhooksPage implements OnInit {
  private readonly api = inject(WebhooksApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly clipboard = inject(Clipboard);
  protected readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly events = WEBHOOK_EVENTS;
  protected readonly eventKey = eventKey;
  protected readonly snippet = VERIFY_SNIPPET;

  protected readonly creating = signal(false);
  protected readonly busy = signal(false);
  protected readonly createError = signal<string | null>(null);
  protected readonly url = new FormControl('', { nonNullable: true, validators: [Validators.required] });
  protected readonly chosen = signal<ReadonlySet<WebhookEventName>>(
    new Set(['delivery.picked_up', 'delivery.completed', 'delivery.failed']),
  );
  /** the secret of the subscription just created or rotated: shown this once */
  protected readonly revealed = signal<WebhookSubscriptionWithSecret | null>(null);
  protected readonly copied = signal(false);
  protected readonly selected = signal<WebhookSubscriptionView | null>(null);
  protected readonly confirmingDelete = signal<string | null>(null);

  protected readonly subscriptions = injectPagedList((page) => this.api.list(page));
  protected readonly listError = computed(() => {
    const error = this.subscriptions.error();
    return error === null ? null : toProblemText(this.t, error);
  });
  protected readonly columns = computed<ListColumn[]>(() => [
    { id: 'url', header: this.t('webhooks.colUrl') },
    { id: 'owner', header: this.t('webhooks.colOwner') },
    { id: 'events', header: this.t('webhooks.colEvents') },
    { id: 'state', header: this.t('webhooks.colState') },
    { id: 'actions', header: this.t('webhooks.colActions'), actions: true },
  ]);
  protected readonly subscriptionId = (s: WebhookSubscriptionView): string => s.id;

  ngOnInit(): void {
    this.subscriptions.load();
  }

  protected tone(s: WebhookSubscriptionView): StatusTone {
    return SUBSCRIPTION_TONES[s.state];
  }

  protected stateKey(s: WebhookSubscriptionView) {
    return `webhooks.state.${s.state}` as const;
  }

  protected toggle(event: WebhookEventName, on: boolean): void {
    const next = new Set(this.chosen());
    if (on) next.add(event);
    else next.delete(event);
    this.chosen.set(next);
  }

  protected create(): void {
    if (this.url.invalid || this.chosen().size === 0) return;
    this.busy.set(true);
    this.createError.set(null);
    const events = WEBHOOK_EVENTS.filter((e) => this.chosen().has(e));
    this.api.create({ url: this.url.value.trim(), events }).subscribe({
      next: (created) => {
        this.busy.set(false);
        this.creating.set(false);
        this.url.reset();
        this.show(created);
        this.subscriptions.load();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.createError.set(toProblemText(this.t, error));
      },
    });
  }

  protected rotate(s: WebhookSubscriptionView): void {
    this.busy.set(true);
    // the previous secret keeps signing for an hour: time to deploy the new one
    this.api.rotate(s.id, 60).subscribe({
      next: (rotated) => {
        this.busy.set(false);
        this.show(rotated);
        this.subscriptions.load();
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected toggleEnabled(s: WebhookSubscriptionView): void {
    this.busy.set(true);
    this.api.update(s.id, { enabled: s.state === 'disabled' }).subscribe({
      next: (updated) => {
        this.busy.set(false);
        if (this.selected()?.id === s.id) this.selected.set(updated);
        this.subscriptions.load();
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected remove(s: WebhookSubscriptionView): void {
    this.api.remove(s.id).subscribe({
      next: () => {
        this.confirmingDelete.set(null);
        if (this.selected()?.id === s.id) this.selected.set(null);
        this.snackBar.open(this.t('webhooks.deleted'), this.t('common.close'), { duration: 4000 });
        this.subscriptions.load();
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected copy(secret: string): void {
    this.copied.set(this.clipboard.copy(secret));
  }

  private show(withSecret: WebhookSubscriptionWithSecret): void {
    this.copied.set(false);
    this.revealed.set(withSecret);
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.snackBar.open(toProblemText(this.t, error), this.t('common.close'), { duration: 6000 });
  }
}
