import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  effect,
  inject,
  input,
  model,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { HoursPreview } from '@federacycle/contracts';
import { Subject, debounceTime, switchMap, catchError, of } from 'rxjs';
import { toApiProblem } from '../../core/api/api-error';
import { toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { MerchantsApi } from './data/merchants-api';
import { stateSentence, weekByDay } from './merchant-format';

/**
 * The opening-hours editor: OSM opening_hours text, with what it means in plain words (EN/FR),
 * from the API's preview: open now or not and the next change, the week's open intervals, the
 * library's warnings, or where the text stops making sense.
 */
@Component({
  selector: 'fc-hours-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline" class="full">
      <mat-label>{{ t('merchants.hours') }}</mat-label>
      <textarea
        matInput
        rows="2"
        name="openingHours"
        data-field="openingHours"
        [disabled]="disabled()"
        [ngModel]="value()"
        (ngModelChange)="value.set($event); changes.next($event)"
      ></textarea>
      <mat-hint>{{ t('merchants.hoursHint') }}</mat-hint>
    </mat-form-field>
    <div class="preview" aria-live="polite" data-testid="hours-preview">
      @if (problem(); as p) {
        <p class="fc-error-banner" role="alert">
          {{ p.message }}
          @if (p.position !== null) {
            <code class="marker"
              ><span>{{ value().slice(0, p.position) }}</span
              ><mark>{{ value().slice(p.position) || ' ' }}</mark></code
            >
          }
        </p>
      } @else if (preview(); as pv) {
        <p class="state">{{ sentence(pv) }}</p>
        @if (days(pv).length === 0) {
          <p>{{ t('merchants.hoursNeverOpen') }}</p>
        } @else {
          <dl class="week">
            @for (d of days(pv); track d.day) {
              <div>
                <dt>{{ d.day }}</dt>
                <dd>{{ d.ranges.join(', ') }}</dd>
              </div>
            }
          </dl>
        }
        @for (w of pv.warnings; track w) {
          <p class="warning">{{ w }}</p>
        }
      }
    </div>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .preview {
      margin-bottom: var(--fc-space-4);
    }
    .state {
      font-weight: 600;
    }
    .week {
      display: grid;
      gap: var(--fc-space-1);
      margin: 0;
    }
    .week div {
      display: flex;
      gap: var(--fc-space-3);
      flex-wrap: wrap;
    }
    .week dt {
      min-width: 11em;
    }
    .week dt::first-letter {
      text-transform: uppercase;
    }
    .week dd {
      margin: 0;
    }
    .marker {
      display: block;
      margin-top: var(--fc-space-2);
      white-space: pre-wrap;
    }
    .warning {
      color: var(--fc-status-warn-fg);
    }
  `,
})
export class HoursEditorComponent implements OnInit {
  private readonly api = inject(MerchantsApi);
  private readonly i18n = inject(I18nService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly t = this.i18n.t;
  readonly value = model('');
  readonly country = input('FR');
  readonly disabled = input(false);
  protected readonly changes = new Subject<string>();
  protected readonly preview = signal<HoursPreview | null>(null);
  protected readonly problem = signal<{ message: string; position: number | null } | null>(null);
  private readonly locale = computed(() => this.i18n.locale());

  constructor() {
    // a change of country (holidays) previews again
    effect(() => {
      this.country();
      this.changes.next(this.value());
    });
  }

  ngOnInit(): void {
    const sub = this.changes
      .pipe(
        debounceTime(350),
        switchMap((text) =>
          text.trim() === ''
            ? of(null)
            : this.api
                .previewHours({ openingHours: text, country: this.country() })
                .pipe(catchError((e: unknown) => of(e))),
        ),
      )
      .subscribe((answer) => {
        if (answer === null) {
          this.preview.set(null);
          this.problem.set(null);
          return;
        }
        if (typeof answer === 'object' && answer !== null && 'week' in answer) {
          this.preview.set(answer as HoursPreview);
          this.problem.set(null);
          return;
        }
        const problem = toApiProblem(answer);
        const detail = problem.fieldErrors[0]?.message ?? '';
        const match = /character (\d+)/.exec(detail);
        this.problem.set({
          message: `${toProblemText(this.t, answer)} ${detail}`.trim(),
          position: match ? Number(match[1]) - 1 : null,
        });
      });
    this.destroyRef.onDestroy(() => sub.unsubscribe());
    this.changes.next(this.value());
  }

  protected sentence(preview: HoursPreview): string {
    return stateSentence(this.t, preview.state, this.locale(), preview.timezone);
  }

  protected days(preview: HoursPreview) {
    return weekByDay(preview.week, this.locale(), preview.timezone);
  }
}
