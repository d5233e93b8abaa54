import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { MatDialog, MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import type { DeliveryProofView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { DispatchApi } from './data/dispatch-api';

/** a Blob as a data: URL (the console's content security policy allows data: images, not blob:) */
function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('unread')));
    reader.onerror = () => reject(reader.error ?? new Error('unread'));
    reader.readAsDataURL(blob);
  });
}

export interface ProofDialogData {
  src: string;
  alt: string;
  caption: string;
}

/** Dialog: one proof at full size. */
@Component({
  selector: 'fc-proof-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>{{ data.alt }}</h2>
    <mat-dialog-content>
      <img class="full" [src]="data.src" [alt]="data.alt" />
      <p class="fc-muted">{{ data.caption }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close cdkFocusInitial>{{ t('deliveries.proofClose') }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .full {
      display: block;
      max-width: 100%;
      max-height: 70vh;
      margin: 0 auto;
      background: var(--mat-sys-surface-container);
      border-radius: var(--fc-radius-s);
    }
  `,
})
export class ProofDialog {
  protected readonly t = inject(I18nService).t;
  protected readonly data = inject<ProofDialogData>(MAT_DIALOG_DATA);
}

/**
 * A task's proofs as thumbnails that open full size. The images come through the authenticated
 * route (with the session's token), as data: URLs.
 */
@Component({
  selector: 'fc-proof-gallery',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="label">{{ t('deliveries.proofs') }}</p>
    <ul class="thumbs" data-list="proofs">
      @for (proof of proofs(); track proof.id) {
        <li>
          <button
            type="button"
            class="thumb"
            [attr.data-proof]="proof.kind"
            [disabled]="!images()[proof.id]"
            [attr.aria-label]="t('deliveries.proofOpen', { kind: kindLabel(proof) })"
            (click)="open(proof)"
          >
            @if (images()[proof.id]; as src) {
              <img [src]="src" alt="" />
            } @else if (failed()[proof.id]) {
              <span class="fc-muted">{{ t('deliveries.proofUnavailable') }}</span>
            }
          </button>
          <span class="caption fc-muted">{{ kindLabel(proof) }} · {{ time(proof.createdAt) }}</span>
        </li>
      }
    </ul>
  `,
  styles: `
    .label {
      margin: var(--fc-space-2) 0 var(--fc-space-1);
      font: var(--fc-font-label);
    }
    .thumbs {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
      li {
        display: flex;
        flex-direction: column;
        gap: var(--fc-space-1);
      }
    }
    .thumb {
      width: 104px;
      height: 104px;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--fc-radius-s);
      background: var(--mat-sys-surface-container);
      cursor: zoom-in;
      overflow: hidden;
      display: grid;
      place-items: center;
      &:disabled {
        cursor: default;
      }
      &:focus-visible {
        outline: 3px solid var(--fc-focus-ring);
        outline-offset: 2px;
      }
      img {
        width: 100%;
        height: 100%;
        object-fit: contain;
        background: #fff;
      }
    }
    .caption {
      font: var(--fc-font-small);
      white-space: nowrap;
    }
  `,
})
export class ProofGalleryComponent implements OnInit {
  private readonly api = inject(DispatchApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  readonly deliveryId = input.required<string>();
  readonly proofs = input.required<DeliveryProofView[]>();

  /** each proof's image, by id, once loaded */
  protected readonly images = signal<Record<string, string>>({});
  protected readonly failed = signal<Record<string, boolean>>({});

  ngOnInit(): void {
    for (const proof of this.proofs()) {
      this.api.proofImage(this.deliveryId(), proof.id).subscribe({
        next: (blob) =>
          void dataUrlOf(blob).then(
            (src) => this.images.update((all) => ({ ...all, [proof.id]: src })),
            () => this.failed.update((all) => ({ ...all, [proof.id]: true })),
          ),
        error: () => this.failed.update((all) => ({ ...all, [proof.id]: true })),
      });
    }
  }

  protected kindLabel(proof: DeliveryProofView): string {
    return this.t(proof.kind === 'photo' ? 'deliveries.proofPhoto' : 'deliveries.proofSignature');
  }

  protected time(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { timeStyle: 'short' }).format(new Date(iso));
  }

  protected open(proof: DeliveryProofView): void {
    const src = this.images()[proof.id];
    if (!src) return;
    const data: ProofDialogData = {
      src,
      alt: this.kindLabel(proof),
      caption: this.t('deliveries.proofBy', { name: proof.courierName, time: this.time(proof.createdAt) }),
    };
    this.dialog.open(ProofDialog, { data, maxWidth: '96vw', autoFocus: 'first-tabbable' });
  }
}
