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
import { TaskDotsLayer } from './task-dots-layer';

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
 * The board's map: every task a dot (pickups hollow, dropoffs filled; colour by state and
 * lateness), every courier a larger disc labelled with their name and load, all drawn by one
 * custom canvas layer (TaskDotsLayer: a few milliseconds for 5,000 tasks, where a Leaflet marker
 * per task cost the first load a few hundred). The dots are handed over after the frame that shows
 * the columns, so the lists paint and answer first.
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
  private readonly dots = new TaskDotsLayer();
  private colours: Record<TaskTone, string> | null = null;
  private framed = false;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const map = L.map(this.host().nativeElement, {
        zoomControl: true,
        attributionControl: true,
      }).setView(LYON, 12);
      this.dots.addTo(map);
      map.on('click', (e: L.LeafletMouseEvent) => {
        const id = this.dots.hit(e.containerPoint);
        if (id) this.taskClick.emit({ id, shift: (e.originalEvent as MouseEvent).shiftKey });
      });
      map.on('mousemove', (e: L.LeafletMouseEvent) => {
        map.getContainer().style.cursor = this.dots.hit(e.containerPoint) ? 'pointer' : '';
      });
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
      if (!this.map()) return;
      const tasks = this.tasks();
      const couriers = this.couriers();
      const selected = this.selectedIds();
      untracked(() => this.render(tasks, couriers, selected));
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

  /**
   * Hands the dots to the layer after the next paint (the columns paint first); the layer then
   * redraws once, at its next animation frame, however many changes came meanwhile.
   */
  private render(tasks: readonly BoardTask[], couriers: readonly BoardCourier[], selected: ReadonlySet<string>): void {
    this.latest = { tasks, couriers, selected };
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.scheduled = false;
        const { tasks: t, couriers: c, selected: s } = this.latest;
        this.dots.setData(
          t.map((task) => ({
            id: task.id,
            lat: task.lat,
            lng: task.lng,
            colour: this.tone(toneOf(task)),
            pickup: task.kind === 'pickup',
            faded: task.state === 'done',
            selected: s.has(task.id),
          })),
          c.flatMap((courier) =>
            courier.lat === null || courier.lng === null
              ? []
              : [
                  {
                    id: courier.id,
                    lat: courier.lat,
                    lng: courier.lng,
                    colour: this.tone(
                      courier.status === 'busy' ? 'started' : courier.status === 'idle' ? 'done' : 'assigned',
                    ),
                    label: `${courier.name} · ${courier.load}`,
                  },
                ],
          ),
        );
      }, 0),
    );
  }

  private latest: {
    tasks: readonly BoardTask[];
    couriers: readonly BoardCourier[];
    selected: ReadonlySet<string>;
  } = { tasks: [], couriers: [], selected: new Set() };
  private scheduled = false;
}
