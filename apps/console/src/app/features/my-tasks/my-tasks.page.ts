import { ChangeDetectionStrategy, Component, OnInit, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CourierView, ProofPolicyView, TaskView } from '@federacycle/contracts';
import { firstValueFrom, type Observable } from 'rxjs';
import { toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { projectTasks } from './data/action-queue';
import { CourierAppApi } from './data/courier-app-api';
import { CourierSync } from './data/courier-sync.service';
import { LocationShare } from './data/location-share.service';
import { TaskCardComponent, type TaskDecision } from './task-card.component';

const SNAPSHOT = { tasks: 'tasks', policy: 'policy', me: 'me' } as const;

/**
 * The courier app, phone first: duty, then today's tasks in order, each with one big next step.
 * Every step goes through the device's queue (IndexedDB) and is sent from there, so the page works
 * the same with or without network; what is not sent yet is marked pending, what the server
 * refused stays on its task until the courier has seen it.
 */
@Component({
  selector: 'fc-my-tasks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TaskCardComponent, EmptyStateComponent],
  template: `
    <h1>{{ t('myTasks.title') }}</h1>
    @if (error(); as message) {
      <p class="fc-error-banner" role="alert">{{ message }}</p>
    }
    @if (!sync.online()) {
      <p class="banner offline" role="status" data-offline>{{ t('myTasks.offline') }}</p>
    }
    @if (pendingCount() > 0) {
      <div class="banner pending" role="status" data-pending-count>
        <span>{{ t('myTasks.pendingCount', { count: pendingCount() }) }}</span>
        <button mat-stroked-button type="button" (click)="sync.sync()" [disabled]="sync.syncing()">
          {{ t(sync.syncing() ? 'myTasks.sending' : 'myTasks.syncNow') }}
        </button>
      </div>
    }

    @if (me(); as c) {
      <section class="duty" [class.on]="!!c.onDutySince" data-section="duty">
        <h2>{{ t(c.onDutySince ? 'myTasks.onDuty' : 'myTasks.offDuty') }}</h2>
        @if (c.onDutySince) {
          <p class="small">
            {{ t(location.denied() ? 'myTasks.locationDenied' : 'myTasks.sharingLocation') }}
          </p>
        }
        <button
          mat-flat-button
          type="button"
          class="big"
          [disabled]="busy()"
          (click)="toggleDuty(!c.onDutySince)"
          data-action="duty"
        >
          {{ t(c.onDutySince ? 'myTasks.goOffDuty' : 'myTasks.goOnDuty') }}
        </button>
      </section>
    }

    @if (shown().length === 0 && loaded()) {
      <fc-empty-state [title]="t('myTasks.empty')" [hint]="t('myTasks.emptyHint')" />
    } @else {
      <ol class="tasks">
        @for (s of shown(); track s.task.id) {
          <li>
            <fc-task-card
              [shown]="s"
              [requirements]="s.task.kind === 'pickup' ? policy().pickup : policy().dropoff"
              (decide)="decide($event)"
              (dismiss)="sync.dismiss($event)"
            />
          </li>
        }
      </ol>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 40rem;
      margin: 0 auto;
    }
    .banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--fc-space-2);
      padding: var(--fc-space-3);
      margin: 0 0 var(--fc-space-3);
      border-radius: var(--fc-radius-m);
      border: 1px solid var(--fc-status-warn-border);
      background: var(--fc-status-warn-bg);
      color: var(--fc-status-warn-fg);
      font-weight: 600;
    }
    .banner button {
      min-height: 48px;
    }
    .duty {
      padding: var(--fc-space-4);
      margin-bottom: var(--fc-space-4);
      border-radius: var(--fc-radius-m);
      border: 2px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container);
    }
    .duty.on {
      background: var(--fc-status-ok-bg);
      border-color: var(--fc-status-ok-border);
      color: var(--fc-status-ok-fg);
    }
    .duty h2 {
      margin: 0 0 var(--fc-space-2);
    }
    .small {
      font: var(--fc-font-small);
      margin: 0 0 var(--fc-space-3);
    }
    .big {
      width: 100%;
      min-height: 64px;
      font-size: 1.25rem;
    }
    .tasks {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: var(--fc-space-4);
    }
  `,
})
export class MyTasksPage implements OnInit {
  private readonly api = inject(CourierAppApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly sync = inject(CourierSync);
  protected readonly location = inject(LocationShare);
  protected readonly t = this.i18n.t;

  protected readonly me = signal<CourierView | null>(null);
  private readonly serverTasks = signal<TaskView[]>([]);
  /** every task seen since the page opened (a done task the server stopped listing stays while queued) */
  private readonly known = signal<TaskView[]>([]);
  protected readonly policy = signal<ProofPolicyView>({ pickup: [], dropoff: [] });
  protected readonly loaded = signal(false);
  protected readonly busy = signal(false);
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => (this.failure() === null ? null : toProblemText(this.t, this.failure())));
  protected readonly shown = computed(() => projectTasks(this.serverTasks(), this.known(), this.sync.items()));
  protected readonly pendingCount = computed(() => this.sync.items().filter((i) => i.status === 'pending').length);

  constructor() {
    // each step the server accepted: the list as the server sees it now
    effect(() => {
      if (this.sync.applied() > 0) untracked(() => void this.loadTasks());
    });
    // share the position while on duty
    effect(() => {
      if (this.me()?.onDutySince) this.location.start();
      else this.location.stop();
    });
  }

  async ngOnInit(): Promise<void> {
    // what the device saw last: the page shows it at once, and after a reload without network
    const [tasks, policy, me] = await Promise.all([
      this.sync.queue.snapshot<TaskView[]>(SNAPSHOT.tasks),
      this.sync.queue.snapshot<ProofPolicyView>(SNAPSHOT.policy),
      this.sync.queue.snapshot<CourierView>(SNAPSHOT.me),
    ]);
    if (tasks) this.showTasks(tasks);
    if (policy) this.policy.set(policy);
    if (me) this.me.set(me);
    if (tasks) this.loaded.set(true);
    await Promise.all([
      this.load(this.api.me(), (c) => this.setMe(c)),
      this.load(this.api.proofPolicy(), (p) => {
        this.policy.set(p);
        void this.sync.queue.saveSnapshot(SNAPSHOT.policy, p);
      }),
      this.loadTasks(),
    ]);
  }

  protected async toggleDuty(on: boolean): Promise<void> {
    this.busy.set(true);
    try {
      this.setMe(await firstValueFrom(this.api.setOnDuty(on)));
    } catch (e) {
      this.snackBar.open(toProblemText(this.t, e), this.t('common.close'), { duration: 6000 });
    } finally {
      this.busy.set(false);
    }
  }

  /** The courier's decision, queued in order: proofs first, then the step that needs them. */
  protected async decide(d: TaskDecision): Promise<void> {
    if (d.photo) await this.sync.proof(d.taskId, 'photo', d.photo);
    if (d.signature) await this.sync.proof(d.taskId, 'signature', d.signature);
    const fix = this.location.last();
    await this.sync.step({
      taskId: d.taskId,
      step: d.step,
      reason: d.reason,
      note: d.note,
      code: d.code,
      position: fix ? { lat: fix.lat, lng: fix.lng, accuracyM: fix.accuracyM } : undefined,
      actedAt: new Date().toISOString(),
    });
  }

  private async loadTasks(): Promise<void> {
    await this.load(this.api.tasks(), (tasks) => {
      this.showTasks(tasks);
      void this.sync.queue.saveSnapshot(SNAPSHOT.tasks, tasks);
    });
    this.loaded.set(true);
  }

  private showTasks(tasks: TaskView[]): void {
    this.serverTasks.set(tasks);
    const byId = new Map(this.known().map((t) => [t.id, t]));
    for (const t of tasks) byId.set(t.id, t);
    this.known.set([...byId.values()]);
  }

  private setMe(c: CourierView): void {
    this.me.set(c);
    void this.sync.queue.saveSnapshot(SNAPSHOT.me, c);
  }

  /** a read; without network the snapshot stays on screen, quietly */
  private async load<T>(call: Observable<T>, next: (v: T) => void): Promise<void> {
    try {
      next(await firstValueFrom(call));
      this.failure.set(null);
    } catch (e) {
      if (this.sync.online() && navigator.onLine) this.failure.set(e);
    }
  }
}
