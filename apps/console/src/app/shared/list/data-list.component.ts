import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  TemplateRef,
  computed,
  contentChildren,
  input,
  output,
} from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { injectIsCompact } from '../../core/layout/breakpoints';
import { ListCellDirective, type ListCellContext } from './list-cell.directive';
import { PaginatorComponent } from './paginator.component';
import { PAGE_SIZES, type PageState } from './paging';

/** One column: a header, and the `fcCell` template of the same id for its content. */
export interface ListColumn {
  id: string;
  header: string;
  /** the row's actions: the last table column, the footer of a card (no label) */
  actions?: boolean;
}

/**
 * One responsive, paged list: a table on desktop, cards on a phone (the first column is the
 * card's title, the others label: value, the actions column its footer), a paginator below.
 * The page asks the API for the page the paginator emits; this component never slices.
 */
@Component({
  selector: 'fc-data-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, MatProgressBarModule, PaginatorComponent],
  template: `
    <div class="progress">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel()" />
      }
    </div>
    @if (items().length === 0) {
      @if (!loading()) {
        <div class="empty"><ng-content select="[fcEmpty]" /></div>
      }
    } @else if (cards()) {
      <ul class="cards" [class.busy]="loading()" [attr.aria-label]="label()">
        @for (item of items(); track trackBy()(item)) {
          <li class="card">
            @if (titleColumn(); as c) {
              <h3 class="card-title">
                <ng-container *ngTemplateOutlet="cell(c.id); context: { $implicit: item }" />
              </h3>
            }
            @if (fieldColumns().length) {
              <dl class="card-fields">
                @for (c of fieldColumns(); track c.id) {
                  <div class="field" [attr.data-col]="c.id">
                    <dt>{{ c.header }}</dt>
                    <dd><ng-container *ngTemplateOutlet="cell(c.id); context: { $implicit: item }" /></dd>
                  </div>
                }
              </dl>
            }
            @if (actionsColumn(); as c) {
              <div class="card-actions">
                <ng-container *ngTemplateOutlet="cell(c.id); context: { $implicit: item }" />
              </div>
            }
          </li>
        }
      </ul>
    } @else {
      <div class="table-wrap">
        <table class="fc-table" [class.busy]="loading()">
          <caption class="fc-visually-hidden">
            {{
              label()
            }}
          </caption>
          <thead>
            <tr>
              @for (c of columns(); track c.id) {
                <th scope="col" [attr.data-col]="c.id" [class.actions]="c.actions">{{ c.header }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (item of items(); track trackBy()(item)) {
              <tr>
                @for (c of columns(); track c.id) {
                  <td [attr.data-col]="c.id" [class.actions]="c.actions">
                    <ng-container *ngTemplateOutlet="cell(c.id); context: { $implicit: item }" />
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
    @if (total() > 0) {
      <fc-paginator
        [label]="label()"
        [total]="total()"
        [pageIndex]="pageIndex()"
        [pageSize]="pageSize()"
        [pageSizes]="pageSizes()"
        [disabled]="loading()"
        (pageChange)="pageChange.emit($event)"
      />
    }
  `,
  styleUrl: './data-list.component.scss',
})
export class DataListComponent<T> {
  private readonly phone = injectIsCompact();

  readonly items = input.required<readonly T[]>();
  readonly columns = input.required<readonly ListColumn[]>();
  readonly trackBy = input.required<(item: T) => string>();
  /** names the table (caption), the card list and the paginator */
  readonly label = input.required<string>();
  readonly total = input(0);
  readonly pageIndex = input(0);
  readonly pageSize = input(PAGE_SIZES[1]);
  readonly pageSizes = input<readonly number[]>(PAGE_SIZES);
  readonly loading = input(false);
  readonly loadingLabel = input('');
  /** cards or table; by default cards below the compact breakpoint */
  readonly compact = input<boolean | undefined>(undefined);
  readonly pageChange = output<PageState>();

  private readonly cellDefs = contentChildren(ListCellDirective);
  private readonly templates = computed(() => {
    const map = new Map<string, TemplateRef<ListCellContext<T>>>();
    for (const def of this.cellDefs()) map.set(def.fcCell(), def.template as TemplateRef<ListCellContext<T>>);
    return map;
  });

  protected readonly cards = computed(() => this.compact() ?? this.phone());
  protected readonly titleColumn = computed(() => this.columns().find((c) => !c.actions) ?? null);
  protected readonly actionsColumn = computed(() => this.columns().find((c) => c.actions) ?? null);
  protected readonly fieldColumns = computed(() =>
    this.columns().filter((c) => !c.actions && c !== this.titleColumn()),
  );

  protected cell(id: string): TemplateRef<ListCellContext<T>> | null {
    return this.templates().get(id) ?? null;
  }
}
