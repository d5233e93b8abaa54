import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AcceptInvitationRequest,
  CoopView,
  CreateCoopRequest,
  CreateInvitationRequest,
  ForgotPasswordRequest,
  InvitationPreview,
  InvitationView,
  MemberView,
  Page,
  ResetPasswordRequest,
  SessionResponse,
  UpdateMemberRolesRequest,
} from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../auth/auth.service';

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

/** The coop admin's people: members and invitations of the selected coop. */
@Injectable({ providedIn: 'root' })
export class PeopleApi {
  private readonly http = inject(HttpClient);

  listMembers(): Observable<Page<MemberView>> {
    return this.http.get<Page<MemberView>>(`${API_BASE}/members`);
  }

  updateRoles(userId: string, body: UpdateMemberRolesRequest): Observable<MemberView> {
    return this.http.patch<MemberView>(`${API_BASE}/members/${encodeURIComponent(userId)}`, body);
  }

  setEnabled(userId: string, enabled: boolean): Observable<MemberView> {
    const verb = enabled ? 'enable' : 'disable';
    return this.http.post<MemberView>(`${API_BASE}/members/${encodeURIComponent(userId)}/${verb}`, {});
  }

  listInvitations(): Observable<Page<InvitationView>> {
    return this.http.get<Page<InvitationView>>(`${API_BASE}/invitations`);
  }

  createInvitation(body: CreateInvitationRequest): Observable<InvitationView> {
    return this.http.post<InvitationView>(`${API_BASE}/invitations`, body);
  }

  revokeInvitation(id: string): Observable<void> {
    return this.http.delete<void>(`${API_BASE}/invitations/${encodeURIComponent(id)}`);
  }
}

/** The federation admin's coops. */
@Injectable({ providedIn: 'root' })
export class FederationApi {
  private readonly http = inject(HttpClient);

  listCoops(): Observable<Page<CoopView>> {
    return this.http.get<Page<CoopView>>(`${API_BASE}/federation/coops`);
  }

  createCoop(body: CreateCoopRequest): Observable<CoopView> {
    return this.http.post<CoopView>(`${API_BASE}/federation/coops`, body);
  }
}
