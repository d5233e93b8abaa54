import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators, type FormGroupDirective } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  PARTNER_CLIENT_KINDS,
  PARTNER_SCOPES,
  type CreatedApiKey,
  type CreatedOAuthSecret,
  type MerchantSummary,
  type PartnerClientKind,
  type PartnerClientView,
  type PartnerScope,
} from '@federacycle/contracts';
import { forkJoin, map, switchMap, type Observable } from 'rxjs';
import { toApiProblem } from '../../core/api/api-error';
import { problemText, toProblemText } from '../../core/api/problem-text';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import type { TranslationKey } from '../../core/i18n/en';
import { ConfirmDestructiveDialog, type ConfirmDestructiveData } from '../../shared/confirm-destructive.dialog';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { DataListComponent, type ListColumn } from '../../shared/list/data-list.component';
import { ListCellDirective } from '../../shared/list/list-cell.directive';
import { injectPagedList } from '../../shared/list/paged-list';
import { StatusChipComponent } from '../../shared/status-chip.component';
import { MerchantsApi } from '../merchants/data/merchants-api';
import { PartnersApi } from './data/partners-api';
import { SecretRevealDialog, type RevealedValue, type SecretRevealData } from './secret-reveal.dialog';

const KIND_KEYS: Record<PartnerClientKind, TranslationKey> = {
  shop: 'partners.kindShop',
  site: 'partners.kindSite',
  coop: 'partners.kindCoop',
};
const SCOPE_KEYS: Record<PartnerScope, TranslationKey> = {
  deliveries: 'partners.scopeDeliveries',
  'deliveries:read': 'partners.scopeDeliveriesRead',
  webhooks: 'partners.scopeWebhooks',
};

/**
 * Container: the coop admin's partner clients (shops, sites, coops calling the partner API):
 * the base URLs to give them, registering one (its first API key and OAuth2 secret shown once),
 * new keys and secrets, rotation, revocation.
 */
