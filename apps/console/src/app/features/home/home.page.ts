import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { RoleChipsComponent } from '../../shared/role-chips.component';

/** Dashboard after sign-in: who you are, in which coop, with which roles. */
@Component({
  selector: 'fc-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, RoleChipsComponent],
  template: `
    @if (principal(); as p) {
      <h1>{{ t('home.greeting', { name: p.name }) }}</h1>
      <mat-card appearance="outlined">
        <mat-card-content>
          @if (membership(); as m) {
            <p class="coop">{{ t('home.coop', { coop: m.coopName }) }}</p>
          } @else {
            <p class="coop">{{ t('home.noCoop') }}</p>
          }
          <h2>{{ t('home.roles') }}</h2>
          @if (allRoles().length > 0) {
            <fc-role-chips [roles]="allRoles()" />
          } @else {
            <p class="fc-muted">{{ t('home.noRoles') }}</p>
          }
          @if (otherCoops() > 0) {
            <p class="fc-muted">
              {{ otherCoops() === 1 ? t('home.otherCoop') : t('home.otherCoops', { count: otherCoops() }) }}
            </p>
          }
        </mat-card-content>
      </mat-card>
    }
  `,
  styles: `
    .coop {
      font: var(--mat-sys-title-medium);
      margin: 0 0 16px;
    }
  `,
})
export class HomePage {
  private readonly auth = inject(AuthService);
  protected readonly t = inject(I18nService).t;
  protected readonly principal = this.auth.principal;
  protected readonly membership = this.auth.currentMembership;
  protected readonly allRoles = computed(() => {
    const p = this.principal();
    return p ? [...p.platformRoles, ...p.roles] : [];
  });
  protected readonly otherCoops = computed(
    () => this.auth.memberships().filter((m) => m.coopId !== this.principal()?.coopId).length,
  );
}
