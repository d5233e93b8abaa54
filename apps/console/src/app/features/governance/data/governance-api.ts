import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BallotChoice,
  ProposalOutcome,
  ProposalStatus,
  ProposalTally,
  BallotReceipt,
  ChainVerification,
  CollegesView,
  Page,
  ProposalCommentView,
  ProposalSummary,
  ProposalView,
  SettingView,
} from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../../../core/auth/auth.service';
import { pageParams, type PageRequest } from '../../../shared/list/page-request';

export type ProposalFilter = 'open' | 'upcoming' | 'closed' | 'draft';

export interface NewProposal {
  title: string;
  rationale: string;
  changes: Array<{ key: string; value: string | number | boolean }>;
  opensAt: string;
  closesAt: string;
  quorumPercent?: number;
  thresholdPercent?: number;
  hiddenResults: boolean;
}

/** A federation proposal as the API answers it. */
export interface FederationProposalView {
  id: string;
  title: string;
  rationale: string;
  status: ProposalStatus;
  outcome: ProposalOutcome | null;
  opensAt: string;
  closesAt: string;
  quorumPercent: number;
  thresholdPercent: number;
  hiddenResults: boolean;
  statutory: boolean;
  changes: Array<{ key: string; from: string | number | boolean; to: string | number | boolean }>;
  voters: number;
  voted: number;
  chainHead: string;
  ballotCount: number;
  tally: ProposalTally | null;
  me: { isDelegate: boolean; isAuthor: boolean; coopVoter: boolean; coopChoice: BallotChoice | null };
}

/** A member the coop names to vote for it on federation proposals. */
export interface Delegate {
  userId: string;
  name: string;
}

export interface Voter {
  userId: string;
  name: string;
  college: string | null;
}

/** The coop's proposals, votes, proxies and settings (governance API). */
@Injectable({ providedIn: 'root' })
export class GovernanceApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/governance`;

  list(filter: ProposalFilter, page: PageRequest): Observable<Page<ProposalSummary>> {
    return this.http.get<Page<ProposalSummary>>(`${this.base}/proposals`, {
      params: pageParams(page, new HttpParams().set('filter', filter)),
    });
  }

  get(id: string): Observable<ProposalView> {
    return this.http.get<ProposalView>(`${this.base}/proposals/${encodeURIComponent(id)}`);
  }

  create(body: NewProposal): Observable<ProposalView> {
    return this.http.post<ProposalView>(`${this.base}/proposals`, body);
  }

  publish(id: string): Observable<ProposalView> {
    return this.http.post<ProposalView>(`${this.base}/proposals/${encodeURIComponent(id)}/publish`, {});
  }

  withdraw(id: string): Observable<ProposalView> {
    return this.http.post<ProposalView>(`${this.base}/proposals/${encodeURIComponent(id)}/withdraw`, {});
  }

  vote(id: string, choice: BallotChoice, onBehalfOf?: string): Observable<BallotReceipt> {
    return this.http.post<BallotReceipt>(`${this.base}/proposals/${encodeURIComponent(id)}/ballots`, {
      choice,
      ...(onBehalfOf ? { onBehalfOf } : {}),
    });
  }

  grantProxy(id: string, holderId: string): Observable<BallotReceipt> {
    return this.http.post<BallotReceipt>(`${this.base}/proposals/${encodeURIComponent(id)}/proxy`, { holderId });
  }

  revokeProxy(id: string): Observable<BallotReceipt> {
    return this.http.delete<BallotReceipt>(`${this.base}/proposals/${encodeURIComponent(id)}/proxy`);
  }

  voters(id: string): Observable<Voter[]> {
    return this.http.get<Voter[]>(`${this.base}/proposals/${encodeURIComponent(id)}/voters`);
  }

  comments(id: string): Observable<ProposalCommentView[]> {
    return this.http.get<ProposalCommentView[]>(`${this.base}/proposals/${encodeURIComponent(id)}/comments`);
  }

  comment(id: string, body: string): Observable<ProposalCommentView> {
    return this.http.post<ProposalCommentView>(`${this.base}/proposals/${encodeURIComponent(id)}/comments`, { body });
  }

  verify(id: string): Observable<ChainVerification> {
    return this.http.get<ChainVerification>(`${this.base}/proposals/${encodeURIComponent(id)}/verify`);
  }

  federationProposals(): Observable<FederationProposalView[]> {
    return this.http.get<FederationProposalView[]>(`${this.base}/federation/proposals`);
  }

  federationProposal(id: string): Observable<FederationProposalView> {
    return this.http.get<FederationProposalView>(`${this.base}/federation/proposals/${encodeURIComponent(id)}`);
  }

  createFederation(body: NewProposal): Observable<FederationProposalView> {
    return this.http.post<FederationProposalView>(`${this.base}/federation/proposals`, body);
  }

  updateFederation(id: string, body: NewProposal): Observable<FederationProposalView> {
    return this.http.put<FederationProposalView>(`${this.base}/federation/proposals/${encodeURIComponent(id)}`, body);
  }

  publishFederation(id: string): Observable<FederationProposalView> {
    return this.http.post<FederationProposalView>(
      `${this.base}/federation/proposals/${encodeURIComponent(id)}/publish`,
      {},
    );
  }

  withdrawFederation(id: string): Observable<FederationProposalView> {
    return this.http.post<FederationProposalView>(
      `${this.base}/federation/proposals/${encodeURIComponent(id)}/withdraw`,
      {},
    );
  }

  federationComments(id: string): Observable<ProposalCommentView[]> {
    return this.http.get<ProposalCommentView[]>(`${this.base}/federation/proposals/${encodeURIComponent(id)}/comments`);
  }

  federationComment(id: string, body: string): Observable<ProposalCommentView> {
    return this.http.post<ProposalCommentView>(`${this.base}/federation/proposals/${encodeURIComponent(id)}/comments`, {
      body,
    });
  }

  delegates(): Observable<Delegate[]> {
    return this.http.get<Delegate[]>(`${this.base}/delegates`);
  }

  setDelegates(userIds: string[]): Observable<Delegate[]> {
    return this.http.put<Delegate[]>(`${this.base}/delegates`, { userIds });
  }

  federationVote(id: string, choice: BallotChoice): Observable<BallotReceipt> {
    return this.http.post<BallotReceipt>(`${this.base}/federation/proposals/${encodeURIComponent(id)}/ballots`, {
      choice,
    });
  }

  colleges(): Observable<CollegesView> {
    return this.http.get<CollegesView>(`${this.base}/colleges`);
  }

  createCollege(name: string, weight: number): Observable<CollegesView> {
    return this.http.post<CollegesView>(`${this.base}/colleges`, { name, weight });
  }

  updateCollege(id: string, change: { name?: string; weight?: number }): Observable<CollegesView> {
    return this.http.patch<CollegesView>(`${this.base}/colleges/${encodeURIComponent(id)}`, change);
  }

  removeCollege(id: string): Observable<CollegesView> {
    return this.http.delete<CollegesView>(`${this.base}/colleges/${encodeURIComponent(id)}`);
  }

  setCollegeMembers(id: string, userIds: string[]): Observable<CollegesView> {
    return this.http.put<CollegesView>(`${this.base}/colleges/${encodeURIComponent(id)}/members`, { userIds });
  }

  coopSettings(): Observable<SettingView[]> {
    return this.http.get<SettingView[]>(`${this.base}/settings`);
  }

  federationSettings(): Observable<SettingView[]> {
    return this.http.get<SettingView[]>(`${this.base}/settings/federation`);
  }
}
