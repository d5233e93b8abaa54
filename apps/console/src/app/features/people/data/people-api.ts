import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateInvitationRequest,
  InvitationView,
  MemberView,
  Page,
  UpdateMemberRolesRequest,
} from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../../../core/auth/auth.service';
import { pageParams, type PageRequest } from '../../../shared/list/page-request';

/** The coop admin's people: members and invitations of the selected coop. */
@Injectable({ providedIn: 'root' })
export class PeopleApi {
  private readonly http = inject(HttpClient);

  /** One page of members, by name. */
  listMembers(page: PageRequest): Observable<Page<MemberView>> {
    return this.http.get<Page<MemberView>>(`${API_BASE}/members`, { params: pageParams(page) });
  }

  updateRoles(userId: string, body: UpdateMemberRolesRequest): Observable<MemberView> {
    return this.http.patch<MemberView>(`${API_BASE}/members/${encodeURIComponent(userId)}`, body);
  }

  setEnabled(userId: string, enabled: boolean): Observable<MemberView> {
    const verb = enabled ? 'enable' : 'disable';
    return this.http.post<MemberView>(`${API_BASE}/members/${encodeURIComponent(userId)}/${verb}`, {});
  }

  /** One page of the invitations not revoked (pending, accepted or expired), newest first. */
  listInvitations(page: PageRequest): Observable<Page<InvitationView>> {
    return this.http.get<Page<InvitationView>>(`${API_BASE}/invitations`, { params: pageParams(page) });
  }

  createInvitation(body: CreateInvitationRequest): Observable<InvitationView> {
    return this.http.post<InvitationView>(`${API_BASE}/invitations`, body);
  }

  revokeInvitation(id: string): Observable<void> {
    return this.http.delete<void>(`${API_BASE}/invitations/${encodeURIComponent(id)}`);
  }
}
