import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApplicationReceipt,
  ApplicationStatus,
  ApplicationStatusView,
  ApplicationView,
  CoopApplicationRequest,
  CoopDirectoryEntry,
  CoopView,
  CreateCoopRequest,
  DecisionRequest,
  FederationSettingsView,
  LegalFormCatalogueResponse,
  LicenceVerificationResponse,
  LicenceView,
  Page,
  VerifyLicenceRequest,
} from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../../../core/auth/auth.service';
import { pageParams, type PageRequest } from '../../../shared/list/page-request';

const enc = encodeURIComponent;

/** Public onboarding: the legal-form catalogue, the "Start a coop" application, its status, licence verification. */
@Injectable({ providedIn: 'root' })
export class PublicFederationApi {
  private readonly http = inject(HttpClient);

  legalForms(): Observable<LegalFormCatalogueResponse> {
    return this.http.get<LegalFormCatalogueResponse>(`${API_BASE}/public/legal-forms`);
  }

  /** multipart/form-data: `application` = the JSON request, `statutes` = the PDF. */
  submitApplication(request: CoopApplicationRequest, statutes: File): Observable<ApplicationReceipt> {
    const body = new FormData();
    body.append('application', JSON.stringify(request));
    body.append('statutes', statutes, statutes.name);
    return this.http.post<ApplicationReceipt>(`${API_BASE}/public/applications`, body);
  }

  applicationStatus(id: string, token: string): Observable<ApplicationStatusView> {
    return this.http.get<ApplicationStatusView>(`${API_BASE}/public/applications/${enc(id)}`, {
      params: new HttpParams().set('token', token),
    });
  }

  verifyLicence(licence: string): Observable<LicenceVerificationResponse> {
    const body: VerifyLicenceRequest = { licence };
    return this.http.post<LicenceVerificationResponse>(`${API_BASE}/public/licences/verify`, body);
  }
}

export type CoopAction = 'suspend' | 'reinstate' | 'offboard';

/** `sort` of the applications queue: newest or oldest submission first, or by name. */
export type ApplicationSort = 'submitted_at' | '-submitted_at' | 'name';
export const APPLICATION_SORTS: readonly ApplicationSort[] = ['-submitted_at', 'submitted_at', 'name'];

export interface ApplicationQuery {
  status?: ApplicationStatus | null;
  /** free text: coop name, email, registration number */
  q?: string | null;
  sort?: ApplicationSort | null;
}

/** The federation admin's applications queue, coop directory, licences and settings. */
@Injectable({ providedIn: 'root' })
export class FederationAdminApi {
  private readonly http = inject(HttpClient);

  /**
   * One page of the queue. `status`, `limit` and `offset` are what the server accepts today;
   * `q` and `sort` are only sent when set, so the default queue never depends on them.
   */
  listApplications(query: ApplicationQuery = {}, page?: PageRequest): Observable<Page<ApplicationView>> {
    let params = new HttpParams();
    if (query.status) params = params.set('status', query.status);
    const q = query.q?.trim();
    if (q) params = params.set('q', q);
    if (query.sort) params = params.set('sort', query.sort);
    if (page) params = pageParams(page, params);
    return this.http.get<Page<ApplicationView>>(`${API_BASE}/federation/applications`, { params });
  }

  getApplication(id: string): Observable<ApplicationView> {
    return this.http.get<ApplicationView>(`${API_BASE}/federation/applications/${enc(id)}`);
  }

  /** Authenticated download (the bearer interceptor applies): the caller makes an object URL. */
  downloadStatutes(downloadUrl: string): Observable<Blob> {
    return this.http.get(downloadUrl, { responseType: 'blob' });
  }

  startReview(id: string): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(`${API_BASE}/federation/applications/${enc(id)}/start-review`, {});
  }

  approve(id: string, reason?: string): Observable<ApplicationView> {
    const body: DecisionRequest = reason ? { reason } : {};
    return this.http.post<ApplicationView>(`${API_BASE}/federation/applications/${enc(id)}/approve`, body);
  }

  reject(id: string, reason: string): Observable<ApplicationView> {
    const body: DecisionRequest = { reason };
    return this.http.post<ApplicationView>(`${API_BASE}/federation/applications/${enc(id)}/reject`, body);
  }

  /** The coops with their standing, licence expiry and member share, one page at a time. */
  directory(page?: PageRequest): Observable<Page<CoopDirectoryEntry>> {
    const params = page ? pageParams(page) : undefined;
    return this.http.get<Page<CoopDirectoryEntry>>(`${API_BASE}/federation/directory`, { params });
  }

  /** Creates a coop directly (without an application). */
  createCoop(body: CreateCoopRequest): Observable<CoopView> {
    return this.http.post<CoopView>(`${API_BASE}/federation/coops`, body);
  }

  coopAction(coopId: string, action: CoopAction, reason: string): Observable<Partial<CoopDirectoryEntry>> {
    const body: DecisionRequest = { reason };
    return this.http.post<Partial<CoopDirectoryEntry>>(`${API_BASE}/federation/coops/${enc(coopId)}/${action}`, body);
  }

  issueLicence(coopId: string): Observable<LicenceView> {
    return this.http.post<LicenceView>(`${API_BASE}/federation/coops/${enc(coopId)}/licence`, {});
  }

  settings(): Observable<FederationSettingsView> {
    return this.http.get<FederationSettingsView>(`${API_BASE}/federation/settings`);
  }
}
