import * as L from 'leaflet';

/** One task on the map: where, and how it is drawn. */
export interface TaskDot {
  id: string;
  lat: number;
  lng: number;
  colour: string;
  /** pickups are hollow rings, dropoffs filled discs */
  pickup: boolean;
  /** done work is drawn faded */
  faded: boolean;
  selected: boolean;
}

/** A courier's position and label (name · load), drawn above the tasks. */
export interface CourierDot {
  id: string;
  lat: number;
  lng: number;
  colour: string;
  label: string;
}

const RADIUS = 4.5;
const SELECTED_RADIUS = 7;
const COURIER_RADIUS = 9;
/** how far (CSS px) from a dot's centre a click still picks it */
const HIT_PX = RADIUS + 4;

/**
 * Every task of the board, and the couriers, drawn by hand on ONE canvas over the map: a
 * Leaflet layer per marker (5,000 circleMarkers, each projected, bounded and indexed by Leaflet,
 * couriers with permanent DOM tooltips) cost the board's first load a few hundred milliseconds of
 * main thread; this draws the same dots in a few milliseconds, grouped into one path per style.
 *
 * The canvas covers the map's container in the overlay pane: it moves with the map while it is
 * dragged and is redrawn when a move or zoom ends (hidden during the zoom animation). Clicks reach
 * the map (the canvas takes no pointer events); `hit` finds the task under a click among the
 * projected dots (selected first, then the topmost).
 */
