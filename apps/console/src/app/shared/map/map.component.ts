import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  ViewEncapsulation,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import * as L from 'leaflet';
import '@geoman-io/leaflet-geoman-free';
import type { BBox, GeoPolygon, LatLng, ZoneGeometry } from '@federacycle/contracts';
import { ConsoleConfigService } from '../../core/config/console-config.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { boundsOfCircle, boundsOfShapes, roundPoint, type MapCircle, type MapShape } from './map-shapes';

/** A labelled point among several (e.g. a quote's pickup and dropoff); `alt` draws it in the second colour. */
export interface MapPoint {
  id: string;
  point: LatLng;
  label: string;
  alt?: boolean;
}

/** A dragged point: its id and where it was dropped (6 decimals). */
export interface PointMove {
  id: string;
  point: LatLng;
}

/** An edited shape: its id and its new geometry (GeoJSON, 6 decimals). */
export interface ShapeEdit {
  id: string;
  geometry: ZoneGeometry;
}

const FALLBACK_CENTRE: LatLng = { lat: 46.5, lng: 2.5 };

/**
 * The console's one map: Leaflet 1.9 with geoman for drawing and reshaping polygons. Shapes,
 * a circle and a marker are inputs; what the person does comes back as outputs. Presentational:
 * it never calls the API.
 *
 * Tiles come from the console's runtime config (`MAP_TILE_URL` on the API, see
 * ConsoleConfigService); with none configured, or none reachable, the map still draws its shapes
 * on a plain, calm background. Leaflet's and geoman's CSS are bundled (apps/console/project.json).
 *
 * ```html
 * <fc-map [shapes]="zones" [circle]="serviceArea" [selectedId]="selected"
 *         [drawing]="drawing" (shapeDrawn)="onDrawn($event)" (drawingChange)="drawing = $event"
 *         [editingId]="editing" (shapeEdited)="onEdited($event)" (shapeClick)="select($event)" />
 * ```
 *
 * - `drawing` true: click to place corners, click the first corner to finish → `shapeDrawn`
 *   (a Polygon), then `drawingChange(false)`. Self-intersections are allowed while drawing: the
 *   API decides, and says what to fix.
 * - `editingId`: that shape's corners become draggable → `shapeEdited` after each change.
 * - `marker` + `markerDraggable` + `pickPoint`: one point the person places (click) or drags →
 *   `markerMoved`. For a form field, use `<fc-point-picker>` (it adds lat/lng inputs for keyboard
 *   users and is a form control).
 * - `points` (+ `pointsDraggable`): several labelled points → `pointMoved({ id, point })` when one
 *   is dragged (the pricing page's pickup and dropoff).
 * - `focusShape(id)` / `fitAll()` frame the view.
 */
