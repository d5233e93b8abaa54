import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ConsoleConfig } from '@federacycle/contracts';
import { catchError, firstValueFrom, of } from 'rxjs';
import { API_BASE } from '../auth/auth.service';

/** What the console uses when the API does not answer: no tiles (maps draw on a plain background). */
export const DEFAULT_CONSOLE_CONFIG: ConsoleConfig = { mapTileUrl: '', mapTileAttribution: '' };

/**
 * The console's runtime settings, served by the API from its environment
 * (`GET /api/public/console-config`; `MAP_TILE_URL`, `MAP_TILE_ATTRIBUTION`), so one console build
 * serves every deployment. Fetched once, when a page first needs it (the maps); a failure falls
 * back to the defaults.
 */
@Injectable({ providedIn: 'root' })
export class ConsoleConfigService {
  private readonly http = inject(HttpClient);
  private cached: Promise<ConsoleConfig> | null = null;

  load(): Promise<ConsoleConfig> {
    this.cached ??= firstValueFrom(
      this.http
        .get<ConsoleConfig>(`${API_BASE}/public/console-config`)
        .pipe(catchError(() => of(DEFAULT_CONSOLE_CONFIG))),
    ).then((config) => ({
      mapTileUrl: typeof config?.mapTileUrl === 'string' ? config.mapTileUrl : '',
      mapTileAttribution: typeof config?.mapTileAttribution === 'string' ? config.mapTileAttribution : '',
    }));
    return this.cached;
  }
}
