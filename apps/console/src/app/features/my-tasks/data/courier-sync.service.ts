import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { CourierActionRequest, ProofKind } from '@federacycle/contracts';
import { firstValueFrom } from 'rxjs';
import { toApiProblem } from '../../../core/api/api-error';
import { ActionQueue, type QueueProblem, type QueuedItem } from './action-queue';
import { CourierAppApi } from './courier-app-api';

/** while something is pending, try again this often (and at once when the network returns) */
export const RETRY_MS = 10_000;

function newId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Sends the device's queue in order: each step and proof carries the id chosen when the courier
 * acted, so a send whose answer was lost is simply sent again. The network gone (status 0) or the
 * server unwell (5xx) stops the run until the next try; a refusal (4xx: the task was taken away,
 * proof missing…) is kept on the device as `refused` and shown on its task.
 */
@Injectable({ providedIn: 'root' })
export class CourierSync {
  private readonly api = inject(CourierAppApi);
  private readonly window = inject(DOCUMENT).defaultView;
  readonly queue = new ActionQueue();

  /** the queue as last read */
  readonly items = signal<QueuedItem[]>([]);
  readonly online = signal(this.window?.navigator.onLine ?? true);
  readonly syncing = signal(false);
  /** incremented after each item the server accepted (the page reloads its list) */
  readonly applied = signal(0);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;

  constructor() {
    const onOnline = () => {
      this.online.set(true);
      void this.sync();
    };
    const onOffline = () => this.online.set(false);
    this.window?.addEventListener('online', onOnline);
    this.window?.addEventListener('offline', onOffline);
    inject(DestroyRef).onDestroy(() => {
      this.window?.removeEventListener('online', onOnline);
      this.window?.removeEventListener('offline', onOffline);
      if (this.timer) clearTimeout(this.timer);
    });
    void this.refresh().then(() => this.sync());
  }

  /** Queues a step (its client id chosen now) and tries to send it at once. */
  async step(body: Omit<CourierActionRequest, 'clientActionId'>): Promise<void> {
    await this.queue.add({
      kind: 'action',
      taskId: body.taskId,
      status: 'pending',
      queuedAt: new Date().toISOString(),
      body: { ...body, clientActionId: newId() },
    });
    await this.refresh();
    void this.sync();
  }

  /** Queues a proof file (sent before the step queued after it). */
  async proof(taskId: string, proofKind: ProofKind, file: Blob): Promise<void> {
    await this.queue.add({
      kind: 'proof',
      taskId,
      proofId: newId(),
      proofKind,
      file,
      status: 'pending',
      queuedAt: new Date().toISOString(),
    });
    await this.refresh();
  }

  /** The courier saw a refusal: it leaves the device. */
  async dismiss(seq: number): Promise<void> {
    await this.queue.remove(seq);
    await this.refresh();
  }

  /** Sends what is pending, oldest first; one run at a time (a call during a run asks for another pass). */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      // asked for while the run was finishing (after its last pass): one more run, not lost —
      // unless the run just found no network (the `online` event or the retry timer comes next)
      const rerun = this.again && this.online();
      this.again = false;
      if (rerun) void this.sync();
    });
    return this.running;
  }

  private again = false;

  private async run(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.syncing.set(true);
    try {
      let stopped = false;
      do {
        this.again = false;
        stopped = await this.pass();
      } while (this.again && !stopped);
    } finally {
      this.syncing.set(false);
      await this.refresh();
      if (this.items().some((i) => i.status === 'pending')) {
        this.timer = setTimeout(() => void this.sync(), RETRY_MS);
      }
    }
  }

  /** One pass over the queue; true when it stopped for lack of network (or a server to retry). */
  private async pass(): Promise<boolean> {
    for (const item of await this.queue.all()) {
      if (item.status !== 'pending' || item.seq === undefined) continue;
      // the browser knows it has no network: wait for its `online` event (or the next try)
      if (this.window && !this.window.navigator.onLine) {
        this.online.set(false);
        return true;
      }
      const outcome = await this.send(item);
      if (outcome === 'stop') return true;
      if (outcome === 'sent') {
        await this.queue.remove(item.seq);
        this.applied.update((n) => n + 1);
      } else {
        await this.queue.refuse(item.seq, outcome);
      }
      await this.refresh();
    }
    return false;
  }

  private async send(item: QueuedItem): Promise<'sent' | 'stop' | QueueProblem> {
    try {
      if (item.kind === 'action') await firstValueFrom(this.api.act(item.body));
      else await firstValueFrom(this.api.putProof(item.taskId, item.proofId, item.proofKind, item.file));
      this.online.set(true);
      return 'sent';
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) throw error;
      if (error.status === 0) {
        this.online.set(false);
        return 'stop';
      }
      // throttled, the server unwell, or the session to renew: try again later
      if (error.status >= 500 || error.status === 429 || error.status === 401) return 'stop';
      return toApiProblem(error);
    }
  }

  private async refresh(): Promise<void> {
    this.items.set(await this.queue.all());
  }
}
