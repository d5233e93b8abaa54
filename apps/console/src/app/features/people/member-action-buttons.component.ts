import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { MemberView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { isMemberActive } from './member-actions';

/** A member's two actions (change roles, disable/enable), shared by the table and the cards. */
@Component({
  selector: 'fc-member-action-buttons',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  host: { style: 'display: contents' },
  template: `
    <button
      mat-button
      type="button"
      [disabled]="busy()"
      [attr.aria-label]="t('people.changeRolesFor', { name: member().name })"
      (click)="changeRoles.emit(member())"
    >
      {{ t('people.changeRoles') }}
    </button>
    <button mat-button type="button" [disabled]="busy()" (click)="toggleEnabled.emit(member())">
      {{ t(active(member()) ? 'people.disable' : 'people.enable') }}
    </button>
  `,
})
export class MemberActionButtonsComponent {
  protected readonly t = inject(I18nService).t;
  protected readonly active = isMemberActive;

  readonly member = input.required<MemberView>();
  readonly busy = input(false);
  readonly changeRoles = output<MemberView>();
  readonly toggleEnabled = output<MemberView>();
}
