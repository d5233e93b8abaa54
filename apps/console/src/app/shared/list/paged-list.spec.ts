import type { Page } from '@federacycle/contracts';
import { Subject, of, throwError, type Observable } from 'rxjs';
import type { PageRequest } from './page-request';
import { PagedList } from './paged-list';
import { pageRange, withPageSize } from './paging';

describe('PagedList', () => {
  const all = Array.from({ length: 120 }, (_, i) => i + 1);
  const server = (page: PageRequest): Observable<Page<number>> =>
    of({ items: all.slice(page.offset, page.offset + page.limit), total: all.length });

  it('asks the API for each page with limit and offset', () => {
    const asked: PageRequest[] = [];
    const list = new PagedList<number>((page) => {
      asked.push(page);
      return server(page);
    });
    list.load();
    expect(list.items().length).toBe(50);
    expect(list.total()).toBe(120);
    list.setPage({ pageIndex: 2, pageSize: 50 });
    expect(list.items()).toEqual(all.slice(100));
    list.restart();
    expect(asked).toEqual([
      { limit: 50, offset: 0 },
      { limit: 50, offset: 100 },
      { limit: 50, offset: 0 },
    ]);
  });

  it('goes to the new last page when the page asked for is past the end', () => {
    let total = 120;
    const list = new PagedList<number>((page) =>
      of({ items: all.slice(0, total).slice(page.offset, page.offset + page.limit), total }),
    );
    list.setPage({ pageIndex: 2, pageSize: 50 });
    total = 90;
    list.load();
    expect(list.pageIndex()).toBe(1);
    expect(list.items()).toEqual(all.slice(50, 90));
  });

  it('keeps the error of a failed load and cancels an older load', () => {
    const slow = new Subject<Page<number>>();
    let call = 0;
    const list = new PagedList<number>(() => (++call === 1 ? slow : throwError(() => new Error('down'))));
    list.load();
    list.load();
    slow.next({ items: [1], total: 1 });
    expect(list.items()).toEqual([]);
    expect(list.error()).toEqual(new Error('down'));
    expect(list.loading()).toBe(false);
  });
});

describe('paging helpers', () => {
  it('computes the 1-based range', () => {
    expect(pageRange({ pageIndex: 0, pageSize: 50 }, 213)).toEqual({ from: 1, to: 50 });
    expect(pageRange({ pageIndex: 4, pageSize: 50 }, 213)).toEqual({ from: 201, to: 213 });
    expect(pageRange({ pageIndex: 0, pageSize: 50 }, 0)).toEqual({ from: 0, to: 0 });
  });

  it('keeps the first item in view when the size changes', () => {
    expect(withPageSize({ pageIndex: 3, pageSize: 25 }, 100)).toEqual({ pageIndex: 0, pageSize: 100 });
    expect(withPageSize({ pageIndex: 1, pageSize: 100 }, 25)).toEqual({ pageIndex: 4, pageSize: 25 });
  });
});
