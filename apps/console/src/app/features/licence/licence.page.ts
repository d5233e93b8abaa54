import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CoopLicenceResponse, StorefrontView } from '@federacycle/contracts';
import { CoopLicenceApi } from './data/licence-api';
import { toProblemText } from '../../core/api/problem-text';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { ComplianceService } from './compliance.service';
import { LicenceCardComponent } from './licence-card.component';
import { StandingCardComponent } from './standing-card.component';
import { StorefrontCardComponent } from './storefront-card.component';

/** Container: the coop admin's licence, standing, worker ownership and storefront. */
@Component({
  selector: 'fc-licence-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    LicenceCardComponent,
    StandingCardComponent,
    StorefrontCardComponent,
  ],
  template: `
    <h1>{{ t('licence.title') }}</h1>
    @if (!hasCoop()) {
      <p class="fc-info-banner">{{ t('licence.noCoop') }}</p>
    } @else if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('app.loading')" />
    } @else if (loadError(); as message) {
      <p class="fc-error-banner" role="alert">
        {{ message }}
        <button mat-button type="button" (click)="load()">{{ t('common.retry') }}</button>
      </p>
    } @else if (data(); as d) {
      <div class="grid">
        <fc-licence-card [licence]="d.licence" [downloading]="downloading()" (download)="download()" />
        <fc-standing-card [data]="d" />
        <fc-storefront-card
          [storefront]="storefront()"
          [standing]="d.standing"
          [busy]="publishing()"
          [error]="storefrontError()"
          (publishChange)="setPublished($event)"
        />
      </div>
      @if (downloadError(); as message) {
        <p class="fc-error-banner" role="alert">{{ message }}</p>
      }
    }
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
      gap: 16px;
      align-items: start;
    }
  `,
})
export class LicencePage implements OnInit {
  private readonly api = inject(CoopLicenceApi);
  private readonly auth = inject(AuthService);
  private readonly compliance = inject(ComplianceService);
  private readonly document = inject(DOCUMENT);
  protected readonly t = inject(I18nService).t;

  protected readonly hasCoop = computed(() => (this.auth.principal()?.coopId ?? null) !== null);
  protected readonly data = signal<CoopLicenceResponse | null>(null);
  protected readonly storefront = signal<StorefrontView | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly downloading = signal(false);
  protected readonly downloadError = signal<string | null>(null);
  protected readonly publishing = signal(false);
  protected readonly storefrontError = signal<string | null>(null);

  ngOnInit(): void {
    if (this.hasCoop()) this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.licence().subscribe({
      next: (data) => {
        this.data.set(data);
        this.compliance.set(data.standing);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loadError.set(toProblemText(this.t, error));
        this.loading.set(false);
      },
    });
    // the storefront card stays usable even if its state cannot be read
    this.api.storefront().subscribe({
      next: (s) => this.storefront.set(s),
      error: () => this.storefront.set(null),
    });
  }

  protected download(): void {
    this.downloading.set(true);
    this.downloadError.set(null);
    this.api.downloadLicence().subscribe({
      next: (text) => {
        this.downloading.set(false);
        const kid = this.data()?.licence?.kid ?? 'licence';
        this.save(new Blob([text], { type: 'text/plain' }), `federacycle-licence-${kid}.txt`);
      },
      error: (error: unknown) => {
        this.downloading.set(false);
        this.downloadError.set(toProblemText(this.t, error));
      },
    });
  }

  protected setPublished(published: boolean): void {
    this.publishing.set(true);
    this.storefrontError.set(null);
    this.api.setPublished(published).subscribe({
      next: (s) => {
        this.storefront.set(s);
        this.publishing.set(false);
      },
      error: (error: unknown) => {
        this.storefrontError.set(toProblemText(this.t, error));
        this.publishing.set(false);
        this.compliance.reload();
      },
    });
  }

  private save(blob: Blob, filename: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
