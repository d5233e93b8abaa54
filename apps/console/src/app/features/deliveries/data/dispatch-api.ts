import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateDeliveryRequest,
  DeliveryState,
  DeliverySummaryView,
  DeliveryView,
  Page,
} from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../../../core/auth/auth.service';
import { pageParams, type PageRequest } from '../../../shared/list/page-request';

/** Dispatch: the coop's deliveries (dispatchers create them; coop admins read them). */
@Injectable({ providedIn: 'root' })
export class DispatchApi {
  private readonly http = inject(HttpClient);

  /** One page of deliveries, newest first, optionally of one state. */
  listDeliveries(page: PageRequest, state: DeliveryState | null = null): Observable<Page<DeliverySummaryView>> {
    let params = pageParams(page);
    if (state) params = params.set('state', state);
    return this.http.get<Page<DeliverySummaryView>>(`${API_BASE}/dispatch/deliveries`, { params });
  }

  createDelivery(body: CreateDeliveryRequest): Observable<DeliveryView> {
    return this.http.post<DeliveryView>(`${API_BASE}/dispatch/deliveries`, body, { params: new HttpParams() });
  }
}
