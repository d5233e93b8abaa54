import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { RoleChipsComponent } from '../../shared/role-chips.component';
import { HOME_CARDS, homeCardsFor, type HomeRole } from './home-cards';

/** Home after sign-in: who you are and where, then a card grid of what each of your roles needs first. */
@Component({
  selector: 'fc-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgComponentOutlet, RoleChipsComponent, EmptyStateComponent],
  template: `
    @if (principal(); as p) {
      <header class="intro">
        <h1>{{ t('home.greeting', { name: p.name }) }}</h1>
        @if (membership(); as m) {
          <p class="coop">{{ t('home.coop', { coop: m.coopName }) }}</p>
        } @else {
          <p class="coop">{{ t('home.noCoop') }}</p>
        }
        @if (allRoles().length > 0) {
          <div class="roles">
            <span class="fc-visually-hidden">{{ t('home.roles') }}</span>
            <fc-role-chips [roles]="allRoles()" />
          </div>
        } @else {
          <p class="fc-muted">{{ t('home.noRoles') }}</p>
        }
        @if (otherCoops() > 0) {
          <p class="fc-muted other">
            {{ otherCoops() === 1 ? t('home.otherCoop') : t('home.otherCoops', { count: otherCoops() }) }}
          </p>
        }
      </header>
      <section [attr.aria-label]="t('home.cardsLabel')">
        @if (cards().length > 0) {
          <div class="grid">
            @for (card of cards(); track card.id) {
              <ng-container *ngComponentOutlet="card.component; inputs: card.inputs ?? {}" />
            }
          </div>
        } @else {
          <fc-empty-state [title]="t('home.nothingTitle')" [hint]="t('home.nothingHint')" />
        }
      </section>
    }
  `,
  styles: `
    .intro {
      margin-bottom: var(--fc-space-5);
    }
    h1 {
      margin-bottom: var(--fc-space-2);
    }
    .coop {
      margin: 0 0 var(--fc-space-3);
      font: var(--fc-font-card-title);
      color: var(--mat-sys-on-surface-variant);
    }
    .other {
      margin: var(--fc-space-2) 0 0;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr));
      gap: var(--fc-space-4);
    }
  `,
})
export class HomePage {
  private readonly auth = inject(AuthService);
  protected readonly t = inject(I18nService).t;
  protected readonly principal = this.auth.principal;
  protected readonly membership = this.auth.currentMembership;
  protected readonly allRoles = computed<HomeRole[]>(() => {
    const p = this.principal();
    return p ? [...p.platformRoles, ...p.roles] : [];
  });
  protected readonly cards = computed(() => homeCardsFor(this.allRoles(), HOME_CARDS));
  protected readonly otherCoops = computed(
    () => this.auth.memberships().filter((m) => m.coopId !== this.principal()?.coopId).length,
  );
}
