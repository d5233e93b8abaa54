import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import type { TranslationKey } from '../../core/i18n/en';
import { I18nService } from '../../core/i18n/i18n.service';

export const CHECKLIST: readonly { id: string; key: TranslationKey }[] = [
  { id: 'legalForm', key: 'review.checkLegalForm' },
  { id: 'registration', key: 'review.checkRegistration' },
  { id: 'statutes', key: 'review.checkStatutes' },
  { id: 'declarations', key: 'review.checkDeclarations' },
];

/** Presentational: the reviewer's checklist; emits whether every item is ticked. */
@Component({
  selector: 'fc-review-checklist',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCheckboxModule],
  template: `
    <fieldset class="list" [disabled]="disabled()">
      <legend>{{ t('review.checklist') }}</legend>
      @for (item of items; track item.id) {
        <mat-checkbox
          [checked]="ticked().includes(item.id)"
          [disabled]="disabled()"
          (change)="toggle(item.id, $event.checked)"
        >
          {{ t(item.key) }}
        </mat-checkbox>
      }
      <p class="fc-muted progress" aria-live="polite">
        {{ t('review.progress', { done: ticked().length, total: items.length }) }}
      </p>
    </fieldset>
  `,
  styles: `
    .list {
      display: flex;
      flex-direction: column;
      border: 0;
      margin: 0;
      padding: 0;
    }
    legend {
      font: var(--mat-sys-title-medium);
      margin-bottom: 4px;
    }
    .progress {
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ReviewChecklistComponent {
  protected readonly t = inject(I18nService).t;
  protected readonly items = CHECKLIST;
  readonly disabled = input(false);
  readonly complete = output<boolean>();
  protected readonly ticked = signal<string[]>([]);
  private readonly done = computed(() => this.ticked().length === CHECKLIST.length);

  protected toggle(id: string, checked: boolean): void {
    this.ticked.update((list) => (checked ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id)));
    this.complete.emit(this.done());
  }
}
