import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CourierActionRequest,
  CourierActionResult,
  CourierView,
  LocationBatchResult,
  LocationFix,
  ProofKind,
  ProofPolicyView,
  TaskProofView,
  TaskView,
} from '@federacycle/contracts';
import { map, type Observable } from 'rxjs';
import { API_BASE } from '../../../core/auth/auth.service';

/** The courier app's calls: the caller's profile and duty, their tasks, steps, proofs and location. */
@Injectable({ providedIn: 'root' })
export class CourierAppApi {
  private readonly http = inject(HttpClient);

  me(): Observable<CourierView> {
    return this.http.get<CourierView>(`${API_BASE}/fleet/me`);
  }

  setOnDuty(on: boolean): Observable<CourierView> {
    return this.http.post<CourierView>(`${API_BASE}/fleet/me/${on ? 'on-duty' : 'off-duty'}`, {});
  }

  tasks(): Observable<TaskView[]> {
    return this.http.get<{ items: TaskView[] }>(`${API_BASE}/dispatch/me/tasks`).pipe(map((r) => r.items));
  }

  proofPolicy(): Observable<ProofPolicyView> {
    return this.http.get<ProofPolicyView>(`${API_BASE}/dispatch/me/proof-policy`);
  }

  act(body: CourierActionRequest): Observable<CourierActionResult> {
    return this.http.post<CourierActionResult>(`${API_BASE}/dispatch/me/actions`, body);
  }

  putProof(taskId: string, proofId: string, kind: ProofKind, file: Blob): Observable<TaskProofView> {
    const form = new FormData();
    form.append('file', file, kind === 'photo' ? 'photo' : 'signature');
    return this.http.put<TaskProofView>(
      `${API_BASE}/dispatch/me/tasks/${encodeURIComponent(taskId)}/proofs/${encodeURIComponent(proofId)}`,
      form,
      { params: { kind } },
    );
  }

  locations(fixes: LocationFix[]): Observable<LocationBatchResult> {
    return this.http.post<LocationBatchResult>(`${API_BASE}/fleet/me/locations`, { fixes });
  }
}