export class TaskDotsLayer extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private tasks: readonly TaskDot[] = [];
  private couriers: readonly CourierDot[] = [];
  /** container-pixel positions of the tasks as last drawn (x, y pairs), for hits */
  private projected = new Float64Array(0);
  private frame: number | null = null;

  override onAdd(map: L.Map): this {
    const canvas = L.DomUtil.create('canvas', 'fc-board-dots leaflet-zoom-hide');
    canvas.style.pointerEvents = 'none';
    canvas.setAttribute('aria-hidden', 'true');
    map.getPanes().overlayPane.appendChild(canvas);
    this.canvas = canvas;
    map.on('moveend zoomend resize viewreset', this.redrawSoon, this);
    this.draw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend zoomend resize viewreset', this.redrawSoon, this);
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.canvas?.remove();
    this.canvas = null;
    return this;
  }

  /** Replaces what is drawn; the canvas is redrawn once, at the next animation frame. */
  setData(tasks: readonly TaskDot[], couriers: readonly CourierDot[]): void {
    this.tasks = tasks;
    this.couriers = couriers;
    this.redrawSoon();
  }

  /** The id of the task drawn under this container point, if any. */
  hit(point: L.Point): string | null {
    let best: string | null = null;
    let bestDistance = HIT_PX * HIT_PX;
    let bestSelected = false;
    for (let i = 0; i < this.tasks.length; i++) {
      const dx = (this.projected[2 * i] as number) - point.x;
      const dy = (this.projected[2 * i + 1] as number) - point.y;
      const d = dx * dx + dy * dy;
      const task = this.tasks[i] as TaskDot;
      // later dots are drawn on top; a selected one is on top of all
      if (d <= bestDistance || (d <= HIT_PX * HIT_PX && task.selected && !bestSelected)) {
        best = task.id;
        bestDistance = d;
        bestSelected = task.selected;
      }
    }
    return best;
  }

  private redrawSoon(): void {
    if (this.frame !== null || !this.canvas) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.draw();
    });
  }

  private draw(): void {
    const map = this._map as L.Map | undefined;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(size.x * ratio) || canvas.height !== Math.round(size.y * ratio)) {
      canvas.width = Math.round(size.x * ratio);
      canvas.height = Math.round(size.y * ratio);
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    // the canvas sits where the container's top-left corner is in the (moving) map pane
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);

    if (this.projected.length !== this.tasks.length * 2) this.projected = new Float64Array(this.tasks.length * 2);
    // one path per style: unselected first (faded, then the rest), selected on top
    const groups = new Map<string, number[]>();
    this.tasks.forEach((task, i) => {
      const p = map.latLngToContainerPoint([task.lat, task.lng]);
      this.projected[2 * i] = p.x;
      this.projected[2 * i + 1] = p.y;
      if (p.x < -10 || p.y < -10 || p.x > size.x + 10 || p.y > size.y + 10) return;
      const key = `${task.selected ? 1 : 0}|${task.faded ? 0 : 1}|${task.pickup ? 1 : 0}|${task.colour}`;
      const list = groups.get(key);
      if (list) list.push(i);
      else groups.set(key, [i]);
    });
    for (const key of [...groups.keys()].sort()) {
      const indices = groups.get(key) as number[];
      const first = this.tasks[indices[0] as number] as TaskDot;
      const radius = first.selected ? SELECTED_RADIUS : RADIUS;
      ctx.beginPath();
      for (const i of indices) {
        const x = this.projected[2 * i] as number;
        const y = this.projected[2 * i + 1] as number;
        ctx.moveTo(x + radius, y);
        ctx.arc(x, y, radius, 0, 2 * Math.PI);
      }
      ctx.globalAlpha = first.faded ? 0.5 : 1;
      ctx.fillStyle = first.colour;
      ctx.globalAlpha *= first.pickup ? 0.15 : 0.85;
      ctx.fill();
      ctx.globalAlpha = first.faded ? 0.5 : 1;
      ctx.strokeStyle = first.selected ? '#000000' : first.colour;
      ctx.lineWidth = first.selected ? 3 : first.pickup ? 2 : 1;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    this.drawCouriers(ctx, map);
  }

  private labels: { font: string; surface: string; onSurface: string; outline: string } | null = null;

  /** The labels' look as the theme computes it (a probe element resolves the custom properties). */
  private labelStyle(container: HTMLElement): { font: string; surface: string; onSurface: string; outline: string } {
    if (this.labels) return this.labels;
    const probe = document.createElement('span');
    probe.style.cssText =
      'position:absolute;visibility:hidden;font:var(--mat-sys-label-small);color:var(--mat-sys-on-surface);' +
      'background-color:var(--mat-sys-surface);border:1px solid var(--mat-sys-outline-variant)';
    container.appendChild(probe);
    const css = getComputedStyle(probe);
    this.labels = {
      font: `${css.fontWeight} ${css.fontSize} ${css.fontFamily}`,
      surface: css.backgroundColor,
      onSurface: css.color,
      outline: css.borderTopColor,
    };
    probe.remove();
    return this.labels;
  }

  private drawCouriers(ctx: CanvasRenderingContext2D, map: L.Map): void {
    if (this.couriers.length === 0) return;
    const { font, surface, onSurface, outline } = this.labelStyle(map.getContainer());
    ctx.font = font;
    ctx.textBaseline = 'middle';
    const points = this.couriers.map((courier) => map.latLngToContainerPoint([courier.lat, courier.lng]));
    // the discs first, then every label above them all (as tooltips were)
    this.couriers.forEach((courier, i) => {
      const p = points[i] as L.Point;
      ctx.beginPath();
      ctx.arc(p.x, p.y, COURIER_RADIUS, 0, 2 * Math.PI);
      ctx.fillStyle = courier.colour;
      ctx.fill();
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
    });
    this.couriers.forEach((courier, i) => {
      const p = points[i] as L.Point;
      // on the right, as a tooltip would be: name · load
      const width = ctx.measureText(courier.label).width + 8;
      const x = p.x + COURIER_RADIUS + 6;
      ctx.fillStyle = surface;
      ctx.fillRect(x, p.y - 8, width, 16);
      ctx.lineWidth = 1;
      ctx.strokeStyle = outline;
      ctx.strokeRect(x + 0.5, p.y - 7.5, width - 1, 15);
      ctx.fillStyle = onSurface;
      ctx.fillText(courier.label, x + 4, p.y);
    });
  }
}
