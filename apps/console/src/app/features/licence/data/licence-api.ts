import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CoopLicenceResponse, StandingView, StorefrontView } from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../../../core/auth/auth.service';

/** The selected coop's licence, standing and storefront. */
@Injectable({ providedIn: 'root' })
export class CoopLicenceApi {
  private readonly http = inject(HttpClient);

  licence(): Observable<CoopLicenceResponse> {
    return this.http.get<CoopLicenceResponse>(`${API_BASE}/licence`);
  }

  downloadLicence(): Observable<string> {
    return this.http.get(`${API_BASE}/licence/download`, { responseType: 'text' });
  }

  compliance(): Observable<StandingView> {
    return this.http.get<StandingView>(`${API_BASE}/compliance`);
  }

  storefront(): Observable<StorefrontView> {
    return this.http.get<StorefrontView>(`${API_BASE}/storefront`);
  }

  setPublished(published: boolean): Observable<StorefrontView> {
    return this.http.post<StorefrontView>(`${API_BASE}/storefront/${published ? 'publish' : 'unpublish'}`, {});
  }
}