@Component({
  selector: 'fc-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  template: `
    <div
      #host
      class="fc-map"
      [class.fc-map--plain]="plain()"
      [style.height]="height()"
      role="region"
      [attr.aria-label]="label() || t('map.label')"
    ></div>
    @if (plain()) {
      <p class="fc-map-note">{{ t('map.noTiles') }}</p>
    }
  `,
  styles: `
    fc-map {
      display: block;
    }
    .fc-map {
      width: 100%;
      border-radius: var(--fc-radius-m);
      border: 1px solid var(--mat-sys-outline-variant);
      z-index: 0;
      font: inherit;
    }
    .fc-map.fc-map--plain {
      background-color: var(--mat-sys-surface-container);
      background-image:
        linear-gradient(var(--mat-sys-outline-variant) 1px, transparent 1px),
        linear-gradient(90deg, var(--mat-sys-outline-variant) 1px, transparent 1px);
      background-size: 64px 64px;
      background-position: -1px -1px;
    }
    .fc-map:focus-visible,
    .fc-map .leaflet-container:focus-visible {
      outline: var(--fc-focus-ring, 2px solid var(--mat-sys-primary));
      outline-offset: 2px;
    }
    .fc-map .leaflet-control-zoom a:focus-visible,
    .fc-map .leaflet-marker-icon:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .fc-map-note {
      margin: var(--fc-space-1) 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .fc-map-pin {
      width: 24px;
      height: 24px;
      margin: -24px 0 0 -12px;
      border-radius: 50% 50% 50% 0;
      transform: rotate(-45deg);
      background: var(--mat-sys-primary);
      border: 3px solid var(--mat-sys-on-primary);
      box-shadow: 0 1px 4px rgb(0 0 0 / 40%);
    }
    .fc-map-pin.fc-map-pin--alt {
      background: var(--mat-sys-tertiary);
      border-color: var(--mat-sys-on-tertiary);
    }
    .fc-map-tooltip {
      font: var(--mat-sys-label-medium);
    }
  `,
})
export class MapComponent {
  private readonly config = inject(ConsoleConfigService);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  /** the shapes to draw, in order (later ones on top) */
  readonly shapes = input<readonly MapShape[]>([]);
  /** a circle drawn under the shapes (e.g. the coop's service area), dashed, not interactive */
  readonly circle = input<MapCircle | null>(null);
  /** where the map opens when it has nothing to frame */
  readonly centre = input<LatLng | null>(null);
  readonly zoom = input(12);
  /** the shape drawn emphasised */
  readonly selectedId = input<string | null>(null);
  /** the shape whose corners can be dragged */
  readonly editingId = input<string | null>(null);
  /** polygon drawing mode */
  readonly drawing = input(false);
  /** one point (a marker) */
  readonly marker = input<LatLng | null>(null);
  readonly markerDraggable = input(false);
  /** a click on the map moves the marker there (emits markerMoved) */
  readonly pickPoint = input(false);
  /** several labelled points, draggable when `pointsDraggable` */
  readonly points = input<readonly MapPoint[]>([]);
  readonly pointsDraggable = input(false);
  /** CSS height of the map */
  readonly height = input('420px');
  /** accessible name of the map region (default "Map") */
  readonly label = input('');

  readonly shapeDrawn = output<GeoPolygon>();
  readonly drawingChange = output<boolean>();
  readonly shapeEdited = output<ShapeEdit>();
  readonly shapeClick = output<string>();
  readonly markerMoved = output<LatLng>();
  readonly pointMoved = output<PointMove>();

  /** true when no tile URL is configured (or tiles fail to load): a plain background */
  protected readonly plain = signal(true);

  private readonly host = viewChild.required<ElementRef<HTMLDivElement>>('host');
  private readonly map = signal<L.Map | null>(null);
  private shapeLayers = new Map<string, L.GeoJSON>();
  private readonly shapeGroup = L.featureGroup();
  private circleLayer: L.Circle | null = null;
  private markerLayer: L.Marker | null = null;
  private readonly pointGroup = L.layerGroup();
  /** what the view was last framed on automatically: shapes win over the circle */
  private framedOn: 'nothing' | 'circle' | 'shapes' = 'nothing';
  private shapesSeen = false;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const map = this.createMap();
      this.map.set(map);
      const resize = new ResizeObserver(() => {
        const before = map.getSize();
        map.invalidateSize({ animate: false });
        // laid out only now: frame what is there
        if (before.x === 0 || before.y === 0) this.frame(map, false);
      });
      resize.observe(this.host().nativeElement);
      destroyRef.onDestroy(() => {
        resize.disconnect();
        map.remove();
      });
      void this.config.load().then((config) => {
        if (!config.mapTileUrl) return;
        const tiles = L.tileLayer(config.mapTileUrl, {
          attribution: config.mapTileAttribution,
          maxZoom: 19,
          crossOrigin: true,
        });
        let failures = 0;
        tiles.on('tileload', () => this.plain.set(false));
        // no tile reachable: keep (or go back to) the plain background
        tiles.on('tileerror', () => {
          failures += 1;
          if (failures >= 4) this.plain.set(true);
        });
        tiles.addTo(map);
      });
    });

    effect(() => {
      const map = this.map();
      if (!map) return;
      const shapes = this.shapes();
      const selected = this.selectedId();
      const editing = this.editingId();
      untracked(() => this.renderShapes(map, shapes, selected, editing));
    });
    effect(() => {
      const map = this.map();
      if (!map) return;
      const circle = this.circle();
      untracked(() => this.renderCircle(map, circle));
    });
    effect(() => {
      const map = this.map();
      if (!map) return;
      const marker = this.marker();
      const draggable = this.markerDraggable();
      untracked(() => this.renderMarker(map, marker, draggable));
    });
    effect(() => {
      const map = this.map();
      if (!map) return;
      const points = this.points();
      const draggable = this.pointsDraggable();
      untracked(() => this.renderPoints(points, draggable));
    });
    effect(() => {
      const map = this.map();
      if (!map) return;
      const drawing = this.drawing();
      untracked(() => {
        if (drawing && !map.pm.globalDrawModeEnabled()) {
          map.pm.enableDraw('Polygon', {
            allowSelfIntersection: true,
            snappable: false,
            templineStyle: { color: '#1f5f99' },
            hintlineStyle: { color: '#1f5f99', dashArray: '4 4' },
            pathOptions: { color: '#1f5f99' },
          });
        } else if (!drawing && map.pm.globalDrawModeEnabled()) {
          map.pm.disableDraw();
        }
      });
    });
    effect(() => {
      const map = this.map();
      const lang = this.i18n.lang();
      map?.pm.setLang(lang);
    });
  }

  /** Frames every shape (or the circle, or the centre). */
  fitAll(): void {
    const map = this.map();
    if (map) this.frame(map, true);
  }

  /** Frames one shape. */
  focusShape(id: string): void {
    const map = this.map();
    const layer = this.shapeLayers.get(id);
    if (map && layer) map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 16, animate: false });
  }

  private createMap(): L.Map {
    const start = this.centre() ?? this.marker() ?? FALLBACK_CENTRE;
    const map = L.map(this.host().nativeElement, {
      center: [start.lat, start.lng],
      zoom: this.centre() || this.marker() ? this.zoom() : 5,
      zoomControl: false,
      keyboard: true,
      attributionControl: true,
    });
    map.attributionControl.setPrefix(false);
    L.control.zoom({ zoomInTitle: this.t('map.zoomIn'), zoomOutTitle: this.t('map.zoomOut') }).addTo(map);
    L.control.scale({ imperial: false }).addTo(map);
    this.shapeGroup.addTo(map);
    this.pointGroup.addTo(map);
    map.pm.setGlobalOptions({ allowSelfIntersection: true });
    map.on('pm:create', (event) => {
      const layer = event.layer as L.Polygon;
      const feature = layer.toGeoJSON(6);
      map.removeLayer(layer);
      if (feature.geometry.type === 'Polygon') this.shapeDrawn.emit(feature.geometry as GeoPolygon);
    });
    map.on('pm:drawend', () => this.drawingChange.emit(false));
    map.on('click', (event: L.LeafletMouseEvent) => {
      if (this.pickPoint() && !map.pm.globalDrawModeEnabled()) {
        this.markerMoved.emit(roundPoint({ lat: event.latlng.lat, lng: event.latlng.lng }));
      }
    });
    return map;
  }

  private renderShapes(map: L.Map, shapes: readonly MapShape[], selected: string | null, editing: string | null): void {
    this.shapeGroup.clearLayers();
    this.shapeLayers = new Map();
    for (const shape of shapes) {
      const emphasised = shape.id === selected || shape.id === editing;
      const layer = L.geoJSON(
        // the contracts' geometry is GeoJSON (RFC 7946); Leaflet's typings name it their own way
        shape.geometry as unknown as Parameters<typeof L.geoJSON>[0],
        {
          style: {
            color: shape.colour,
            weight: emphasised ? 4 : 2,
            opacity: 0.95,
            fillColor: shape.colour,
            fillOpacity: emphasised ? 0.35 : 0.2,
          },
        },
      );
      layer.bindTooltip(shape.label, { sticky: true, className: 'fc-map-tooltip' });
      layer.on('click', () => {
        if (!this.map()?.pm.globalDrawModeEnabled()) this.shapeClick.emit(shape.id);
      });
      this.shapeGroup.addLayer(layer);
      this.shapeLayers.set(shape.id, layer);
      if (shape.id === editing) {
        layer.eachLayer((part) => {
          const polygon = part as L.Polygon;
          polygon.pm.enable({ allowSelfIntersection: true, draggable: false, snappable: false });
          polygon.on('pm:edit', () => {
            const geometry = polygon.toGeoJSON(6).geometry as ZoneGeometry;
            this.shapeEdited.emit({ id: shape.id, geometry });
          });
        });
      }
    }
    // frame once: on the circle until the first shapes arrive, then on them; never after that
    const firstShapes = shapes.length > 0 && !this.shapesSeen;
    if (this.framedOn === 'nothing' || (this.framedOn === 'circle' && firstShapes)) this.frame(map, false);
    if (shapes.length > 0) this.shapesSeen = true;
  }

  private renderCircle(map: L.Map, circle: MapCircle | null): void {
    this.circleLayer?.remove();
    this.circleLayer = null;
    if (circle) {
      this.circleLayer = L.circle([circle.centre.lat, circle.centre.lng], {
        radius: circle.radiusM,
        color: '#55606e',
        weight: 2,
        dashArray: '6 6',
        fill: true,
        fillOpacity: 0.04,
        interactive: false,
        pmIgnore: true,
      }).addTo(map);
      this.circleLayer.bringToBack();
      if (this.framedOn === 'nothing') this.frame(map, false);
    }
  }

  private renderMarker(map: L.Map, point: LatLng | null, draggable: boolean): void {
    if (!point) {
      this.markerLayer?.remove();
      this.markerLayer = null;
      return;
    }
    if (this.markerLayer && this.markerLayer.options.draggable === draggable) {
      this.markerLayer.setLatLng([point.lat, point.lng]);
    } else {
      this.markerLayer?.remove();
      this.markerLayer = L.marker([point.lat, point.lng], {
        draggable,
        keyboard: true,
        title: this.t('map.marker'),
        alt: this.t('map.marker'),
        icon: L.divIcon({ className: 'fc-map-pin', iconSize: [24, 24] }),
        pmIgnore: true,
      }).addTo(map);
      this.markerLayer.on('dragend', () => {
        const at = this.markerLayer?.getLatLng();
        if (at) this.markerMoved.emit(roundPoint({ lat: at.lat, lng: at.lng }));
      });
    }
    if (!map.getBounds().contains([point.lat, point.lng])) map.panTo([point.lat, point.lng]);
  }

  private renderPoints(points: readonly MapPoint[], draggable: boolean): void {
    this.pointGroup.clearLayers();
    for (const p of points) {
      const marker = L.marker([p.point.lat, p.point.lng], {
        draggable,
        keyboard: true,
        title: p.label,
        alt: p.label,
        icon: L.divIcon({ className: p.alt ? 'fc-map-pin fc-map-pin--alt' : 'fc-map-pin', iconSize: [24, 24] }),
        pmIgnore: true,
      });
      marker.bindTooltip(p.label, {
        permanent: true,
        direction: 'right',
        offset: [10, -14],
        className: 'fc-map-tooltip',
      });
      marker.on('dragend', () => {
        const at = marker.getLatLng();
        this.pointMoved.emit({ id: p.id, point: roundPoint({ lat: at.lat, lng: at.lng }) });
      });
      this.pointGroup.addLayer(marker);
    }
  }

  private frame(map: L.Map, always: boolean): void {
    const size = map.getSize();
    if (size.x === 0 || size.y === 0) return; // not laid out yet: the resize observer frames it
    const circle = this.circle();
    const shapes = boundsOfShapes(this.shapes());
    const box: BBox | null = shapes ?? (circle ? boundsOfCircle(circle) : null);
    if (box) {
      map.fitBounds(
        [
          [box[1], box[0]],
          [box[3], box[2]],
        ],
        // no animation: a second framing while a zoom animates would be dropped by Leaflet
        { padding: [24, 24], maxZoom: 15, animate: false },
      );
      this.framedOn = shapes ? 'shapes' : 'circle';
    } else if (always) {
      const start = this.centre() ?? this.marker();
      if (start) map.setView([start.lat, start.lng], this.zoom(), { animate: false });
    }
  }
}
