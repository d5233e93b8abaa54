import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreatePricingRuleSetRequest,
  Page,
  PriceBreakdown,
  PricingQuoteRequest,
  PricingRuleSetSummary,
  PricingRuleSetView,
  UpdatePricingRuleSetRequest,
} from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../../../core/auth/auth.service';
import { MAX_PAGE_SIZE, pageParams } from '../../../shared/list/page-request';

const SETS = `${API_BASE}/pricing/rule-sets`;
const one = (id: string) => `${SETS}/${encodeURIComponent(id)}`;

/** The coop's pricing rule sets and the quote tester (ordering domain). */
@Injectable({ providedIn: 'root' })
export class PricingApi {
  private readonly http = inject(HttpClient);

  /** A coop has a few rule sets: the largest page holds them. */
  list(): Observable<Page<PricingRuleSetSummary>> {
    return this.http.get<Page<PricingRuleSetSummary>>(SETS, {
      params: pageParams({ limit: MAX_PAGE_SIZE, offset: 0 }),
    });
  }

  get(id: string): Observable<PricingRuleSetView> {
    return this.http.get<PricingRuleSetView>(one(id));
  }

  create(body: CreatePricingRuleSetRequest): Observable<PricingRuleSetView> {
    return this.http.post<PricingRuleSetView>(SETS, body);
  }

  update(id: string, body: UpdatePricingRuleSetRequest): Observable<PricingRuleSetView> {
    return this.http.patch<PricingRuleSetView>(one(id), body);
  }

  reorder(id: string, ruleIds: string[]): Observable<PricingRuleSetView> {
    return this.http.put<PricingRuleSetView>(`${one(id)}/order`, { ruleIds });
  }

  setDefault(id: string): Observable<PricingRuleSetView> {
    return this.http.post<PricingRuleSetView>(`${one(id)}/default`, {});
  }

  archive(id: string): Observable<PricingRuleSetView> {
    return this.http.post<PricingRuleSetView>(`${one(id)}/archive`, {});
  }

  quote(body: PricingQuoteRequest): Observable<PriceBreakdown> {
    return this.http.post<PriceBreakdown>(`${API_BASE}/pricing/quote`, body);
  }
}
