import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { I18nService } from '../../core/i18n/i18n.service';
import { DataListComponent, type ListColumn } from './data-list.component';
import { ListCellDirective } from './list-cell.directive';
import type { PageState } from './paging';

interface Row {
  id: string;
  name: string;
  email: string;
}

const rows = (from: number, count: number): Row[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `r${from + i}`,
    name: `Person ${from + i}`,
    email: `p${from + i}@x.coop`,
  }));

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DataListComponent, ListCellDirective],
  template: `
    <fc-data-list
      [items]="items()"
      [total]="total()"
      [pageIndex]="pageIndex()"
      [pageSize]="pageSize()"
      [columns]="columns"
      [trackBy]="id"
      [compact]="compact()"
      [loading]="loading()"
      label="Members"
      (pageChange)="pages.push($event)"
    >
      <ng-template fcCell="name" [fcCellOf]="items()" let-r>{{ r.name }}</ng-template>
      <ng-template fcCell="email" [fcCellOf]="items()" let-r>{{ r.email }}</ng-template>
      <ng-template fcCell="actions" [fcCellOf]="items()" let-r>
        <button type="button" [attr.aria-label]="'Change roles of ' + r.name">Change roles</button>
      </ng-template>
      <p fcEmpty class="empty-text">Nobody yet: invite someone.</p>
    </fc-data-list>
  `,
})
class HostComponent {
  readonly items = signal<Row[]>(rows(1, 50));
  readonly total = signal(120);
  readonly pageIndex = signal(0);
  readonly pageSize = signal(50);
  readonly compact = signal<boolean | undefined>(false);
  readonly loading = signal(false);
  readonly pages: PageState[] = [];
  readonly columns: ListColumn[] = [
    { id: 'name', header: 'Name' },
    { id: 'email', header: 'Email' },
    { id: 'actions', header: 'Actions', actions: true },
  ];
  readonly id = (r: Row): string => r.id;
}

describe('DataListComponent', () => {
  let fixture: ComponentFixture<HostComponent>;
  let host: HostComponent;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [HostComponent] });
    TestBed.inject(I18nService).use('en');
    fixture = TestBed.createComponent(HostComponent);
    host = fixture.componentInstance;
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  const button = (which: 'previous' | 'next'): HTMLButtonElement =>
    root.querySelector<HTMLButtonElement>(`button[data-page=${which}]`) as HTMLButtonElement;
  const range = (): string => root.querySelector('.range')?.textContent?.trim() ?? '';

  it('renders a table with a header row, one row per item and the cell templates', () => {
    expect(root.querySelectorAll('table').length).toBe(1);
    expect(root.querySelectorAll('thead th').length).toBe(3);
    expect(root.querySelectorAll('tbody tr').length).toBe(50);
    expect(root.querySelector('caption')?.textContent?.trim()).toBe('Members');
    const first = root.querySelector('tbody tr');
    expect(first?.querySelector('[data-col=name]')?.textContent?.trim()).toBe('Person 1');
    expect(first?.querySelector('button')?.getAttribute('aria-label')).toBe('Change roles of Person 1');
    expect(root.querySelector('.cards')).toBeNull();
  });

  it('renders cards on a phone: the first column as title, the others labelled, actions in the footer', async () => {
    host.compact.set(true);
    await fixture.whenStable();
    expect(root.querySelector('table')).toBeNull();
    const cards = root.querySelectorAll('.cards > li');
    expect(cards.length).toBe(50);
    expect(cards[0].querySelector('h3')?.textContent?.trim()).toBe('Person 1');
    expect(cards[0].querySelector('dt')?.textContent?.trim()).toBe('Email');
    expect(cards[0].querySelector('dd')?.textContent?.trim()).toBe('p1@x.coop');
    expect(cards[0].querySelector('.card-actions button')?.textContent?.trim()).toBe('Change roles');
    // the actions column has no label in a card
    expect(Array.from(cards[0].querySelectorAll('dt')).map((d) => d.textContent?.trim())).toEqual(['Email']);
  });

  it('shows the range and emits the next and previous pages', async () => {
    expect(range()).toBe('1–50 of 120');
    expect(button('previous').disabled).toBe(true);
    button('next').click();
    expect(host.pages).toEqual([{ pageIndex: 1, pageSize: 50 }]);

    // the page answers with page 2: the range follows the inputs, not a local slice
    host.pageIndex.set(1);
    host.items.set(rows(51, 50));
    await fixture.whenStable();
    expect(range()).toBe('51–100 of 120');
    button('previous').click();
    expect(host.pages.at(-1)).toEqual({ pageIndex: 0, pageSize: 50 });

    host.pageIndex.set(2);
    host.items.set(rows(101, 20));
    await fixture.whenStable();
    expect(range()).toBe('101–120 of 120');
    expect(button('next').disabled).toBe(true);
    expect(root.querySelectorAll('tbody tr').length).toBe(20);
  });

  it('changes the page size, keeping the first item of the page in view', async () => {
    host.pageIndex.set(1);
    await fixture.whenStable();
    const select = root.querySelector<HTMLSelectElement>('select') as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['25', '50', '100']);
    select.value = '25';
    select.dispatchEvent(new Event('change'));
    // item 51 is on page index 2 of 25
    expect(host.pages).toEqual([{ pageIndex: 2, pageSize: 25 }]);
  });

  it('disables the steps while loading', async () => {
    host.loading.set(true);
    await fixture.whenStable();
    expect(button('next').disabled).toBe(true);
    expect(root.querySelector('mat-progress-bar')).not.toBeNull();
  });

  it('shows only the count for a short list, and the projected empty state for none', async () => {
    host.items.set(rows(1, 3));
    host.total.set(3);
    await fixture.whenStable();
    expect(range()).toBe('1–3 of 3');
    expect(root.querySelector('button[data-page]')).toBeNull();

    host.items.set([]);
    host.total.set(0);
    await fixture.whenStable();
    expect(root.querySelector('table')).toBeNull();
    expect(root.querySelector('fc-paginator')).toBeNull();
    expect(root.querySelector('.empty-text')?.textContent).toContain('invite someone');
  });

  it('translates the paginator', async () => {
    TestBed.inject(I18nService).use('fr');
    await fixture.whenStable();
    expect(range()).toBe('1–50 sur 120');
    expect(button('next').textContent?.trim()).toBe('Suivant ›');
  });
});
