import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CourierCandidateView,
  CourierPatch,
  CourierRequest,
  CourierView,
  DutyPeriodView,
  OwnCourierPatch,
  Page,
  ShiftRequest,
  ShiftView,
  Vehicle,
  WorkerOwnershipFiguresView,
} from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../../../core/auth/auth.service';
import { pageParams, type PageRequest } from '../../../shared/list/page-request';

export interface CourierFilter {
  q?: string;
  vehicle?: Vehicle | '';
  onDutyOnly?: boolean;
}

/** The fleet API: couriers, shifts, worker ownership, and a courier's own page. */
@Injectable({ providedIn: 'root' })
export class FleetApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/fleet`;

  listCouriers(page: PageRequest, filter: CourierFilter = {}): Observable<Page<CourierView>> {
    let params = pageParams(page);
    if (filter.q?.trim()) params = params.set('q', filter.q.trim());
    if (filter.vehicle) params = params.set('vehicle', filter.vehicle);
    if (filter.onDutyOnly) params = params.set('onDuty', 'true');
    return this.http.get<Page<CourierView>>(`${this.base}/couriers`, { params });
  }

  getCourier(id: string): Observable<CourierView> {
    return this.http.get<CourierView>(`${this.base}/couriers/${encodeURIComponent(id)}`);
  }

  candidates(): Observable<CourierCandidateView[]> {
    return this.http.get<CourierCandidateView[]>(`${this.base}/couriers/candidates`);
  }

  createCourier(body: CourierRequest): Observable<CourierView> {
    return this.http.post<CourierView>(`${this.base}/couriers`, body);
  }

  updateCourier(id: string, patch: CourierPatch): Observable<CourierView> {
    return this.http.patch<CourierView>(`${this.base}/couriers/${encodeURIComponent(id)}`, patch);
  }

  ownership(): Observable<WorkerOwnershipFiguresView> {
    return this.http.get<WorkerOwnershipFiguresView>(`${this.base}/ownership`);
  }

  listShifts(from: Date, to: Date, courierId?: string): Observable<{ items: ShiftView[] }> {
    let params = new HttpParams().set('from', from.toISOString()).set('to', to.toISOString());
    if (courierId) params = params.set('courierId', courierId);
    return this.http.get<{ items: ShiftView[] }>(`${this.base}/shifts`, { params });
  }

  createShift(body: ShiftRequest): Observable<ShiftView> {
    return this.http.post<ShiftView>(`${this.base}/shifts`, body);
  }

  deleteShift(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/shifts/${encodeURIComponent(id)}`);
  }

  me(): Observable<CourierView> {
    return this.http.get<CourierView>(`${this.base}/me`);
  }

  updateMe(patch: OwnCourierPatch): Observable<CourierView> {
    return this.http.patch<CourierView>(`${this.base}/me`, patch);
  }

  myShifts(from: Date, to: Date): Observable<{ items: ShiftView[] }> {
    const params = new HttpParams().set('from', from.toISOString()).set('to', to.toISOString());
    return this.http.get<{ items: ShiftView[] }>(`${this.base}/me/shifts`, { params });
  }

  setOnDuty(onDuty: boolean): Observable<CourierView> {
    return this.http.post<CourierView>(`${this.base}/me/${onDuty ? 'on-duty' : 'off-duty'}`, {});
  }

  myDutyPeriods(page: PageRequest): Observable<Page<DutyPeriodView>> {
    return this.http.get<Page<DutyPeriodView>>(`${this.base}/me/duty-periods`, { params: pageParams(page) });
  }
}
