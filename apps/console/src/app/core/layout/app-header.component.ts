import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink } from '@angular/router';
import type { MembershipSummary } from '@federacycle/contracts';
import { I18nService, LANGS, type Lang } from '../i18n/i18n.service';
import { CoopSwitcherComponent } from './coop-switcher.component';

/** Presentational header: product name, coop switcher, language switch, sign-out. */
@Component({
  selector: 'fc-app-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatToolbarModule, MatButtonModule, MatButtonToggleModule, RouterLink, CoopSwitcherComponent],
  templateUrl: './app-header.component.html',
  styleUrl: './app-header.component.scss',
})
export class AppHeaderComponent {
  protected readonly t = inject(I18nService).t;
  protected readonly langs = LANGS;

  readonly signedIn = input.required<boolean>();
  readonly compact = input.required<boolean>();
  readonly menuOpen = input(false);
  readonly lang = input.required<Lang>();
  readonly userName = input<string | null>(null);
  readonly memberships = input<readonly MembershipSummary[]>([]);
  readonly currentCoopId = input<string | null>(null);

  readonly menuToggle = output<void>();
  readonly langChange = output<Lang>();
  readonly coopChange = output<string>();
  readonly signOut = output<void>();
}
