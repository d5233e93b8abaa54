import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatListModule } from '@angular/material/list';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { I18nService } from '../i18n/i18n.service';
import type { NavItem } from '../navigation/navigation';

/** Presentational list of the navigation items a person may see. */
@Component({
  selector: 'fc-nav-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatListModule, RouterLink, RouterLinkActive],
  template: `
    <nav [attr.aria-label]="t('shell.mainNav')">
      <mat-nav-list>
        @for (item of items(); track item.path) {
          <a
            mat-list-item
            [routerLink]="item.path"
            routerLinkActive
            #rla="routerLinkActive"
            [routerLinkActiveOptions]="{ exact: item.path === '/' }"
            [activated]="rla.isActive"
            ariaCurrentWhenActive="page"
            (click)="navigate.emit()"
          >
            {{ t(item.labelKey) }}
          </a>
        }
      </mat-nav-list>
    </nav>
  `,
})
export class NavListComponent {
  protected readonly t = inject(I18nService).t;
  readonly items = input.required<readonly NavItem[]>();
  readonly navigate = output<void>();
}
