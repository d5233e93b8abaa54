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
import type { BoardCourier, BoardTask } from '@federacycle/contracts';
import { ConsoleConfigService } from '../../core/config/console-config.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { toneOf, type TaskTone } from './board-state';

/** The custom property of each tone (styles.scss); canvas needs the colour itself, read once. */
const TONE_VARS: Record<TaskTone, string> = {
  late: '--fc-status-danger-fg',
  open: '--fc-status-warn-fg',
  assigned: '--fc-status-info-fg',
  started: '--fc-status-ok-fg',
  done: '--fc-status-neutral-border',
  failed: '--fc-status-neutral-fg',
};

const LYON: L.LatLngTuple = [45.76, 4.84];

/**
 * The board's map: every task a canvas circle (pickups hollow, dropoffs filled; colour by state and
 * lateness), every courier a larger ring with their load. One canvas renderer draws thousands of
 * markers without a DOM node each; only the tasks whose object changed are restyled.
 */
@Component({
  selector: 'fc-board-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  template: `<div
    #host
    class="fc-board-map"
    [class.fc-board-map--plain]="plain()"
    role="region"
    [attr.aria-label]="t('board.mapLabel')"
  ></div>`,
  styles: `
    fc-board-map {
      display: block;
      height: 100%;
      min-height: 240px;
    }
    .fc-board-map {
      height: 100%;
      width: 100%;
      border-radius: var(--fc-radius-s);
      border: 1px solid var(--mat-sys-outline-variant);
      z-index: 0;
      font: inherit;
    }
    .fc-board-map.fc-board-map--plain {
      background-color: var(--mat-sys-surface-container);
      background-image:
        linear-gradient(var(--mat-sys-outline-variant) 1px, transparent 1px),
        linear-gradient(90deg, var(--mat-sys-outline-variant) 1px, transparent 1px);
      background-size: 64px 64px;
    }
    .fc-board-map:focus-visible {
      outline: 2px solid var(--fc-focus-ring);
      outline-offset: 2px;
    }
    .fc-board-courier-label {
      font: var(--mat-sys-label-small);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      box-shadow: none;
      padding: 0 4px;
    }
  `,
})
export class BoardMapComponent {
  readonly tasks = input.required<readonly BoardTask[]>();
  readonly couriers = input.required<readonly BoardCourier[]>();
  readonly selectedIds = input<ReadonlySet<string>>(new Set());
  readonly taskClick = output<{ id: string; shift: boolean }>();

  protected readonly t = inject(I18nService).t;
  protected readonly plain = signal(true);
  private readonly host = viewChild.required<ElementRef<HTMLDivElement>>('host');
  private readonly config = inject(ConsoleConfigService);
  private readonly map = signal<L.Map | null>(null);
  private readonly renderer = L.canvas({ padding: 0.2, tolerance: 4 });
  private readonly markers = new Map<string, { task: BoardTask; marker: L.CircleMarker; selected: boolean }>();
  private readonly courierMarkers = new Map<string, L.CircleMarker>();
  /** every task marker in one group, with one click handler for all */
  private readonly group = L.featureGroup();
  private readonly ids = new WeakMap<L.Layer, string>();
  private colours: Record<TaskTone, string> | null = null;
  private framed = false;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const map = L.map(this.host().nativeElement, {
        preferCanvas: true,
        renderer: this.renderer,
        zoomControl: true,
        attributionControl: true,
      }).setView(LYON, 12);
      this.group.on('click', (e: L.LeafletMouseEvent) => {
        const id = this.ids.get(e.propagatedFrom as L.Layer);
        if (id) this.taskClick.emit({ id, shift: (e.originalEvent as MouseEvent).shiftKey });
      });
      this.group.addTo(map);
      this.map.set(map);
      const resize = new ResizeObserver(() => map.invalidateSize({ animate: false }));
      resize.observe(this.host().nativeElement);
      destroyRef.onDestroy(() => {
        resize.disconnect();
        map.remove();
      });
      void this.config.load().then((config) => {
        if (!config.mapTileUrl) return;
        const tiles = L.tileLayer(config.mapTileUrl, { attribution: config.mapTileAttribution, maxZoom: 19 });
        let failures = 0;
        tiles.on('tileload', () => this.plain.set(false));
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
      const tasks = this.tasks();
      const selected = this.selectedIds();
      untracked(() => this.renderTasks(map, tasks, selected));
    });
    effect(() => {
      const map = this.map();
      if (!map) return;
      const couriers = this.couriers();
      untracked(() => this.renderCouriers(map, couriers));
    });
    // frame the day once: its tasks and the couriers' positions
    effect(() => {
      const map = this.map();
      const tasks = this.tasks();
      const couriers = this.couriers();
      if (!map || this.framed || tasks.length === 0) return;
      this.framed = true;
      const points: L.LatLngTuple[] = tasks.map((t) => [t.lat, t.lng]);
      for (const c of couriers) if (c.lat !== null && c.lng !== null) points.push([c.lat, c.lng]);
      untracked(() => map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 15, animate: false }));
    });
  }

  private tone(tone: TaskTone): string {
    if (!this.colours) {
      const style = getComputedStyle(document.documentElement);
      const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
      this.colours = {
        late: read(TONE_VARS.late, '#8f1f1a'),
        open: read(TONE_VARS.open, '#6e4700'),
        assigned: read(TONE_VARS.assigned, '#1a4a6e'),
        started: read(TONE_VARS.started, '#1b5e3b'),
        done: read(TONE_VARS.done, '#c5cbcf'),
        failed: read(TONE_VARS.failed, '#404a4f'),
      };
    }
    return this.colours[tone];
  }

  private styleOf(task: BoardTask, selected: boolean): L.CircleMarkerOptions {
    const colour = this.tone(toneOf(task));
    const pickup = task.kind === 'pickup';
    return {
      renderer: this.renderer,
      radius: selected ? 7 : 4.5,
      color: selected ? '#000000' : colour,
      weight: selected ? 3 : pickup ? 2 : 1,
      fillColor: colour,
      fillOpacity: pickup ? 0.15 : 0.85,
      opacity: task.state === 'done' ? 0.5 : 1,
    };
  }

  /**
   * Draws what changed: new tasks are added after the frame that shows the columns (the lists paint
   * first; the canvas then draws every new marker in one redraw), changed ones restyled at once,
   * gone ones removed.
   */
  private renderTasks(_map: L.Map, tasks: readonly BoardTask[], selected: ReadonlySet<string>): void {
    this.latest.clear();
    for (const task of tasks) {
      this.latest.set(task.id, task);
      const isSelected = selected.has(task.id);
      const entry = this.markers.get(task.id);
      if (!entry) {
        this.pending.add(task.id);
      } else if (entry.task !== task || entry.selected !== isSelected) {
        entry.marker.setStyle(this.styleOf(task, isSelected));
        if (entry.task.lat !== task.lat || entry.task.lng !== task.lng) entry.marker.setLatLng([task.lat, task.lng]);
        if (isSelected) entry.marker.bringToFront();
        entry.task = task;
        entry.selected = isSelected;
      }
    }
    this.selection = selected;
    for (const [id, entry] of this.markers) {
      if (!this.latest.has(id)) {
        this.group.removeLayer(entry.marker);
        this.markers.delete(id);
      }
    }
    this.drain();
  }

  private readonly latest = new Map<string, BoardTask>();
  private readonly pending = new Set<string>();
  private selection: ReadonlySet<string> = new Set();
  private draining = false;

  private drain(): void {
    if (this.draining || this.pending.size === 0) return;
    this.draining = true;
    // after the next paint: one batch, so the canvas redraws once rather than once per slice
    requestAnimationFrame(() => setTimeout(() => this.addPending(), 0));
  }

  private addPending(): void {
    this.draining = false;
    for (const id of this.pending) {
      const task = this.latest.get(id);
      if (!task || this.markers.has(id)) continue;
      const isSelected = this.selection.has(id);
      const marker = L.circleMarker([task.lat, task.lng], this.styleOf(task, isSelected));
      this.ids.set(marker, id);
      this.group.addLayer(marker);
      this.markers.set(id, { task, marker, selected: isSelected });
    }
    this.pending.clear();
  }

  private renderCouriers(map: L.Map, couriers: readonly BoardCourier[]): void {
    const seen = new Set<string>();
    for (const courier of couriers) {
      if (courier.lat === null || courier.lng === null) continue;
      seen.add(courier.id);
      const colour = this.tone(courier.status === 'busy' ? 'started' : courier.status === 'idle' ? 'done' : 'assigned');
      const style: L.CircleMarkerOptions = {
        renderer: this.renderer,
        radius: 9,
        color: '#ffffff',
        weight: 3,
        fillColor: colour,
        fillOpacity: 1,
      };
      const label = `${courier.name} · ${courier.load}`;
      let marker = this.courierMarkers.get(courier.id);
      if (!marker) {
        marker = L.circleMarker([courier.lat, courier.lng], style).addTo(map);
        marker.bindTooltip(label, { permanent: true, direction: 'right', className: 'fc-board-courier-label' });
        this.courierMarkers.set(courier.id, marker);
      } else {
        marker.setLatLng([courier.lat, courier.lng]).setStyle(style);
        marker.setTooltipContent(label);
      }
      marker.bringToFront();
    }
    for (const [id, marker] of this.courierMarkers) {
      if (!seen.has(id)) {
        marker.remove();
        this.courierMarkers.delete(id);
      }
    }
  }
}
