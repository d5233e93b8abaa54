import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { MAX_FIX_ACCURACY_M, MAX_LOCATION_FIXES, type LocationFix } from '@federacycle/contracts';
import { firstValueFrom } from 'rxjs';
import { CourierAppApi } from './courier-app-api';

/** fixes are sent in batches at most this often */
export const LOCATION_FLUSH_MS = 30_000;

/**
 * Shares the courier's position while they are on duty: the browser's `watchPosition` fixes are
 * kept in a small buffer and sent in batches (`POST /api/fleet/me/locations`); without network
 * they wait for the next batch (the newest are kept, the server keeps only the newest anyway).
 */
@Injectable({ providedIn: 'root' })
export class LocationShare {
  private readonly api = inject(CourierAppApi);
  private readonly geolocation = inject(DOCUMENT).defaultView?.navigator.geolocation ?? null;
  readonly sharing = signal(false);
  readonly denied = signal(false);
  private watchId: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private buffer: LocationFix[] = [];

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  start(): void {
    if (!this.geolocation || this.watchId !== null) return;
    this.watchId = this.geolocation.watchPosition(
      (p) => {
        this.denied.set(false);
        this.sharing.set(true);
        const accuracy = Math.min(Math.max(p.coords.accuracy, 1), MAX_FIX_ACCURACY_M);
        this.buffer.push({
          lat: p.coords.latitude,
          lng: p.coords.longitude,
          accuracyM: accuracy,
          recordedAt: new Date(p.timestamp).toISOString(),
        });
        if (this.buffer.length > MAX_LOCATION_FIXES) this.buffer = this.buffer.slice(-MAX_LOCATION_FIXES);
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
  }

  stop(): void {
    if (this.watchId !== null) this.geolocation?.clearWatch(this.watchId);
    this.watchId = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sharing.set(false);
    void this.flush();
  }

  /** the latest fix, for the position a step carries */
  last(): LocationFix | null {
    return this.buffer.at(-1) ?? this.lastSent;
  }

  private lastSent: LocationFix | null = null;

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    try {
      await firstValueFrom(this.api.locations(batch));
      this.lastSent = batch.at(-1) ?? null;
    } catch (error) {
      // no network: the fixes wait for the next batch; a refused batch (a fix too old…) is dropped
      if (error instanceof HttpErrorResponse && (error.status === 0 || error.status >= 500)) {
        this.buffer = [...batch, ...this.buffer].slice(-MAX_LOCATION_FIXES);
      }
    }
  }
}
