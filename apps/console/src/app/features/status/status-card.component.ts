import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';

/** Presentational card for the status pages (not found, forbidden, coming soon). */
@Component({
  selector: 'fc-status-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, MatButtonModule, RouterLink],
  template: `
    <mat-card appearance="outlined" class="card">
      <mat-card-content>
        <p class="code" aria-hidden="true">{{ code() }}</p>
        <h1>{{ heading() }}</h1>
        <p>{{ body() }}</p>
      </mat-card-content>
      <mat-card-actions>
        <a mat-flat-button routerLink="/">{{ t('common.goHome') }}</a>
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    .card {
      max-width: 560px;
      margin: 32px auto;
      padding: 8px;
    }
    .code {
      margin: 0;
      font: var(--mat-sys-display-small);
      color: var(--mat-sys-primary);
    }
  `,
})
export class StatusCardComponent {
  protected readonly t = inject(I18nService).t;
  readonly code = input('');
  readonly heading = input.required<string>();
  readonly body = input.required<string>();
}
