import { Injectable, computed, inject, signal } from '@angular/core';
import type { CountryView } from '@federacycle/contracts';
import { I18nService } from '../../../core/i18n/i18n.service';
import { PublicFederationApi } from './federation-api';

/**
 * The names of legal forms (`fr_scic_sas` → "SCIC SAS ..."), from the public catalogue the
 * application form uses, loaded once on first use. Until it answers (or if it fails) the id is shown.
 */
@Injectable({ providedIn: 'root' })
export class LegalFormLabels {
  private readonly api = inject(PublicFederationApi);
  private readonly i18n = inject(I18nService);
  private readonly countries = signal<readonly CountryView[]>([]);
  private requested = false;

  /** id → { en, fr } for every country of the catalogue */
  private readonly byId = computed(() => {
    const map = new Map<string, { en: string; fr: string }>();
    for (const country of this.countries()) {
      for (const form of country.legalForms) map.set(`${country.code}:${form.id}`, form.labels);
    }
    return map;
  });

  /** The legal form's name in the current language (its id until the catalogue is loaded). */
  label(country: string, id: string): string {
    this.ensureLoaded();
    const labels = this.byId().get(`${country.toUpperCase()}:${id}`);
    return labels ? labels[this.i18n.lang()] : id;
  }

  private ensureLoaded(): void {
    if (this.requested) return;
    this.requested = true;
    this.api.legalForms().subscribe({
      next: (catalogue) => this.countries.set(catalogue.countries),
      // best effort: the ids stay visible
      error: () => undefined,
    });
  }
}
