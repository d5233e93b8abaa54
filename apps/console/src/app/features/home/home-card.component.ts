import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';

/** Presentational frame of every home card: title, content, an optional link; loading and error states. */
@Component({
  selector: 'fc-home-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule],
  template: `
    <article class="card" [class.upcoming]="upcoming()" [attr.aria-labelledby]="headingId()">
      <div class="progress">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel()" />
        }
      </div>
      <h2 class="title" [id]="headingId()">{{ heading() }}</h2>
      @if (error(); as message) {
        <p class="fc-error-banner" role="alert">
          {{ message }}
          <button mat-button type="button" (click)="retry.emit()">{{ retryLabel() }}</button>
        </p>
      } @else {
        <div class="body"><ng-content /></div>
      }
      @if (link(); as l) {
        <p class="link">
          <a mat-stroked-button [routerLink]="l">{{ linkLabel() }}</a>
        </p>
      }
    </article>
  `,
  styles: `
    :host {
      display: block;
    }
    .card {
      display: flex;
      flex-direction: column;
      height: 100%;
      box-sizing: border-box;
      padding: 0 var(--fc-space-5) var(--fc-space-5);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--fc-radius-m);
      background: var(--mat-sys-surface-container-lowest);
    }
    .card.upcoming {
      border-style: dashed;
      background: transparent;
    }
    .progress {
      height: 4px;
      margin: 0 calc(-1 * var(--fc-space-5)) var(--fc-space-4);
      overflow: hidden;
      border-radius: var(--fc-radius-m) var(--fc-radius-m) 0 0;
    }
    .title {
      margin: 0 0 var(--fc-space-3);
      font: var(--fc-font-card-title);
    }
    .body {
      flex: 1 1 auto;
    }
    .link {
      margin: var(--fc-space-4) 0 0;
    }
  `,
})
export class HomeCardComponent {
  readonly heading = input.required<string>();
  readonly headingId = input.required<string>();
  readonly loading = input(false);
  readonly loadingLabel = input('');
  readonly error = input<string | null>(null);
  readonly retryLabel = input('');
  readonly link = input<string | null>(null);
  readonly linkLabel = input('');
  /** a card for what is not built yet: says what will appear, shows no number */
  readonly upcoming = input(false);
  readonly retry = output<void>();
}
