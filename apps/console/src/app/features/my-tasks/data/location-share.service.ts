import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import {
  MAX_FIX_ACCURACY_M,
  MAX_FIX_AGE_MS,
  MAX_LOCATION_FIXES,
  type FieldError,
  type LocationFix,
} from '@federacycle/contracts';
import { firstValueFrom } from 'rxjs';
import { toApiProblem } from '../../../core/api/api-error';
import type { StoredFix } from './action-queue';
import { CourierAppApi } from './courier-app-api';
import { CourierSync } from './courier-sync.service';

/** fixes are sent in batches at most this often */
export const LOCATION_FLUSH_MS = 30_000;
/** the most fixes the device keeps unsent (the oldest leave first): a day offline stays small */
export const MAX_KEPT_FIXES = 500;

/** The positions in a batch the server's field errors name (`fixes.3.recordedAt` → 3). */
export function refusedFixIndexes(fieldErrors: readonly FieldError[]): number[] {
  const indexes = new Set<number>();
  for (const e of fieldErrors) {
    const match = /^fixes\.(\d+)(\.|$)/.exec(e.field);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes];
}

/**
 * Shares the courier's position while they are on duty: each `watchPosition` fix is put in the
 * device's IndexedDB (the courier app's database, store `fixes`) and sent in batches, oldest first
 * (`POST /api/fleet/me/locations`); a fix leaves the device only once the server accepted its batch,
 * so fixes taken without network survive a reload. A fix the server refuses (too old, absurd) is
 * dropped, never retried.
 */
@Injectable({ providedIn: 'root' })
export class LocationShare {
  private readonly api = inject(CourierAppApi);
  private readonly queue = inject(CourierSync).queue;
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly geolocation = this.window?.navigator.geolocation ?? null;
  readonly sharing = signal(false);
  readonly denied = signal(false);
  private watchId: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private latest: LocationFix | null = null;
  private flushing: Promise<void> | null = null;
  /** the last write of a fix: a flush waits for it, so the newest fix goes in its batch */
  private stored: Promise<void> = Promise.resolve();

  constructor() {
    const onOnline = () => void this.flush();
    this.window?.addEventListener('online', onOnline);
    inject(DestroyRef).onDestroy(() => {
      this.window?.removeEventListener('online', onOnline);
      // the page goes: what is unsent stays on the device for the next one
      this.halt();
    });
  }

  start(): void {
    if (!this.geolocation || this.watchId !== null) return;
    this.watchId = this.geolocation.watchPosition(
      (p) => {
        this.denied.set(false);
        this.sharing.set(true);
        const accuracy = Math.min(Math.max(p.coords.accuracy, 1), MAX_FIX_ACCURACY_M);
        this.record({
          lat: p.coords.latitude,
          lng: p.coords.longitude,
          accuracyM: accuracy,
          recordedAt: new Date(p.timestamp).toISOString(),
        });
      },
      (error) => {
        if (error.code === error.PERMISSION_DENIED) {
          this.denied.set(true);
          this.sharing.set(false);
        }
      },
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 60_000 },
    );
    this.timer = setInterval(() => void this.flush(), LOCATION_FLUSH_MS);
    // what an earlier page (offline, reloaded) left on the device
    void this.flush();
  }

  /** Off duty: no more fixes; what is on the device is sent. */
  stop(): void {
    this.halt();
    void this.flush();
  }

  private halt(): void {
    if (this.watchId !== null) this.geolocation?.clearWatch(this.watchId);
    this.watchId = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sharing.set(false);
  }

  /** the latest fix, for the position a step carries */
  last(): LocationFix | null {
    return this.latest;
  }

  /** Keeps a fix on the device until the server has it. */
  record(fix: LocationFix): Promise<void> {
    this.latest = fix;
    this.stored = this.stored.then(() => this.queue.addFix(fix, MAX_KEPT_FIXES)).catch(() => undefined);
    return this.stored;
  }

  /** Sends the fixes on the device, oldest first, batch after batch; one run at a time. */
  flush(): Promise<void> {
    this.flushing ??= this.send().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async send(): Promise<void> {
    await this.stored;
    for (;;) {
      const batch = await this.queue.oldestFixes(MAX_LOCATION_FIXES);
      if (batch.length === 0) return;
      // the server refuses fixes this old: they leave without a round trip
      const oldest = Date.now() - MAX_FIX_AGE_MS;
      const stale = batch.filter((f) => Date.parse(f.recordedAt) < oldest);
      if (stale.length > 0) {
        await this.queue.removeFixes(seqsOf(stale));
        continue;
      }
      try {
        await firstValueFrom(this.api.locations(batch.map(({ seq: _, ...fix }) => fix)));
        await this.queue.removeFixes(seqsOf(batch));
      } catch (error) {
        if (!(error instanceof HttpErrorResponse)) throw error;
        // no network, throttled, the server unwell or the session to renew: the fixes wait
        if (error.status === 0 || error.status >= 500 || error.status === 429 || error.status === 401) return;
        // refused (too old, in the future, absurd): the fixes it names leave, else the whole batch
        const named = refusedFixIndexes(toApiProblem(error).fieldErrors).flatMap((i) => batch[i] ?? []);
        await this.queue.removeFixes(seqsOf(named.length > 0 ? named : batch));
      }
    }
  }
}

function seqsOf(fixes: readonly StoredFix[]): number[] {
  return fixes.flatMap((f) => (f.seq === undefined ? [] : [f.seq]));
}
