import { Injectable, computed, effect, inject, signal } from '@angular/core';
import type { StandingView } from '@federacycle/contracts';
import { CoopLicenceApi } from './data/licence-api';
import { AuthService } from '../../core/auth/auth.service';

/** The selected coop's standing, loaded when a coop is selected (sign-in, switch) and on demand. */
@Injectable({ providedIn: 'root' })
export class ComplianceService {
  private readonly api = inject(CoopLicenceApi);
  private readonly auth = inject(AuthService);
  private readonly state = signal<StandingView | null>(null);
  private readonly coopId = computed(() => this.auth.principal()?.coopId ?? null);

  readonly standing = this.state.asReadonly();

  constructor() {
    effect(() => {
      const coopId = this.coopId();
      this.state.set(null);
      if (coopId) this.reload();
    });
  }

  /** Best effort: a failure leaves no banner (the licence page shows its own errors). */
  reload(): void {
    if (!this.coopId()) return;
    this.api.compliance().subscribe({
      next: (standing) => this.state.set(standing),
      error: () => this.state.set(null),
    });
  }

  /** A fresher standing (e.g. from GET /api/licence) replaces the loaded one. */
  set(standing: StandingView): void {
    this.state.set(standing);
  }
}
