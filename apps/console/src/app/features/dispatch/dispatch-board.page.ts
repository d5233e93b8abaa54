import { CdkDrag, CdkDropList, CdkDropListGroup, type CdkDragDrop } from '@angular/cdk/drag-drop';
import { CdkFixedSizeVirtualScroll, CdkVirtualForOf, CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  BoardEventType,
  TASK_STATES,
  type BoardCourier,
  type BoardCourierStatus,
  type BoardCourierChangedEvent,
  type BoardTask,
  type BoardTasksChangedEvent,
  type PlanProposalView,
  type TaskKind,
  type TaskState,
  type ZoneView,
} from '@federacycle/contracts';
import { firstValueFrom, type Observable } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import type { TranslationKey } from '../../core/i18n/en';
import { I18nService } from '../../core/i18n/i18n.service';
import { vehicleKey } from '../couriers/fleet-labels';
import { injectIsCompact } from '../../core/layout/breakpoints';
import { MerchantsApi } from '../merchants/data/merchants-api';
import { ZonesApi } from '../zones/data/zones-api';
import { BoardMapComponent } from './board-map.component';
import { applyTaskChanges, columnsOf, moved, rangeOf, toneOf } from './board-state';
import { BoardApi, type BoardFilter } from './data/board-api';
import { BoardStream, type StreamEvent } from './data/board-stream';

const UNASSIGNED = 'unassigned';
const ROW_PX = 44;

/** The day in the browser's zone, YYYY-MM-DD (the dispatcher's day). */
function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The day of a link (`/dispatch?date=2031-03-10`), else today. */
function dayOf(param: string | null): string {
  return param && /^\d{4}-\d{2}-\d{2}$/.test(param) && !Number.isNaN(Date.parse(param)) ? param : localDay();
}

/**
 * The dispatcher's one screen: the day's tasks on a canvas map and in columns (to assign, and each
 * courier's ordered list), assigned by drag and drop or by menu, one at a time or in bulk; the
 * planner's proposal in suggest mode; kept current by the coop's live stream without reloading.
 */
@Component({
  selector: 'fc-dispatch-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    FormsModule,
    CdkDropListGroup,
    CdkDropList,
    CdkDrag,
    CdkVirtualScrollViewport,
    CdkFixedSizeVirtualScroll,
    CdkVirtualForOf,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatMenuModule,
    MatSelectModule,
    MatSlideToggleModule,
    BoardMapComponent,
  ],
  templateUrl: './dispatch-board.page.html',
  styleUrl: './dispatch-board.page.scss',
})
export class DispatchBoardPage {
  protected readonly t = inject(I18nService).t;
  private readonly i18n = inject(I18nService);
  private readonly api = inject(BoardApi);
  private readonly zonesApi = inject(ZonesApi);
  private readonly merchantsApi = inject(MerchantsApi);
  private readonly stream = inject(BoardStream);
  private readonly auth = inject(AuthService);
  protected readonly canDispatch = computed(() => this.auth.ability().can('update', 'Dispatch'));
  protected readonly compact = injectIsCompact();
  protected readonly rowPx = ROW_PX;
  protected readonly states = TASK_STATES;
  protected readonly unassignedId = UNASSIGNED;

  // filters
  protected readonly date = signal(dayOf(inject(ActivatedRoute).snapshot.queryParamMap.get('date')));
  protected readonly zoneId = signal<string | null>(null);
  protected readonly merchantId = signal<string | null>(null);
  protected readonly state = signal<TaskState | null>(null);
  protected readonly late = signal(false);
  protected readonly zones = signal<ZoneView[]>([]);
  protected readonly merchants = signal<{ id: string; name: string }[]>([]);

  // the day
  private readonly taskMap = new Map<string, BoardTask>();
  private readonly version = signal(0);
  protected readonly couriers = signal<BoardCourier[]>([]);
  protected readonly loaded = signal(false);
  protected readonly liveState = signal<'connecting' | 'live' | 'reconnecting'>('connecting');
  protected readonly tasks = computed(() => {
    this.version();
    return [...this.taskMap.values()];
  });
  protected readonly columns = computed(() => columnsOf(this.tasks(), this.couriers()));
  protected readonly dutyCouriers = computed(() => this.couriers().filter((c) => c.onDuty));
  protected readonly counts = computed(() => {
    const tasks = this.tasks();
    return {
      tasks: tasks.length,
      open: this.columns().unassigned.length,
      late: tasks.filter((t) => t.late).length,
    };
  });
  protected readonly listIds = computed(() => [UNASSIGNED, ...this.couriers().map((c) => `courier-${c.id}`)]);

