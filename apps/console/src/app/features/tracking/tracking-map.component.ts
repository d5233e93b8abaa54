import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import * as L from 'leaflet';
import type { LatLng } from '@federacycle/contracts';
import { ConsoleConfigService } from '../../core/config/console-config.service';

/**
 * The tracking page's small map: the recipient's address (a ring) and, while the courier is on
 * the way, their position (a dot). Leaflet, tiles from the console's runtime config (a plain
 * background without them). Presentational.
 */
@Component({
  selector: 'fc-tracking-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div #host class="map" role="img" [attr.aria-label]="label()"></div>`,
  styles: `
    .map {
      height: 240px;
      width: 100%;
      border-radius: var(--fc-radius-m);
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container);
      z-index: 0;
    }
  `,
})
export class TrackingMapComponent {
  readonly destination = input.required<LatLng>();
  readonly courier = input<LatLng | null>(null);
  readonly label = input('');

  private readonly host = viewChild.required<ElementRef<HTMLDivElement>>('host');
  private readonly config = inject(ConsoleConfigService);
  private readonly map = signal<L.Map | null>(null);
  private destinationLayer: L.CircleMarker | null = null;
  private courierLayer: L.CircleMarker | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const map = L.map(this.host().nativeElement, { zoomControl: true, attributionControl: true });
      map.setView([this.destination().lat, this.destination().lng], 14);
      this.map.set(map);
      destroyRef.onDestroy(() => map.remove());
      void this.config.load().then((config) => {
        if (config.mapTileUrl) {
          L.tileLayer(config.mapTileUrl, {
            attribution: config.mapTileAttribution,
            maxZoom: 19,
            crossOrigin: true,
          }).addTo(map);
        }
      });
    });
    effect(() => {
      const map = this.map();
      if (!map) return;
      const destination = this.destination();
      const courier = this.courier();
      untracked(() => this.render(map, destination, courier));
    });
  }

  private render(map: L.Map, destination: LatLng, courier: LatLng | null): void {
    const style = getComputedStyle(this.host().nativeElement);
    const primary = style.getPropertyValue('--mat-sys-primary').trim() || '#1f5f99';
    const accent = style.getPropertyValue('--fc-status-ok-fg').trim() || '#1b5e3b';
    this.destinationLayer?.remove();
    this.destinationLayer = L.circleMarker([destination.lat, destination.lng], {
      radius: 10,
      color: primary,
      weight: 3,
      fillColor: '#ffffff',
      fillOpacity: 1,
      interactive: false,
    }).addTo(map);
    this.courierLayer?.remove();
    this.courierLayer = null;
    if (courier) {
      this.courierLayer = L.circleMarker([courier.lat, courier.lng], {
        radius: 9,
        color: '#ffffff',
        weight: 3,
        fillColor: accent,
        fillOpacity: 1,
        interactive: false,
      }).addTo(map);
      map.fitBounds(L.latLngBounds([destination.lat, destination.lng], [courier.lat, courier.lng]).pad(0.3), {
        maxZoom: 16,
        animate: false,
      });
    } else {
      map.setView([destination.lat, destination.lng], 15, { animate: false });
    }
  }
}
