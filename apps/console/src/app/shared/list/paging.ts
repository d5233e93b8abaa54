import { DEFAULT_PAGE_SIZE, type PageRequest } from './page-request';

/** A page of a list as the paginator shows it (0-based index). */
export interface PageState {
  pageIndex: number;
  pageSize: number;
}

export const PAGE_SIZES: readonly number[] = [25, DEFAULT_PAGE_SIZE, 100];

export function toPageRequest(state: PageState): PageRequest {
  return { limit: state.pageSize, offset: state.pageIndex * state.pageSize };
}

/** The 1-based range shown ("51–100 of 213"); `from` is 0 when the list is empty. */
export function pageRange(state: PageState, total: number): { from: number; to: number } {
  if (total <= 0) return { from: 0, to: 0 };
  const from = Math.min(state.pageIndex * state.pageSize + 1, total);
  return { from, to: Math.min((state.pageIndex + 1) * state.pageSize, total) };
}

export function lastPageIndex(pageSize: number, total: number): number {
  return Math.max(0, Math.ceil(total / pageSize) - 1);
}

/** A new page size keeps the first item of the current page in view. */
export function withPageSize(state: PageState, pageSize: number): PageState {
  return { pageIndex: Math.floor((state.pageIndex * state.pageSize) / pageSize), pageSize };
}