@Component({
  selector: 'fc-partners-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatInputModule,
    MatMenuModule,
    MatSelectModule,
    DataListComponent,
    ListCellDirective,
    EmptyStateComponent,
    StatusChipComponent,
  ],
  templateUrl: './partners.page.html',
  styleUrl: './partners.page.scss',
})
export class PartnersPage implements OnInit {
  private readonly api = inject(PartnersApi);
  private readonly merchantsApi = inject(MerchantsApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  private readonly origin = inject(DOCUMENT).location.origin;
  protected readonly t = this.i18n.t;

  protected readonly clients = injectPagedList((page) => this.api.list(page));
  protected readonly listError = computed(() => {
    const error = this.clients.error();
    return error === null ? null : toProblemText(this.t, error);
  });
  protected readonly merchants = signal<MerchantSummary[]>([]);
  protected readonly busyIds = signal<string[]>([]);
  protected readonly creating = signal(false);
  protected readonly createError = signal<string | null>(null);

  protected readonly kinds = PARTNER_CLIENT_KINDS;
  protected readonly scopes = PARTNER_SCOPES;
  protected readonly kindKey = (kind: PartnerClientKind): TranslationKey => KIND_KEYS[kind];
  protected readonly scopeKey = (scope: PartnerScope): TranslationKey => SCOPE_KEYS[scope];

  protected readonly nativeBase = `${this.origin}/api/partner/v1`;
  protected readonly tokenUrl = `${this.origin}/api/partner/oauth2/token`;
  protected readonly coopcycleBase = computed(() => {
    const slug = this.auth.currentMembership()?.coopSlug;
    return slug ? `${this.origin}/coopcycle/${slug}` : null;
  });
  protected readonly docsUrl = '/api/docs';

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(120)]],
    kind: ['shop' as PartnerClientKind, Validators.required],
    merchantId: [''],
    scopes: [['deliveries'] as PartnerScope[]],
    rateLimitPerMinute: [120, [Validators.required, Validators.min(1), Validators.max(100000)]],
  });

  protected readonly columns = computed<ListColumn[]>(() => [
    { id: 'name', header: this.t('partners.colName') },
    { id: 'kind', header: this.t('partners.colKind') },
    { id: 'store', header: this.t('partners.colStore') },
    { id: 'scopes', header: this.t('partners.colScopes') },
    { id: 'keys', header: this.t('partners.colKeys') },
    { id: 'lastUsed', header: this.t('partners.colLastUsed') },
    { id: 'state', header: this.t('partners.colState') },
    { id: 'actions', header: this.t('partners.colActions'), actions: true },
  ]);
  protected readonly clientId = (c: PartnerClientView): string => c.id;

  ngOnInit(): void {
    this.clients.load();
    this.merchantsApi.list({ limit: 200, offset: 0 }).subscribe({
      next: (page) => this.merchants.set(page.items.filter((m) => !m.archived)),
      error: () => this.merchants.set([]),
    });
  }

  protected storeName(client: PartnerClientView): string {
    if (!client.merchantId) return '—';
    return this.merchants().find((m) => m.id === client.merchantId)?.name ?? '…';
  }

  protected lastUsed(client: PartnerClientView): string {
    return client.lastUsedAt ? this.i18n.formatDate(client.lastUsedAt) : this.t('partners.never');
  }

  protected hasScope(scope: PartnerScope): boolean {
    return this.form.controls.scopes.value.includes(scope);
  }

  protected toggleScope(scope: PartnerScope, checked: boolean): void {
    const current = this.form.controls.scopes.value.filter((s) => s !== scope);
    this.form.controls.scopes.setValue(checked ? [...current, scope] : current);
  }

  /** Registers the client, then gives it its first API key and OAuth2 credentials (shown once). */
  protected create(formDir: FormGroupDirective): void {
    if (this.form.invalid || this.form.controls.scopes.value.length === 0) {
      this.form.markAllAsTouched();
      this.createError.set(this.form.controls.scopes.value.length === 0 ? this.t('partners.scopesRequired') : null);
      return;
    }
    const value = this.form.getRawValue();
    this.creating.set(true);
    this.createError.set(null);
    this.api
      .create({
        name: value.name.trim(),
        kind: value.kind,
        merchantId: value.merchantId || null,
        scopes: value.scopes,
        rateLimitPerMinute: value.rateLimitPerMinute,
      })
      .pipe(
        switchMap((client) =>
          forkJoin({ key: this.api.createKey(client.id), oauth: this.api.oauthSecret(client.id) }).pipe(
            map((credentials) => ({ client, ...credentials })),
          ),
        ),
      )
      .subscribe({
        next: ({ client, key, oauth }) => {
          this.creating.set(false);
          // resetForm: the submitted state goes too (the emptied name shows no error); defaults come back
          formDir.resetForm();
          this.clients.restart();
          this.reveal('partners.createdTitle', client.name, [...this.keyValues(key), ...this.oauthValues(oauth)]);
        },
        error: (error: unknown) => {
          this.creating.set(false);
          this.createError.set(problemText(this.t, toApiProblem(error)));
          this.clients.load();
        },
      });
  }

  protected newKey(client: PartnerClientView): void {
    this.withBusy(client.id, this.api.createKey(client.id), (key) =>
      this.reveal('partners.newKeyTitle', client.name, this.keyValues(key)),
    );
  }

  /** Rotates the newest live key (a new key; the old one stops working at once), or makes the first. */
  protected rotateKey(client: PartnerClientView): void {
    const rotation = this.api.credentials(client.id).pipe(
      switchMap((credentials) => {
        const live = credentials.apiKeys.find((k) => k.revokedAt === null);
        return live ? this.api.rotateKey(client.id, live.id) : this.api.createKey(client.id);
      }),
    );
    this.withBusy(client.id, rotation, (key) => this.reveal('partners.rotatedTitle', client.name, this.keyValues(key)));
  }

  protected newSecret(client: PartnerClientView): void {
    this.withBusy(client.id, this.api.oauthSecret(client.id), (oauth) =>
      this.reveal('partners.newSecretTitle', client.name, this.oauthValues(oauth)),
    );
  }

  protected revoke(client: PartnerClientView): void {
    this.dialog
      .open<ConfirmDestructiveDialog, ConfirmDestructiveData, boolean>(ConfirmDestructiveDialog, {
        data: {
          title: this.t('partners.revokeTitle', { name: client.name }),
          message: this.t('partners.revokeConfirm', { name: client.name }),
          confirm: this.t('partners.revoke'),
          cancel: this.t('partners.cancel'),
        },
        width: '440px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.withBusy(client.id, this.api.revoke(client.id), () => {
          this.notify(this.t('partners.revoked', { name: client.name }));
          this.clients.load();
        });
      });
  }

  private keyValues(key: CreatedApiKey): RevealedValue[] {
    return [{ labelKey: 'partners.apiKey', value: key.key, secret: true }];
  }

  private oauthValues(oauth: CreatedOAuthSecret): RevealedValue[] {
    return [
      { labelKey: 'partners.oauthKey', value: oauth.clientKey, secret: false },
      { labelKey: 'partners.oauthSecret', value: oauth.clientSecret, secret: true },
    ];
  }

  private reveal(titleKey: TranslationKey, clientName: string, values: RevealedValue[]): void {
    this.dialog.open<SecretRevealDialog, SecretRevealData>(SecretRevealDialog, {
      data: { titleKey, clientName, values },
      width: '560px',
      maxWidth: '95vw',
      disableClose: true,
    });
    this.clients.load();
  }

  private withBusy<T>(id: string, call: Observable<T>, onSuccess: (value: T) => void): void {
    this.busyIds.update((ids) => [...ids, id]);
    const done = (): void => this.busyIds.update((ids) => ids.filter((x) => x !== id));
    call.subscribe({
      next: (value) => {
        done();
        onSuccess(value);
      },
      error: (error: unknown) => {
        done();
        this.notify(toProblemText(this.t, error));
      },
    });
  }

  private notify(message: string): void {
    this.snackBar.open(message, this.t('common.close'), { duration: 6000 });
  }
}
