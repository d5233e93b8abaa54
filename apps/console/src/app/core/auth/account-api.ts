import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AcceptInvitationRequest,
  ForgotPasswordRequest,
  InvitationPreview,
  ResetPasswordRequest,
  SessionResponse,
} from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from './auth.service';

/** Password recovery and invitation acceptance (public endpoints). */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  forgotPassword(body: ForgotPasswordRequest): Observable<void> {
    return this.http.post<void>(`${API_BASE}/auth/forgot-password`, body);
  }

  resetPassword(body: ResetPasswordRequest): Observable<void> {
    return this.http.post<void>(`${API_BASE}/auth/reset-password`, body);
  }

  previewInvitation(token: string): Observable<InvitationPreview> {
    return this.http.get<InvitationPreview>(`${API_BASE}/invitations/by-token/${encodeURIComponent(token)}`);
  }

  acceptInvitation(token: string, body: AcceptInvitationRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(
      `${API_BASE}/invitations/by-token/${encodeURIComponent(token)}/accept`,
      body,
    );
  }
}
