import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateDeliveryRequest,
  DeliveryPartnerView,
  TimeSlotChoicesView,
  TimeSlotRequest,
  TimeSlotView,
  DeliveryProofView,
  DeliverySearch,
  DeliverySummaryView,
  DeliveryView,
  Page,
  TaskEventView,
} from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../../../core/auth/auth.service';
import { pageParams, type PageRequest } from '../../../shared/list/page-request';

/** The search's filters as query parameters (empty ones left out). */
export function searchParams(search: DeliverySearch, params: HttpParams = new HttpParams()): HttpParams {
  let out = params;
  for (const [key, value] of Object.entries(search) as Array<[keyof DeliverySearch, string | undefined]>) {
    if (value && value.trim()) out = out.set(key, value.trim());
  }
  return out;
}

/** Dispatch: the coop's deliveries (dispatchers create them; coop admins read them). */
@Injectable({ providedIn: 'root' })
export class DispatchApi {
  private readonly http = inject(HttpClient);

  /** One page of deliveries, newest first, filtered. */
  listDeliveries(page: PageRequest, search: DeliverySearch = {}): Observable<Page<DeliverySummaryView>> {
    return this.http.get<Page<DeliverySummaryView>>(`${API_BASE}/dispatch/deliveries`, {
      params: searchParams(search, pageParams(page)),
    });
  }

  /** The filtered list as a CSV file (the API streams it). */
  exportDeliveries(search: DeliverySearch): Observable<Blob> {
    return this.http.get(`${API_BASE}/dispatch/deliveries.csv`, { params: searchParams(search), responseType: 'blob' });
  }

  getDelivery(id: string): Observable<DeliveryView> {
    return this.http.get<DeliveryView>(`${API_BASE}/dispatch/deliveries/${encodeURIComponent(id)}`);
  }

  deliveryEvents(id: string): Observable<{ items: TaskEventView[] }> {
    return this.http.get<{ items: TaskEventView[] }>(
      `${API_BASE}/dispatch/deliveries/${encodeURIComponent(id)}/events`,
    );
  }

  /** the proofs couriers collected on the delivery's tasks */
  deliveryProofs(id: string): Observable<{ items: DeliveryProofView[] }> {
    return this.http.get<{ items: DeliveryProofView[] }>(
      `${API_BASE}/dispatch/deliveries/${encodeURIComponent(id)}/proofs`,
    );
  }

  /** one proof's image (the session's token rides with it, so an <img> cannot fetch it itself) */
  proofImage(id: string, proofId: string): Observable<Blob> {
    return this.http.get(
      `${API_BASE}/dispatch/deliveries/${encodeURIComponent(id)}/proofs/${encodeURIComponent(proofId)}`,
      { responseType: 'blob' },
    );
  }

  createDelivery(body: CreateDeliveryRequest): Observable<DeliveryView> {
    return this.http.post<DeliveryView>(`${API_BASE}/dispatch/deliveries`, body, { params: new HttpParams() });
  }

  /** the partner client that created a delivery (404 when none did) */
  deliveryPartner(id: string): Observable<DeliveryPartnerView> {
    return this.http.get<DeliveryPartnerView>(`${API_BASE}/ordering/deliveries/${encodeURIComponent(id)}/partner`);
  }

  listTimeSlots(): Observable<{ items: TimeSlotView[] }> {
    return this.http.get<{ items: TimeSlotView[] }>(`${API_BASE}/dispatch/time-slots`);
  }

  /** the windows a delivery booked now can take */
  timeSlotChoices(id: string, includeFull = false): Observable<TimeSlotChoicesView> {
    const params = includeFull ? new HttpParams().set('includeFull', 'true') : new HttpParams();
    return this.http.get<TimeSlotChoicesView>(`${API_BASE}/dispatch/time-slots/${encodeURIComponent(id)}/choices`, {
      params,
    });
  }

  createTimeSlot(body: TimeSlotRequest): Observable<TimeSlotView> {
    return this.http.post<TimeSlotView>(`${API_BASE}/dispatch/time-slots`, body);
  }

  updateTimeSlot(id: string, body: TimeSlotRequest): Observable<TimeSlotView> {
    return this.http.put<TimeSlotView>(`${API_BASE}/dispatch/time-slots/${encodeURIComponent(id)}`, body);
  }

  deleteTimeSlot(id: string): Observable<void> {
    return this.http.delete<void>(`${API_BASE}/dispatch/time-slots/${encodeURIComponent(id)}`);
  }
}
