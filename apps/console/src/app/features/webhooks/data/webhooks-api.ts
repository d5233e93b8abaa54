import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateWebhookSubscriptionRequest,
  Page,
  UpdateWebhookSubscriptionRequest,
  WebhookDeliveryView,
  WebhookSubscriptionView,
  WebhookSubscriptionWithSecret,
} from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../../../core/auth/auth.service';
import { pageParams, type PageRequest } from '../../../shared/list/page-request';

/** The coop admin's webhooks API: subscriptions, their delivery logs, replays. */
@Injectable({ providedIn: 'root' })
export class WebhooksApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/webhooks/subscriptions`;

  list(page: PageRequest): Observable<Page<WebhookSubscriptionView>> {
    return this.http.get<Page<WebhookSubscriptionView>>(this.base, { params: pageParams(page) });
  }

  create(request: CreateWebhookSubscriptionRequest): Observable<WebhookSubscriptionWithSecret> {
    return this.http.post<WebhookSubscriptionWithSecret>(this.base, request);
  }

  update(id: string, patch: UpdateWebhookSubscriptionRequest): Observable<WebhookSubscriptionView> {
    return this.http.patch<WebhookSubscriptionView>(`${this.base}/${encodeURIComponent(id)}`, patch);
  }

  rotate(id: string, overlapMinutes: number): Observable<WebhookSubscriptionWithSecret> {
    return this.http.post<WebhookSubscriptionWithSecret>(`${this.base}/${encodeURIComponent(id)}/rotate-secret`, {
      overlapMinutes,
    });
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${encodeURIComponent(id)}`);
  }

  deliveries(id: string, page: PageRequest): Observable<Page<WebhookDeliveryView>> {
    return this.http.get<Page<WebhookDeliveryView>>(`${this.base}/${encodeURIComponent(id)}/deliveries`, {
      params: pageParams(page),
    });
  }

  replay(id: string, deliveryId: string): Observable<{ webhookDeliveryId: string; queued: boolean }> {
    return this.http.post<{ webhookDeliveryId: string; queued: boolean }>(
      `${this.base}/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/replay`,
      {},
    );
  }
}
