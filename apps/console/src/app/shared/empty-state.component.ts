import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Presentational: an empty list says what is missing and what to do next (projected actions). */
@Component({
  selector: 'fc-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="empty" role="status">
      <p class="title">{{ title() }}</p>
      @if (hint()) {
        <p class="hint">{{ hint() }}</p>
      }
      <div class="actions"><ng-content /></div>
    </div>
  `,
  styles: `
    .empty {
      padding: var(--fc-space-5) var(--fc-space-4);
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: var(--fc-radius-m);
      background: var(--mat-sys-surface-container-lowest);
      text-align: center;
    }
    .title {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .hint {
      margin: var(--fc-space-2) auto 0;
      max-width: 52ch;
      color: var(--mat-sys-on-surface-variant);
    }
    .actions:not(:empty) {
      margin-top: var(--fc-space-3);
    }
  `,
})
export class EmptyStateComponent {
  readonly title = input.required<string>();
  readonly hint = input('');
}
