import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { MembershipSummary } from '@federacycle/contracts';
import { I18nService } from '../i18n/i18n.service';

/** A select when the person has several memberships, the coop's name otherwise. */
@Component({
  selector: 'fc-coop-switcher',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatSelectModule],
  template: `
    @if (memberships().length > 1) {
      <mat-form-field class="switcher" subscriptSizing="dynamic" appearance="outline">
        <mat-label>{{ t('shell.coopSwitcher') }}</mat-label>
        <mat-select [value]="currentCoopId()" (selectionChange)="coopChange.emit($event.value)">
          @for (m of memberships(); track m.coopId) {
            <mat-option [value]="m.coopId">{{ m.coopName }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    } @else if (currentName(); as name) {
      <span class="coop-name">{{ name }}</span>
    } @else {
      <span class="coop-name">{{ t('shell.federation') }}</span>
    }
  `,
  styles: `
    .switcher {
      width: 220px;
      max-width: 100%;
      --mat-form-field-container-height: 44px;
      --mat-form-field-container-vertical-padding: 10px;
      font: var(--mat-sys-body-medium);
    }
    .coop-name {
      font: var(--mat-sys-title-small);
    }
  `,
})
export class CoopSwitcherComponent {
  protected readonly t = inject(I18nService).t;

  readonly memberships = input<readonly MembershipSummary[]>([]);
  readonly currentCoopId = input<string | null>(null);
  readonly coopChange = output<string>();

  protected readonly currentName = computed(
    () => this.memberships().find((m) => m.coopId === this.currentCoopId())?.coopName ?? null,
  );
}
