import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { TrackingView } from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../../../core/auth/auth.service';

/** The recipient's tracking page: public, by the delivery's token. */
@Injectable({ providedIn: 'root' })
export class TrackingApi {
  private readonly http = inject(HttpClient);

  view(token: string): Observable<TrackingView> {
    return this.http.get<TrackingView>(`${API_BASE}/track/${encodeURIComponent(token)}`);
  }
}
