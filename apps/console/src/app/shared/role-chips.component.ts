import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import type { CoopRole, PlatformRole } from '@federacycle/contracts';
import { I18nService } from '../core/i18n/i18n.service';
import { roleKey } from './role-labels';

/** Roles as read-only chips, translated. */
@Component({
  selector: 'fc-role-chips',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatChipsModule],
  template: `
    <mat-chip-set [attr.aria-label]="t('form.roles')">
      @for (role of roles(); track role) {
        <mat-chip [disableRipple]="true">{{ t(roleKey(role)) }}</mat-chip>
      }
    </mat-chip-set>
  `,
  styles: `
    mat-chip-set {
      --mat-chip-label-text-size: 13px;
      --mat-chip-container-height: 26px;
      --mat-chip-container-shape-radius: 6px;
    }
  `,
})
export class RoleChipsComponent {
  protected readonly t = inject(I18nService).t;
  protected readonly roleKey = roleKey;
  readonly roles = input.required<readonly (CoopRole | PlatformRole)[]>();
}
