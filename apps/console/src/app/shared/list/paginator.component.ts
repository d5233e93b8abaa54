import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { I18nService } from '../../core/i18n/i18n.service';
import { PAGE_SIZES, lastPageIndex, pageRange, withPageSize, type PageState } from './paging';

let nextId = 0;

/** Presentational: page size, "1–50 of 213", previous and next. */
@Component({
  selector: 'fc-paginator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <nav class="paginator" [attr.aria-label]="t('list.pagination', { label: label() })">
      @if (pageable()) {
        <label class="size" [for]="sizeId">
          <span>{{ t('list.pageSize') }}</span>
          <select class="fc-select" [id]="sizeId" [value]="pageSize()" (change)="changeSize($event)">
            @for (size of pageSizes(); track size) {
              <option [value]="size" [selected]="size === pageSize()">{{ size }}</option>
            }
          </select>
        </label>
      }
      <span class="range" aria-live="polite">{{ rangeText() }}</span>
      @if (pageable()) {
        <span class="steps">
          <button
            mat-stroked-button
            type="button"
            data-page="previous"
            [disabled]="disabled() || pageIndex() === 0"
            (click)="go(pageIndex() - 1)"
          >
            <span aria-hidden="true">‹ </span>{{ t('list.previous') }}
          </button>
          <button
            mat-stroked-button
            type="button"
            data-page="next"
            [disabled]="disabled() || pageIndex() >= last()"
            (click)="go(pageIndex() + 1)"
          >
            {{ t('list.next') }}<span aria-hidden="true"> ›</span>
          </button>
        </span>
      }
    </nav>
  `,
  styles: `
    .paginator {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: var(--fc-space-2) var(--fc-space-4);
      padding: var(--fc-space-3) 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .size {
      display: inline-flex;
      align-items: center;
      gap: var(--fc-space-2);
    }
    .range {
      font-variant-numeric: tabular-nums;
      color: var(--mat-sys-on-surface);
    }
    .steps {
      display: inline-flex;
      gap: var(--fc-space-2);
    }
  `,
})
export class PaginatorComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly sizeId = `fc-page-size-${nextId++}`;

  readonly label = input.required<string>();
  readonly total = input.required<number>();
  readonly pageIndex = input(0);
  readonly pageSize = input(PAGE_SIZES[1]);
  readonly pageSizes = input<readonly number[]>(PAGE_SIZES);
  readonly disabled = input(false);
  readonly pageChange = output<PageState>();

  protected readonly last = computed(() => lastPageIndex(this.pageSize(), this.total()));
  /** a list that fits in the smallest page needs no controls, only its count */
  protected readonly pageable = computed(
    () => this.pageIndex() > 0 || this.total() > Math.min(this.pageSize(), ...this.pageSizes()),
  );
  protected readonly rangeText = computed(() => {
    const number = new Intl.NumberFormat(this.i18n.locale());
    const { from, to } = pageRange({ pageIndex: this.pageIndex(), pageSize: this.pageSize() }, this.total());
    return this.t('list.range', {
      from: number.format(from),
      to: number.format(to),
      total: number.format(this.total()),
    });
  });

  protected go(pageIndex: number): void {
    const index = Math.min(Math.max(0, pageIndex), this.last());
    if (index !== this.pageIndex()) this.pageChange.emit({ pageIndex: index, pageSize: this.pageSize() });
  }

  protected changeSize(event: Event): void {
    const size = Number((event.target as HTMLSelectElement).value);
    if (!Number.isInteger(size) || size === this.pageSize()) return;
    this.pageChange.emit(withPageSize({ pageIndex: this.pageIndex(), pageSize: this.pageSize() }, size));
  }
}
