import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatMenuModule } from '@angular/material/menu';
import { MatTableModule } from '@angular/material/table';
import type { CoopDirectoryEntry } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { actionLabelKey, actionsFor, type DirectoryActionRequest } from './directory-actions';
import { directoryStatusKey, formatShare, standingKey } from './federation-labels';

/** Presentational: the coop directory, a table on desktop and cards on phones. */
@Component({
  selector: 'fc-directory-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, MatTableModule, MatButtonModule, MatCardModule, MatMenuModule],
  templateUrl: './directory-view.component.html',
  styleUrl: './directory-view.component.scss',
})
export class DirectoryViewComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly statusKey = directoryStatusKey;
  protected readonly standingKey = standingKey;
  protected readonly actionsFor = actionsFor;
  protected readonly actionLabelKey = actionLabelKey;
  protected readonly columns = ['name', 'city', 'status', 'standing', 'licence', 'share', 'actions'];

  readonly coops = input.required<readonly CoopDirectoryEntry[]>();
  readonly compact = input(false);
  readonly busyIds = input<readonly string[]>([]);
  readonly act = output<DirectoryActionRequest>();

  protected share(value: number | null): string {
    return formatShare(value, this.i18n.locale());
  }

  protected expiry(iso: string | null): string {
    return iso ? this.i18n.formatDate(iso) : this.t('directory.noLicence');
  }
}
