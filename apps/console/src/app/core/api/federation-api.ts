import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ErrorCode,
  type ApplicationReceipt,
  type ApplicationStatus,
  type ApplicationStatusView,
  type ApplicationView,
  type CoopApplicationRequest,
  type CoopDirectoryEntry,
  type CoopLicenceResponse,
  type DecisionRequest,
  type FederationSettingsView,
  type LegalFormCatalogueResponse,
  type LicenceVerificationResponse,
  type LicenceView,
  type Page,
  type StandingView,
  type StorefrontView,
  type VerifyLicenceRequest,
} from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../auth/auth.service';
import type { TranslationKey } from '../i18n/en';
import type { TranslationParams } from '../i18n/i18n.service';
import { problemMessage, toApiProblem, type ApiProblem } from './api-error';

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

/** The federation admin's applications queue, coop directory, licences and settings. */
@Injectable({ providedIn: 'root' })
export class FederationAdminApi {
  private readonly http = inject(HttpClient);

  listApplications(status?: ApplicationStatus | null): Observable<Page<ApplicationView>> {
    const params = status ? new HttpParams().set('status', status) : undefined;
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

  directory(): Observable<Page<CoopDirectoryEntry>> {
    return this.http.get<Page<CoopDirectoryEntry>>(`${API_BASE}/federation/directory`);
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

  updateSettings(body: Partial<FederationSettingsView>): Observable<FederationSettingsView> {
    return this.http.patch<FederationSettingsView>(`${API_BASE}/federation/settings`, body);
  }
}

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

/**
 * Onboarding and licence codes with their own message (the generic mapping covers the rest);
 * the application form shows the same messages under its fields.
 */
export const FEDERATION_MESSAGE_KEYS: Partial<Record<ErrorCode, TranslationKey>> = {
  DUPLICATE_REGISTRATION: 'error.DUPLICATE_REGISTRATION',
  REGISTRATION_FORMAT: 'error.REGISTRATION_FORMAT',
  REGISTRATION_CHECKSUM: 'error.REGISTRATION_CHECKSUM',
  UNKNOWN_COUNTRY: 'error.UNKNOWN_COUNTRY',
  UNKNOWN_LEGAL_FORM: 'error.UNKNOWN_LEGAL_FORM',
  STATUTES_EMPTY: 'error.STATUTES_EMPTY',
  STATUTES_TOO_LARGE: 'error.STATUTES_TOO_LARGE',
  STATUTES_NOT_PDF: 'error.STATUTES_NOT_PDF',
  PAYLOAD_TOO_LARGE: 'error.STATUTES_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'error.STATUTES_NOT_PDF',
  REASON_REQUIRED: 'error.REASON_REQUIRED',
  SANDBOX_TEST_ORDER_LIMIT: 'error.SANDBOX_TEST_ORDER_LIMIT',
};

export function federationProblemMessage(problem: ApiProblem): { key: TranslationKey; params?: TranslationParams } {
  const key = problem.code ? FEDERATION_MESSAGE_KEYS[problem.code] : undefined;
  return key ? { key } : problemMessage(problem);
}

type Translate = (key: TranslationKey, params?: TranslationParams) => string;

/** Translated message for an error of a federation call (onboarding codes first). */
export function federationProblemText(t: Translate, error: unknown): string {
  const { key, params } = federationProblemMessage(toApiProblem(error));
  return t(key, params);
}
