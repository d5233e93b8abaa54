import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateZoneRequest,
  Page,
  ServiceAreaResponse,
  ServiceAreaView,
  SetServiceAreaRequest,
  UpdateZoneRequest,
  ZoneFeatureCollection,
  ZoneImportResult,
  ZoneView,
} from '@federacycle/contracts';
import { Observable, expand, map, of, reduce } from 'rxjs';
import { API_BASE } from '../../../core/auth/auth.service';
import { MAX_PAGE_SIZE, pageParams, type PageRequest } from '../../../shared/list/page-request';

const ZONES = `${API_BASE}/geo/zones`;

/** The coop's zones and service area (geo domain). */
@Injectable({ providedIn: 'root' })
export class ZonesApi {
  private readonly http = inject(HttpClient);

  list(page: PageRequest): Observable<Page<ZoneView>> {
    return this.http.get<Page<ZoneView>>(ZONES, { params: pageParams(page) });
  }

  /**
   * Every zone, by name, page after page of the largest size: the map draws them all (a coop has
   * a handful; the API pages anyway).
   */
  listAll(): Observable<ZoneView[]> {
    const page = (offset: number) => this.list({ limit: MAX_PAGE_SIZE, offset });
    return page(0).pipe(
      expand((p, i) => {
        const next = (i + 1) * MAX_PAGE_SIZE;
        return p.items.length === MAX_PAGE_SIZE && next < p.total ? page(next) : of();
      }),
      map((p) => p.items),
      reduce((all, items) => [...all, ...items], [] as ZoneView[]),
    );
  }

  create(body: CreateZoneRequest): Observable<ZoneView> {
    return this.http.post<ZoneView>(ZONES, body);
  }

  update(id: string, body: UpdateZoneRequest): Observable<ZoneView> {
    return this.http.patch<ZoneView>(`${ZONES}/${encodeURIComponent(id)}`, body);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${ZONES}/${encodeURIComponent(id)}`);
  }

  importCollection(body: unknown): Observable<ZoneImportResult> {
    return this.http.post<ZoneImportResult>(`${ZONES}/import`, body);
  }

  exportCollection(): Observable<ZoneFeatureCollection> {
    return this.http.get<ZoneFeatureCollection>(`${ZONES}/export`);
  }

  serviceArea(): Observable<ServiceAreaResponse> {
    return this.http.get<ServiceAreaResponse>(`${API_BASE}/geo/service-area`);
  }

  setServiceArea(body: SetServiceAreaRequest): Observable<ServiceAreaView> {
    return this.http.put<ServiceAreaView>(`${API_BASE}/geo/service-area`, body);
  }
}