  // selection, conflicts, proposal
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  private lastClicked: string | null = null;
  protected readonly bulkCourier = signal<string | null>(null);
  protected readonly notice = signal<{ text: string; tone: 'conflict' | 'info' } | null>(null);
  protected readonly proposal = signal<PlanProposalView | null>(null);
  protected readonly courierName = computed(() => new Map(this.couriers().map((c) => [c.id, c.name])));

  private loading = false;
  private reloadAgain = false;
  private buffered: StreamEvent[] = [];
  private resyncTimer: ReturnType<typeof setTimeout> | null = null;
  private firstReady = true;

  constructor() {
    const destroyRef = inject(DestroyRef);
    const close = this.stream.open({
      ready: () => {
        this.liveState.set('live');
        // subscribed: a snapshot read now misses nothing
        void this.load();
        if (this.firstReady) {
          this.firstReady = false;
          void this.loadProposal();
        }
      },
      lost: () => this.liveState.set('reconnecting'),
      event: (event) => this.onEvent(event),
    });
    // the stream cannot open (a proxy that refuses streams): read the day anyway
    const fallback = setTimeout(() => {
      if (!this.loaded()) void this.load();
    }, 3000);
    destroyRef.onDestroy(() => {
      close();
      clearTimeout(fallback);
      if (this.resyncTimer) clearTimeout(this.resyncTimer);
    });
    void firstValueFrom(this.zonesApi.listAll()).then(
      (zones) => this.zones.set(zones),
      () => this.zones.set([]),
    );
    // a coop's merchants fit one page (the filter lists them by name)
    void firstValueFrom(this.merchantsApi.list({ limit: 100, offset: 0 })).then(
      (page) => this.merchants.set(page.items.map((m) => ({ id: m.id, name: m.name }))),
      () => this.merchants.set([]),
    );
  }

  protected filter(): BoardFilter {
    return {
      date: this.date(),
      zoneId: this.zoneId(),
      merchantId: this.merchantId(),
      state: this.state(),
      late: this.late(),
    };
  }

  protected setFilter(apply: () => void): void {
    apply();
    this.selected.set(new Set());
    void this.load();
  }

  /** Reads the day; events that arrive meanwhile are applied again on top of the snapshot. */
  protected async load(): Promise<void> {
    if (this.loading) {
      this.reloadAgain = true;
      return;
    }
    this.loading = true;
    this.buffered = [];
    try {
      const board = await firstValueFrom(this.api.read(this.filter()));
      this.taskMap.clear();
      for (const task of board.tasks) this.taskMap.set(task.id, task);
      this.couriers.set(board.couriers);
      const replay = this.buffered;
      this.buffered = [];
      this.loading = false;
      for (const event of replay) this.apply(event);
      this.version.update((v) => v + 1);
      this.loaded.set(true);
      const known = new Set(this.taskMap.keys());
      const selected = [...this.selected()].filter((id) => known.has(id));
      if (selected.length !== this.selected().size) this.selected.set(new Set(selected));
    } catch (error) {
      this.loading = false;
      this.notice.set({ text: this.conflictText(error), tone: 'conflict' });
    }
    if (this.reloadAgain) {
      this.reloadAgain = false;
      void this.load();
    }
  }

  private async loadProposal(): Promise<void> {
    try {
      const proposal = await firstValueFrom(this.api.proposal());
      this.proposal.set(proposal && proposal.couriers.some((c) => c.taskIds.length > 0) ? proposal : null);
    } catch {
      // 404 (no planner here) or no proposal: no panel
      this.proposal.set(null);
    }
  }

  private onEvent(event: StreamEvent): void {
    if (this.loading) {
      this.buffered.push(event);
      return;
    }
    this.apply(event);
  }

