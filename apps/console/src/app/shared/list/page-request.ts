import { HttpParams } from '@angular/common/http';

/** One page of a list endpoint: `?limit=&offset=` (the API answers `{ items, total }`). */
export interface PageRequest {
  limit: number;
  offset: number;
}

/** The API's default and largest page sizes (the identity and federation servers' paging). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `limit` and `offset` as query parameters, added to `params` (other parameters kept). */
export function pageParams(page: PageRequest, params: HttpParams = new HttpParams()): HttpParams {
  return params.set('limit', String(page.limit)).set('offset', String(page.offset));
}
