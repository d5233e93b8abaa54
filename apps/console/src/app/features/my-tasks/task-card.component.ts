import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  FAILURE_REASONS,
  type CourierStep,
  type FailureReason,
  type ProofRequirement,
  type TaskState,
} from '@federacycle/contracts';
import { problemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import type { TranslationKey } from '../../core/i18n/en';
import { StatusChipComponent, type StatusTone } from '../../shared/status-chip.component';
import { nextStep, type QueuedItem, type ShownTask } from './data/action-queue';
import { navigationUrl, packagesText, telUrl } from './data/task-links';
import { shrinkPhoto } from './data/photo';
import { SignaturePadComponent } from './signature-pad.component';

/** What the courier decided on a task, with the proofs the policy asked for. */
export interface TaskDecision {
  taskId: string;
  step: CourierStep;
  photo?: Blob;
  signature?: Blob;
  code?: string;
  reason?: FailureReason;
  note?: string;
}

const STEP_LABEL: Record<CourierStep, TranslationKey> = {
  start: 'myTasks.start',
  picked_up: 'myTasks.pickedUp',
  delivered: 'myTasks.delivered',
  failed: 'myTasks.failed',
};

function toneOf(state: TaskState): StatusTone {
  switch (state) {
    case 'done':
      return 'ok';
    case 'started':
      return 'info';
    case 'failed':
    case 'cancelled':
      return 'danger';
    default:
      return 'neutral';
  }
}

/** One task of the courier's list: where, when, who; one big next step; proof or failure inline. */
@Component({
  selector: 'fc-task-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatInputModule, MatRadioModule, StatusChipComponent, SignaturePadComponent],
  host: {
    '[attr.data-task-id]': 'shown().task.id',
    '[attr.data-state]': 'shown().state',
    '[class.pending]': 'shown().pending',
    '[class.closed]': 'next() === null',
  },
  template: `
    @let task = shown().task;
    <header>
      <span class="kind" [class.dropoff]="task.kind === 'dropoff'">
        {{ t(task.kind === 'pickup' ? 'myTasks.pickup' : 'myTasks.dropoff') }}
      </span>
      <fc-status-chip [tone]="tone()">{{ t(stateKey()) }}</fc-status-chip>
    </header>
    <h2 class="address">{{ task.address }}</h2>
    <p class="window">
      <span class="label">{{ t('myTasks.window') }}</span> {{ window() }}
    </p>
    @if (task.packages.length > 0) {
      <p>
        <span class="label">{{ t('myTasks.packages') }}</span> {{ packages() }}
      </p>
    }
    @if (task.comments) {
      <p class="comments">
        <span class="label">{{ t('myTasks.comments') }}</span> {{ task.comments }}
      </p>
    }
    <div class="links">
      @if (task.contactPhone) {
        <a mat-stroked-button class="link" [href]="tel()" data-action="call">
          {{ task.contactName ? t('myTasks.call', { name: task.contactName }) : t('myTasks.callNoName') }}
        </a>
      }
      <a mat-stroked-button class="link" [href]="navigate()" target="_blank" rel="noopener" data-action="navigate">
        {{ t('myTasks.navigate') }}
      </a>
    </div>

    @if (shown().pending) {
      <p class="pending-note" role="status" data-pending>{{ t('myTasks.pending') }}</p>
    }
    @for (item of shown().refused; track item.seq) {
      <div class="refused" role="alert" data-refused>
        <p>{{ t('myTasks.conflict', { message: refusal(item) }) }}</p>
        <button mat-stroked-button type="button" (click)="dismiss.emit(item.seq ?? -1)">
          {{ t('myTasks.dismiss') }}
        </button>
      </div>
    }

    @switch (mode()) {
      @case ('proof') {
        <section
          class="panel"
          data-panel="proof"
          [attr.aria-label]="t('myTasks.proofTitle', { kind: proofKindName() })"
        >
          <h3>{{ t('myTasks.proofTitle', { kind: proofKindName() }) }}</h3>
          @if (needs('photo')) {
            <label class="photo-input" mat-stroked-button>
              <input
                type="file"
                accept="image/*"
                capture="environment"
                (change)="pickPhoto($event)"
                data-input="photo"
              />
              {{ t(photo() ? 'myTasks.retakePhoto' : 'myTasks.takePhoto') }}
            </label>
            @if (photoUrl(); as url) {
              <img class="preview" [src]="url" [alt]="t('myTasks.photoTaken')" />
            }
          }
          @if (needs('signature')) {
            <p class="label">{{ t('myTasks.signHere') }}</p>
            <fc-signature-pad [label]="t('myTasks.signature')" (drawn)="signed.set($event); problem.set(null)" />
            <button mat-button type="button" (click)="pad()?.clear()">{{ t('myTasks.clearSignature') }}</button>
          }
          @if (needs('code')) {
            <mat-form-field class="code">
              <mat-label>{{ t('myTasks.code') }}</mat-label>
              <input
                matInput
                inputmode="numeric"
                autocomplete="off"
                maxlength="12"
                [(ngModel)]="code"
                name="code"
                data-input="code"
              />
            </mat-form-field>
          }
          @if (problem(); as p) {
            <p class="fc-error-banner" role="alert">{{ t(p) }}</p>
          }
          <div class="row">
            <button mat-stroked-button type="button" class="secondary" (click)="mode.set('idle')">
              {{ t('myTasks.cancel') }}
            </button>
            <button mat-flat-button type="button" class="primary" (click)="confirmProof()" data-action="confirm">
              {{ t('myTasks.confirm') }}
            </button>
          </div>
        </section>
      }
      @case ('fail') {
        <section class="panel" data-panel="fail" [attr.aria-label]="t('myTasks.failTitle')">
          <h3 id="fail-{{ task.id }}">{{ t('myTasks.failTitle') }}</h3>
          <mat-radio-group
            class="reasons"
            [(ngModel)]="reason"
            name="reason"
            [attr.aria-labelledby]="'fail-' + task.id"
          >
            @for (r of reasons; track r) {
              <mat-radio-button [value]="r">{{ t(reasonKey(r)) }}</mat-radio-button>
            }
          </mat-radio-group>
          <mat-form-field class="note">
            <mat-label>{{ t('myTasks.failNote') }}</mat-label>
            <textarea matInput rows="2" maxlength="500" [(ngModel)]="note" name="note"></textarea>
          </mat-form-field>
          <div class="row">
            <button mat-stroked-button type="button" class="secondary" (click)="mode.set('idle')">
              {{ t('myTasks.cancel') }}
            </button>
            <button
              mat-flat-button
              type="button"
              class="primary danger"
              [disabled]="!reason"
              (click)="confirmFail()"
              data-action="confirm-fail"
            >
              {{ t('myTasks.failConfirm') }}
            </button>
          </div>
        </section>
      }
      @default {
        @if (next(); as step) {
          <button mat-flat-button type="button" class="primary" (click)="take(step)" [attr.data-action]="step">
            {{ t(stepLabel[step]) }}
          </button>
          <button mat-button type="button" class="fail" (click)="mode.set('fail')" data-action="fail">
            {{ t('myTasks.failed') }}
          </button>
        }
      }
    }
  `,
  styles: `
    :host {
      display: block;
      padding: var(--fc-space-4);
      border: 2px solid var(--mat-sys-outline-variant);
      border-radius: var(--fc-radius-m);
      background: var(--mat-sys-surface);
    }
    :host(.pending) {
      border-style: dashed;
      border-color: var(--fc-status-warn-border);
    }
    :host(.closed) {
      opacity: 0.8;
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: var(--fc-space-2);
    }
    .kind {
      font: var(--fc-font-label);
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--fc-status-info-fg);
    }
    .kind.dropoff {
      color: var(--fc-status-ok-fg);
    }
    .address {
      font: var(--fc-font-section-title);
      margin: var(--fc-space-2) 0;
    }
    p {
      margin: var(--fc-space-1) 0;
    }
    .label {
      font-weight: 600;
    }
    .comments {
      white-space: pre-line;
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-2);
      margin: var(--fc-space-3) 0;
    }
    .link {
      min-height: 48px;
      flex: 1 1 10rem;
    }
    .primary {
      width: 100%;
      min-height: 64px;
      font-size: 1.25rem;
    }
    .primary.danger {
      background: var(--fc-status-danger-fg);
      color: #fff;
    }
    .fail {
      width: 100%;
      min-height: 48px;
      margin-top: var(--fc-space-2);
    }
    .pending-note {
      padding: var(--fc-space-2) var(--fc-space-3);
      border-radius: var(--fc-radius-s);
      background: var(--fc-status-warn-bg);
      color: var(--fc-status-warn-fg);
    }
    .refused {
      padding: var(--fc-space-3);
      margin: var(--fc-space-2) 0;
      border-radius: var(--fc-radius-s);
      border: 1px solid var(--fc-status-danger-border);
      background: var(--fc-status-danger-bg);
      color: var(--fc-status-danger-fg);
    }
    .panel {
      margin-top: var(--fc-space-3);
      display: flex;
      flex-direction: column;
      gap: var(--fc-space-3);
    }
    .panel h3 {
      margin: 0;
    }
    .photo-input {
      position: relative;
      display: flex;
      align-items: center;
      justify-content: center;
      min-height: 56px;
      border: 2px solid var(--mat-sys-primary);
      border-radius: var(--fc-radius-m);
      font: var(--fc-font-label);
      cursor: pointer;
    }
    .photo-input:focus-within {
      outline: 2px solid var(--fc-focus-ring);
      outline-offset: 2px;
    }
    .photo-input input {
      position: absolute;
      inset: 0;
      opacity: 0;
      cursor: pointer;
    }
    .preview {
      max-width: 100%;
      max-height: 200px;
      object-fit: contain;
      border-radius: var(--fc-radius-s);
    }
    .reasons {
      display: flex;
      flex-direction: column;
    }
    .reasons mat-radio-button {
      min-height: 44px;
    }
    .row {
      display: grid;
      grid-template-columns: 1fr 2fr;
      gap: var(--fc-space-2);
    }
    .row .secondary {
      min-height: 64px;
    }
  `,
})
export class TaskCardComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  readonly shown = input.required<ShownTask>();
  readonly requirements = input.required<ProofRequirement[]>();
  readonly decide = output<TaskDecision>();
  readonly dismiss = output<number>();

  protected readonly stepLabel = STEP_LABEL;
  protected readonly reasons = FAILURE_REASONS;
  protected readonly mode = signal<'idle' | 'proof' | 'fail'>('idle');
  protected readonly photo = signal<Blob | null>(null);
  protected readonly photoUrl = signal<string | null>(null);
  protected readonly signed = signal(false);
  protected readonly problem = signal<TranslationKey | null>(null);
  protected readonly pad = viewChild(SignaturePadComponent);
  protected code = '';
  protected reason: FailureReason | null = null;
  protected note = '';
  private pendingStep: CourierStep | null = null;

  protected readonly next = computed(() => nextStep(this.shown().task.kind, this.shown().state));
  protected readonly tone = computed(() => toneOf(this.shown().state));
  protected readonly stateKey = computed(() => `myTasks.state.${this.shown().state}` as TranslationKey);
  protected readonly window = computed(() => {
    const { after, before } = this.shown().task;
    const time = (iso: string) =>
      new Intl.DateTimeFormat(this.i18n.locale(), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
    if (after && before) return this.t('myTasks.between', { from: time(after), to: time(before) });
    if (after) return this.t('myTasks.from', { time: time(after) });
    if (before) return this.t('myTasks.until', { time: time(before) });
    return this.t('myTasks.anyTime');
  });
  protected readonly packages = computed(() =>
    packagesText(this.shown().task.packages, (type) => this.t(`myTasks.package.${type}` as TranslationKey)),
  );
  protected readonly tel = computed(() => telUrl(this.shown().task.contactPhone ?? ''));
  protected readonly navigate = computed(() => {
    const { lat, lng, address } = this.shown().task;
    return navigationUrl(typeof navigator === 'undefined' ? '' : navigator.userAgent, lat, lng, address);
  });
  protected readonly proofKindName = computed(() =>
    this.t(this.shown().task.kind === 'pickup' ? 'myTasks.proofPickup' : 'myTasks.proofDropoff'),
  );

  protected reasonKey(reason: FailureReason): TranslationKey {
    return `myTasks.reason.${reason}` as TranslationKey;
  }

  protected needs(what: ProofRequirement): boolean {
    return this.requirements().includes(what);
  }

  protected refusal(item: QueuedItem): string {
    return item.problem ? problemText(this.t, item.problem) : '';
  }

  protected take(step: CourierStep): void {
    if (step !== 'start' && this.requirements().length > 0) {
      this.pendingStep = step;
      this.problem.set(null);
      this.mode.set('proof');
      return;
    }
    this.decide.emit({ taskId: this.shown().task.id, step });
  }

  protected async pickPhoto(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const shrunk = await shrinkPhoto(file);
    this.photo.set(shrunk);
    this.problem.set(null);
    // a data: URL (the console's content security policy allows data: images, not blob:)
    const reader = new FileReader();
    reader.onload = () => this.photoUrl.set(typeof reader.result === 'string' ? reader.result : null);
    reader.readAsDataURL(shrunk);
  }

  protected async confirmProof(): Promise<void> {
    const step = this.pendingStep;
    if (!step) return;
    const photo = this.photo();
    if (this.needs('photo') && !photo) return this.problem.set('myTasks.needPhoto');
    const signature = this.needs('signature') ? await this.pad()?.toBlob() : null;
    if (this.needs('signature') && !signature) return this.problem.set('myTasks.needSignature');
    const code = this.code.trim();
    if (this.needs('code') && code === '') return this.problem.set('myTasks.needCode');
    this.decide.emit({
      taskId: this.shown().task.id,
      step,
      photo: this.needs('photo') && photo ? photo : undefined,
      signature: signature ?? undefined,
      code: this.needs('code') ? code : undefined,
    });
    this.mode.set('idle');
  }

  protected confirmFail(): void {
    if (!this.reason) return;
    this.decide.emit({
      taskId: this.shown().task.id,
      step: 'failed',
      reason: this.reason,
      note: this.note.trim() || undefined,
    });
    this.mode.set('idle');
  }
}