  private apply(event: StreamEvent): void {
    if (event.type === BoardEventType.TASKS_CHANGED) {
      const result = applyTaskChanges(this.taskMap, event.data as BoardTasksChangedEvent, Date.now());
      if (result.changed > 0) {
        this.version.update((v) => v + 1);
        this.refreshLoads();
      }
      if (result.unknown.length > 0 && !this.filter().state && !this.filter().late) this.resyncSoon();
    } else if (event.type === BoardEventType.DELIVERY_CREATED) {
      this.resyncSoon();
    } else if (event.type === BoardEventType.COURIER_CHANGED) {
      const change = event.data as BoardCourierChangedEvent;
      const known = this.couriers().some((c) => c.id === change.courierId);
      if (!known || change.onDuty !== undefined) this.resyncSoon();
      else
        this.couriers.update((list) =>
          list.map((c) =>
            c.id === change.courierId
              ? { ...c, lat: change.lat ?? c.lat, lng: change.lng ?? c.lng, locatedAt: change.locatedAt ?? c.locatedAt }
              : c,
          ),
        );
    }
  }

  /** New work arrives in bursts: one re-read for a burst. */
  private resyncSoon(): void {
    if (this.resyncTimer) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = null;
      void this.load();
    }, 400);
  }

  /** Loads and statuses follow the tasks locally (the next snapshot confirms them). */
  private refreshLoads(): void {
    const cols = this.columns();
    this.couriers.update((list) =>
      list.map((c) => {
        const live = cols.byCourier.get(c.id) ?? [];
        const load = live.length;
        const status = !c.onDuty
          ? 'off_duty'
          : live.some((t) => t.state === 'started')
            ? 'busy'
            : load > 0
              ? 'assigned'
              : 'idle';
        return load === c.load && status === c.status ? c : { ...c, load, status };
      }),
    );
  }

  // ---- presentation helpers

  protected listOf(courierId: string): BoardTask[] {
    return this.columns().byCourier.get(courierId) ?? [];
  }

  private readonly timeFormat = computed(
    () => new Intl.DateTimeFormat(this.i18n.locale(), { hour: '2-digit', minute: '2-digit' }),
  );
  private readonly relativeFormat = computed(
    () => new Intl.RelativeTimeFormat(this.i18n.locale(), { numeric: 'auto' }),
  );

  protected windowText(task: BoardTask): string {
    const fmt = (iso: string) => this.timeFormat().format(new Date(iso));
    if (task.before) return this.t('board.until', { time: fmt(task.before) });
    if (task.after) return this.t('board.from', { time: fmt(task.after) });
    return this.t('board.anyTime');
  }

  protected ageText(courier: BoardCourier): string {
    if (!courier.locatedAt) return this.t('board.noPosition');
    const minutes = Math.round((Date.now() - Date.parse(courier.locatedAt)) / 60_000);
    const rtf = this.relativeFormat();
    const age = minutes < 60 ? rtf.format(-minutes, 'minute') : rtf.format(-Math.round(minutes / 60), 'hour');
    return this.t('board.positionAge', { age });
  }

  protected readonly vehicleKey = vehicleKey;
  protected stateKey(state: TaskState): TranslationKey {
    return `board.stateName.${state}`;
  }
  protected statusKey(status: BoardCourierStatus): TranslationKey {
    return `board.status.${status}`;
  }
  protected kindKey(kind: TaskKind): TranslationKey {
    return `board.kind.${kind}`;
  }

  protected tone(task: BoardTask): string {
    return toneOf(task);
  }

  protected trackTask = (_: number, task: BoardTask) => task.id;

  // ---- selection

  protected toggle(task: BoardTask, event: { shiftKey: boolean } | null): void {
    const next = new Set(this.selected());
    if (event?.shiftKey && this.lastClicked) {
      for (const id of rangeOf(this.columns().unassigned, this.lastClicked, task.id)) next.add(id);
    } else if (next.has(task.id)) next.delete(task.id);
    else next.add(task.id);
    this.lastClicked = task.id;
    this.selected.set(next);
  }

  protected onMapClick(click: { id: string; shift: boolean }): void {
    const task = this.taskMap.get(click.id);
    if (!task) return;
    if (task.state !== 'open') {
      this.selected.set(new Set([task.id]));
      return;
    }
    this.toggle(task, { shiftKey: click.shift });
  }

  protected clearSelection(): void {
    this.selected.set(new Set());
    this.lastClicked = null;
  }

  // ---- assignment

  protected onDrop(event: CdkDragDrop<string>, viewport: CdkVirtualScrollViewport | null): void {
    const task = event.item.data as BoardTask;
    const target = event.container.data;
    const offset = viewport ? viewport.getRenderedRange().start : 0;
    const index = event.currentIndex + offset;
    if (target === UNASSIGNED) {
      if (task.courierId && task.state === 'assigned') this.unassign(task);
      return;
    }
    const courierId = target.replace(/^courier-/, '');
    if (event.previousContainer === event.container) {
      const list = this.listOf(courierId);
      const from = list.findIndex((t) => t.id === task.id);
      if (from >= 0 && from !== index) this.reorder(courierId, moved(list, from, index));
      return;
    }
    const selection = this.selected();
    if (selection.has(task.id) && selection.size > 1 && task.state === 'open') {
      this.bulkAssign(courierId, [...selection]);
      return;
    }
    this.assign(task, courierId);
  }

  protected assign(task: BoardTask, courierId: string): void {
    if (task.courierId === courierId) return;
    const call: Observable<unknown> = task.courierId
      ? this.api.reassign(task.id, task.courierId, courierId)
      : this.api.assign(task.id, courierId);
    this.optimistic([task.id], courierId);
    this.run(call);
  }

  protected unassign(task: BoardTask): void {
    this.optimistic([task.id], null);
    this.run(this.api.unassign(task.id));
  }

  protected bulkAssign(courierId: string | null, ids: string[] = [...this.selected()]): void {
    if (!courierId || ids.length === 0) return;
    const open = ids.filter((id) => this.taskMap.get(id)?.state === 'open');
    this.optimistic(open, courierId);
    this.clearSelection();
    this.run(this.api.bulkAssign(open, courierId));
  }

  protected move(task: BoardTask, delta: number): void {
    if (!task.courierId) return;
    const list = this.listOf(task.courierId);
    const from = list.findIndex((t) => t.id === task.id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= list.length) return;
    this.reorder(task.courierId, moved(list, from, to));
  }

  private reorder(courierId: string, list: BoardTask[]): void {
    list.forEach((t, seq) => {
      const current = this.taskMap.get(t.id);
      if (current && current.seq !== seq) this.taskMap.set(t.id, { ...current, seq });
    });
    this.version.update((v) => v + 1);
    this.run(
      this.api.reorder(
        courierId,
        list.map((t) => t.id),
      ),
    );
  }

  /** The board shows the move at once; the stream (or a resync after a refusal) confirms it. */
  private optimistic(ids: string[], courierId: string | null): void {
    const end = courierId ? this.listOf(courierId).length : 0;
    ids.forEach((id, i) => {
      const task = this.taskMap.get(id);
      if (!task) return;
      this.taskMap.set(id, {
        ...task,
        courierId,
        state: courierId ? (task.state === 'started' ? 'started' : 'assigned') : 'open',
        seq: courierId ? end + i : null,
      });
    });
    this.version.update((v) => v + 1);
    this.refreshLoads();
  }

  private run(call: Observable<unknown>): void {
    this.notice.set(null);
    call.subscribe({
      error: (error: unknown) => {
        this.notice.set({ text: this.conflictText(error), tone: 'conflict' });
        void this.load();
      },
    });
  }

  private conflictText(error: unknown): string {
    if (error instanceof HttpErrorResponse && error.status === 409) {
      const details = (error.error as { details?: { courierName?: unknown } } | null)?.details;
      const name = typeof details?.courierName === 'string' && details.courierName ? details.courierName : null;
      return name ? this.t('board.conflict', { name }) : this.t('board.conflictNobody');
    }
    if (error instanceof HttpErrorResponse && typeof (error.error as { message?: unknown })?.message === 'string') {
      return (error.error as { message: string }).message;
    }
    return this.t('error.generic');
  }

  // ---- proposal

  protected async accept(courierIds?: string[]): Promise<void> {
    try {
      const result = await firstValueFrom(this.api.acceptProposal(courierIds));
      this.notice.set({
        tone: 'info',
        text:
          result.conflicts.length > 0
            ? this.t('board.acceptedConflicts', { count: result.assigned, conflicts: result.conflicts.length })
            : this.t('board.accepted', { count: result.assigned }),
      });
    } catch (error) {
      this.notice.set({ text: this.conflictText(error), tone: 'conflict' });
    }
    await this.loadProposal();
    void this.load();
  }
}
