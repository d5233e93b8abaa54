import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AcceptProposalResult,
  BoardView,
  Page,
  PlanProposalResponse,
  PlanProposalView,
  TaskState,
  TaskView,
} from '@federacycle/contracts';
import { map, type Observable } from 'rxjs';
import { API_BASE } from '../../../core/auth/auth.service';

export interface BoardFilter {
  date: string;
  zoneId: string | null;
  merchantId: string | null;
  state: TaskState | null;
  late: boolean;
}

const DISPATCH = `${API_BASE}/dispatch`;

/** The dispatch board's calls: the day's snapshot, assignments, the planner's proposal. */
@Injectable({ providedIn: 'root' })
export class BoardApi {
  private readonly http = inject(HttpClient);

  read(filter: BoardFilter): Observable<BoardView> {
    let params = new HttpParams().set('date', filter.date);
    if (filter.zoneId) params = params.set('zoneId', filter.zoneId);
    if (filter.merchantId) params = params.set('merchantId', filter.merchantId);
    if (filter.state) params = params.set('state', filter.state);
    if (filter.late) params = params.set('late', 'true');
    return this.http.get<BoardView>(`${DISPATCH}/board`, { params });
  }

  assign(taskId: string, courierId: string): Observable<TaskView> {
    return this.http.post<TaskView>(`${DISPATCH}/tasks/${taskId}/assign`, { courierId });
  }

  reassign(taskId: string, fromCourierId: string, toCourierId: string): Observable<TaskView> {
    return this.http.post<TaskView>(`${DISPATCH}/tasks/${taskId}/reassign`, { fromCourierId, toCourierId });
  }

  unassign(taskId: string): Observable<TaskView> {
    return this.http.post<TaskView>(`${DISPATCH}/tasks/${taskId}/unassign`, {});
  }

  bulkAssign(taskIds: string[], courierId: string): Observable<Page<TaskView>> {
    return this.http.post<Page<TaskView>>(`${DISPATCH}/assignments/bulk`, { taskIds, courierId });
  }

  reorder(courierId: string, taskIds: string[]): Observable<Page<TaskView>> {
    return this.http.put<Page<TaskView>>(`${DISPATCH}/couriers/${courierId}/tasks/order`, { taskIds });
  }

  /** The planner's proposal (suggest mode); null when there is none or the route does not exist. */
  proposal(): Observable<PlanProposalView | null> {
    return this.http.get<PlanProposalResponse>(`${DISPATCH}/proposal`).pipe(map((r) => r.proposal));
  }

  acceptProposal(courierIds?: string[]): Observable<AcceptProposalResult> {
    return this.http.post<AcceptProposalResult>(`${DISPATCH}/proposal/accept`, courierIds ? { courierIds } : {});
  }
}
