import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterOutlet } from '@angular/router';
import { toProblemText } from './core/api/problem-text';
import { AuthService } from './core/auth/auth.service';
import { LanguagePreference } from './core/auth/language-preference';
import { injectIsCompact } from './core/layout/breakpoints';
import { AppHeaderComponent } from './core/layout/app-header.component';
import { CoopSwitcherComponent } from './core/layout/coop-switcher.component';
import { NavListComponent } from './core/layout/nav-list.component';
import { I18nService, type Lang } from './core/i18n/i18n.service';
import { navigationFor } from './core/navigation/navigation';
import { ComplianceBannerComponent } from './features/licence/compliance-banner.component';

/** The console shell (container): header, role-aware navigation drawer, routed page. */
@Component({
  selector: 'fc-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    MatSidenavModule,
    MatButtonModule,
    AppHeaderComponent,
    NavListComponent,
    CoopSwitcherComponent,
    ComplianceBannerComponent,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly languages = inject(LanguagePreference);

  protected readonly t = this.i18n.t;
  protected readonly lang = this.i18n.lang;
  protected readonly compact = injectIsCompact();
  protected readonly menuOpen = signal(false);
  protected readonly signedIn = this.auth.signedIn;
  protected readonly principal = this.auth.principal;
  protected readonly memberships = this.auth.memberships;
  protected readonly navItems = computed(() => navigationFor(this.auth.ability()));

  constructor() {
    // leaving the phone layout closes the drawer so it does not reopen as an overlay later
    effect(() => {
      if (!this.compact()) this.menuOpen.set(false);
    });
    // a snack bar's text is fixed when it opens: drop it rather than leave it in the old language
    effect(() => {
      this.lang();
      this.snackBar.dismiss();
    });
  }

  /** Switches the console's language at once and, for a signed-in person, saves it to their account. */
  protected setLang(lang: Lang): void {
    this.languages.choose(lang).subscribe({
      error: (error: unknown) =>
        this.snackBar.open(`${this.t('lang.notSaved')} ${toProblemText(this.t, error)}`, this.t('common.close'), {
          duration: 6000,
        }),
    });
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected closeMenuOnPhone(): void {
    if (this.compact()) this.menuOpen.set(false);
  }

  protected switchCoop(coopId: string): void {
    if (coopId === this.principal()?.coopId) return;
    this.auth.switchCoop(coopId).subscribe({
      next: () => {
        this.closeMenuOnPhone();
        void this.router.navigateByUrl('/');
      },
      error: (error: unknown) =>
        this.snackBar.open(toProblemText(this.t, error), this.t('common.close'), { duration: 6000 }),
    });
  }

  protected signOut(): void {
    this.closeMenuOnPhone();
    this.auth.signOut();
  }
}
