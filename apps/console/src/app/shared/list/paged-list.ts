import { DestroyRef, inject, signal, type WritableSignal } from '@angular/core';
import type { Page } from '@federacycle/contracts';
import type { Observable, Subscription } from 'rxjs';
import { DEFAULT_PAGE_SIZE, type PageRequest } from './page-request';
import { lastPageIndex, toPageRequest, type PageState } from './paging';

/**
 * The state of one paged list, fetched from the API one page at a time: the page's items,
 * the total, the page shown, loading and the last error. A newer load cancels the older one.
 */
export class PagedList<T> {
  readonly items = signal<readonly T[]>([]);
  readonly total = signal(0);
  readonly pageIndex = signal(0);
  readonly pageSize: WritableSignal<number>;
  readonly loading = signal(false);
  /** the error of the last load (null after a success) */
  readonly error = signal<unknown>(null);
  /** true once a load has answered (success or error) */
  readonly loaded = signal(false);
  private inFlight: Subscription | null = null;

  constructor(
    private readonly fetch: (page: PageRequest) => Observable<Page<T>>,
    pageSize = DEFAULT_PAGE_SIZE,
  ) {
    this.pageSize = signal(pageSize);
  }

  /** Loads the current page again (after a change, or to retry). */
  load(): void {
    this.inFlight?.unsubscribe();
    this.loading.set(true);
    const state: PageState = { pageIndex: this.pageIndex(), pageSize: this.pageSize() };
    this.inFlight = this.fetch(toPageRequest(state)).subscribe({
      next: (page) => {
        // past the last page (items removed meanwhile): go to the new last page
        if (page.items.length === 0 && page.total > 0 && state.pageIndex > 0) {
          this.pageIndex.set(lastPageIndex(state.pageSize, page.total));
          this.load();
          return;
        }
        this.items.set(page.items);
        this.total.set(page.total);
        this.error.set(null);
        this.loading.set(false);
        this.loaded.set(true);
      },
      error: (error: unknown) => {
        this.error.set(error);
        this.loading.set(false);
        this.loaded.set(true);
      },
    });
  }

  /** Shows another page (from the paginator). */
  setPage(state: PageState): void {
    this.pageIndex.set(state.pageIndex);
    this.pageSize.set(state.pageSize);
    this.load();
  }

  /** Back to the first page (a new filter or search). */
  restart(): void {
    this.pageIndex.set(0);
    this.load();
  }

  /** Replaces one item in place (the server answered the updated item). */
  replace(match: (item: T) => boolean, updated: T): void {
    this.items.update((items) => items.map((item) => (match(item) ? updated : item)));
  }

  cancel(): void {
    this.inFlight?.unsubscribe();
    this.inFlight = null;
  }
}

/** A PagedList cancelled with the calling component. Call in an injection context. */
export function injectPagedList<T>(fetch: (page: PageRequest) => Observable<Page<T>>, pageSize?: number): PagedList<T> {
  const list = new PagedList<T>(fetch, pageSize);
  inject(DestroyRef).onDestroy(() => list.cancel());
  return list;
}
