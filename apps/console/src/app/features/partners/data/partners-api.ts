import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreatePartnerClientRequest,
  CreatedApiKey,
  CreatedOAuthSecret,
  Page,
  PartnerApiKeyView,
  PartnerClientView,
  PartnerCredentialsView,
} from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../../../core/auth/auth.service';
import { pageParams, type PageRequest } from '../../../shared/list/page-request';

/** The coop admin's partner clients (API clients) and their credentials. */
@Injectable({ providedIn: 'root' })
export class PartnersApi {
  private readonly http = inject(HttpClient);

  list(page: PageRequest): Observable<Page<PartnerClientView>> {
    return this.http.get<Page<PartnerClientView>>(`${API_BASE}/partner-clients`, { params: pageParams(page) });
  }

  create(body: CreatePartnerClientRequest): Observable<PartnerClientView> {
    return this.http.post<PartnerClientView>(`${API_BASE}/partner-clients`, body);
  }

  credentials(id: string): Observable<PartnerCredentialsView> {
    return this.http.get<PartnerCredentialsView>(`${this.client(id)}/credentials`);
  }

  /** A new API key: the answer is the only time the key is shown. */
  createKey(id: string): Observable<CreatedApiKey> {
    return this.http.post<CreatedApiKey>(`${this.client(id)}/api-keys`, {});
  }

  rotateKey(id: string, keyId: string): Observable<CreatedApiKey> {
    return this.http.post<CreatedApiKey>(`${this.client(id)}/api-keys/${encodeURIComponent(keyId)}/rotate`, {});
  }

  revokeKey(id: string, keyId: string): Observable<PartnerApiKeyView> {
    return this.http.post<PartnerApiKeyView>(`${this.client(id)}/api-keys/${encodeURIComponent(keyId)}/revoke`, {});
  }

  /** OAuth2 client credentials: created, or a new secret (the key stays); shown once. */
  oauthSecret(id: string): Observable<CreatedOAuthSecret> {
    return this.http.post<CreatedOAuthSecret>(`${this.client(id)}/oauth-secret`, {});
  }

  revoke(id: string): Observable<void> {
    return this.http.post<void>(`${this.client(id)}/revoke`, {});
  }

  private client(id: string): string {
    return `${API_BASE}/partner-clients/${encodeURIComponent(id)}`;
  }
}
