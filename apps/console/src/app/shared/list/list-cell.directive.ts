import { Directive, TemplateRef, inject, input } from '@angular/core';

export interface ListCellContext<T> {
  $implicit: T;
}

/**
 * The content of one column for one item, used in the table cell and in the card:
 * `<ng-template fcCell="name" [fcCellOf]="items" let-m>{{ m.name }}</ng-template>`
 * (`fcCellOf` only types `let-m`).
 */
@Directive({ selector: 'ng-template[fcCell]' })
export class ListCellDirective<T> {
  readonly fcCell = input.required<string>();
  readonly fcCellOf = input<readonly T[]>();
  readonly template = inject<TemplateRef<ListCellContext<T>>>(TemplateRef);

  static ngTemplateContextGuard<T>(_dir: ListCellDirective<T>, context: unknown): context is ListCellContext<T> {
    return context !== null;
  }
}
