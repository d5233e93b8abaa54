import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CategoryView,
  HoursPreview,
  HoursPreviewRequest,
  MenuDocument,
  MenuView,
  MerchantInput,
  MerchantKind,
  MerchantStaffView,
  MerchantSummary,
  MerchantView,
  Page,
  PauseMerchantRequest,
  ProductInput,
  ProductView,
} from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../../../core/auth/auth.service';
import { pageParams, type PageRequest } from '../../../shared/list/page-request';

export interface MerchantFilters {
  q?: string;
  kind?: MerchantKind | null;
  openNow?: boolean;
  paused?: boolean;
}

/** The merchants of the selected coop, their staff and their menus. */
@Injectable({ providedIn: 'root' })
export class MerchantsApi {
  private readonly http = inject(HttpClient);

  list(page: PageRequest, filters: MerchantFilters = {}): Observable<Page<MerchantSummary>> {
    let params = pageParams(page);
    if (filters.q) params = params.set('q', filters.q);
    if (filters.kind) params = params.set('kind', filters.kind);
    if (filters.openNow) params = params.set('openNow', 'true');
    if (filters.paused) params = params.set('paused', 'true');
    return this.http.get<Page<MerchantSummary>>(`${API_BASE}/merchants`, { params });
  }

  get(id: string): Observable<MerchantView> {
    return this.http.get<MerchantView>(`${API_BASE}/merchants/${encodeURIComponent(id)}`);
  }

  create(body: MerchantInput): Observable<MerchantView> {
    return this.http.post<MerchantView>(`${API_BASE}/merchants`, body);
  }

  update(id: string, body: Partial<MerchantInput>): Observable<MerchantView> {
    return this.http.patch<MerchantView>(`${API_BASE}/merchants/${encodeURIComponent(id)}`, body);
  }

  pause(id: string, body: PauseMerchantRequest): Observable<MerchantView> {
    return this.http.post<MerchantView>(`${API_BASE}/merchants/${encodeURIComponent(id)}/pause`, body);
  }

  unpause(id: string): Observable<MerchantView> {
    return this.http.post<MerchantView>(`${API_BASE}/merchants/${encodeURIComponent(id)}/unpause`, {});
  }

  archive(id: string): Observable<MerchantView> {
    return this.http.post<MerchantView>(`${API_BASE}/merchants/${encodeURIComponent(id)}/archive`, {});
  }

  previewHours(body: HoursPreviewRequest): Observable<HoursPreview> {
    return this.http.post<HoursPreview>(`${API_BASE}/merchants/hours/preview`, body);
  }

  staff(): Observable<MerchantStaffView[]> {
    return this.http.get<MerchantStaffView[]>(`${API_BASE}/merchant-staff`);
  }

  setStaff(userId: string, merchantIds: string[]): Observable<MerchantStaffView> {
    return this.http.put<MerchantStaffView>(`${API_BASE}/merchant-staff/${encodeURIComponent(userId)}`, {
      merchantIds,
    });
  }

  // ---- menu ----
  private menuUrl(merchantId: string): string {
    return `${API_BASE}/merchants/${encodeURIComponent(merchantId)}/menu`;
  }

  menu(merchantId: string): Observable<MenuView> {
    return this.http.get<MenuView>(this.menuUrl(merchantId));
  }

  exportMenu(merchantId: string): Observable<MenuDocument> {
    return this.http.get<MenuDocument>(`${this.menuUrl(merchantId)}/export`);
  }

  importMenu(merchantId: string, doc: MenuDocument): Observable<MenuView> {
    return this.http.post<MenuView>(`${this.menuUrl(merchantId)}/import`, doc);
  }

  createCategory(merchantId: string, name: string): Observable<CategoryView> {
    return this.http.post<CategoryView>(`${this.menuUrl(merchantId)}/categories`, { name });
  }

  renameCategory(merchantId: string, categoryId: string, name: string): Observable<CategoryView> {
    return this.http.patch<CategoryView>(`${this.menuUrl(merchantId)}/categories/${categoryId}`, { name });
  }

  deleteCategory(merchantId: string, categoryId: string): Observable<void> {
    return this.http.delete<void>(`${this.menuUrl(merchantId)}/categories/${categoryId}`);
  }

  reorderCategories(merchantId: string, ids: string[]): Observable<void> {
    return this.http.put<void>(`${this.menuUrl(merchantId)}/categories/order`, { ids });
  }

  reorderProducts(merchantId: string, categoryId: string, ids: string[]): Observable<void> {
    return this.http.put<void>(`${this.menuUrl(merchantId)}/categories/${categoryId}/products/order`, { ids });
  }

  reorderOptions(merchantId: string, groupId: string, ids: string[]): Observable<void> {
    return this.http.put<void>(`${this.menuUrl(merchantId)}/option-groups/${groupId}/options/order`, { ids });
  }

  createProduct(merchantId: string, body: ProductInput): Observable<ProductView> {
    return this.http.post<ProductView>(`${this.menuUrl(merchantId)}/products`, body);
  }

  updateProduct(merchantId: string, productId: string, body: Partial<ProductInput>): Observable<ProductView> {
    return this.http.patch<ProductView>(`${this.menuUrl(merchantId)}/products/${productId}`, body);
  }

  deleteProduct(merchantId: string, productId: string): Observable<void> {
    return this.http.delete<void>(`${this.menuUrl(merchantId)}/products/${productId}`);
  }

  setProductStock(merchantId: string, productId: string, available: boolean): Observable<unknown> {
    return this.http.post(`${this.menuUrl(merchantId)}/products/${productId}/stock`, { available });
  }

  setOptionStock(merchantId: string, optionId: string, available: boolean): Observable<unknown> {
    return this.http.post(`${this.menuUrl(merchantId)}/options/${optionId}/stock`, { available });
  }

  uploadImage(merchantId: string, productId: string, file: File): Observable<ProductView> {
    const form = new FormData();
    form.append('image', file);
    return this.http.post<ProductView>(`${this.menuUrl(merchantId)}/products/${productId}/image`, form);
  }

  /** An image of the coop, as a blob (the route needs the bearer token, so no plain <img src>). */
  image(url: string): Observable<Blob> {
    return this.http.get(url.replace(/^\/api/, API_BASE), { responseType: 'blob', params: new HttpParams() });
  }
}
