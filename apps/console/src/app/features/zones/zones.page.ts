import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  afterNextRender,
  computed,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  DEFAULT_ZONE_COLOUR,
  GEO_LIMITS,
  type ErrorCode,
  type GeoPolygon,
  type ServiceAreaView,
  type SetServiceAreaRequest,
  type ZoneGeometry,
  type ZoneView,
} from '@federacycle/contracts';
import { ERROR_MESSAGE_KEYS, toApiProblem, type ApiProblem } from '../../core/api/api-error';
import { problemText } from '../../core/api/problem-text';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { MapComponent, type ShapeEdit } from '../../shared/map/map.component';
import type { MapCircle, MapShape } from '../../shared/map/map-shapes';
import { ConfirmDestructiveDialog, type ConfirmDestructiveData } from '../../shared/confirm-destructive.dialog';
import { ZonesApi } from './data/zones-api';
import { ServiceAreaFormComponent } from './service-area-form.component';

const DRAFT_ID = 'draft';

interface ZoneDraft {
  mode: 'new' | 'edit';
  /** the zone edited (edit mode) */
  zone: ZoneView | null;
  /** the shape drawn (new mode) */
  geometry: ZoneGeometry | null;
}

interface Problem {
  text: string;
  details: string[];
}

/**
 * Container: the coop's zones on a map editor (coop admin) or read-only (dispatcher, merchant
 * staff), the list beside the map (below it on a phone), GeoJSON import/export and the service
 * area. A coop without a service area sets it first: zones are drawn inside it.
 */
@Component({
  selector: 'fc-zones-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatInputModule,
    MapComponent,
    EmptyStateComponent,
    ServiceAreaFormComponent,
  ],
  templateUrl: './zones.page.html',
  styleUrl: './zones.page.scss',
})
export class ZonesPage implements OnInit {
  private readonly api = inject(ZonesApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly canManage = computed(() => this.auth.ability().can('manage', 'Zone'));
  protected readonly zones = signal<ZoneView[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly area = signal<ServiceAreaView | null>(null);
  protected readonly areaLoaded = signal(false);
  protected readonly editingArea = signal(false);
  protected readonly savingArea = signal(false);
  protected readonly areaProblem = signal<string | null>(null);
  protected readonly drawing = signal(false);
  protected readonly draft = signal<ZoneDraft | null>(null);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly importProblem = signal<Problem | null>(null);
  /** the reshaped geometry, kept out of the map's inputs so that dragging does not redraw it */
  private editedGeometry: ZoneGeometry | null = null;

  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(GEO_LIMITS.nameMaxLength)],
    }),
    colour: new FormControl(DEFAULT_ZONE_COLOUR, { nonNullable: true }),
  });
  private readonly colour = toSignal(this.form.controls.colour.valueChanges, { initialValue: DEFAULT_ZONE_COLOUR });

  private readonly map = viewChild(MapComponent);
  private readonly nameInput = viewChild<ElementRef<HTMLInputElement>>('nameInput');
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly circle = computed<MapCircle | null>(() => {
    const area = this.area();
    return area ? { centre: area.centre, radiusM: area.radiusM } : null;
  });
  /** the zones on the map, the edited one in its live colour, and the shape being drawn */
  protected readonly shapes = computed<MapShape[]>(() => {
    const draft = this.draft();
    const colour = this.colour();
    const shapes = this.zones().map((zone) => {
      const edited = draft?.mode === 'edit' && draft.zone?.id === zone.id;
      return {
        id: zone.id,
        geometry: edited ? (this.editedGeometry ?? zone.geometry) : zone.geometry,
        colour: edited ? colour : zone.colour,
        label: zone.name,
      };
    });
    if (draft?.mode === 'new' && draft.geometry) {
      shapes.push({
        id: DRAFT_ID,
        geometry: this.editedGeometry ?? draft.geometry,
        colour,
        label: this.t('zones.newZone'),
      });
    }
    return shapes;
  });
  protected readonly editingId = computed(() => {
    const draft = this.draft();
    if (!draft) return null;
    return draft.mode === 'new' ? DRAFT_ID : (draft.zone?.id ?? null);
  });
  /** zones are drawn once the service area is set (a reader sees them either way) */
  protected readonly showEditor = computed(() => this.areaLoaded() && (this.area() !== null || !this.canManage()));

  ngOnInit(): void {
    this.reload();
    this.api.serviceArea().subscribe({
      next: ({ area }) => {
        this.area.set(area);
        this.areaLoaded.set(true);
        this.editingArea.set(area === null && this.canManage());
      },
      error: (error: unknown) => {
        this.areaLoaded.set(true);
        this.loadError.set(problemText(this.t, toApiProblem(error)));
      },
    });
  }

  protected reload(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.listAll().subscribe({
      next: (zones) => {
        this.zones.set(zones);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadError.set(problemText(this.t, toApiProblem(error)));
      },
    });
  }

  protected areaKm(zone: ZoneView): string {
    return this.t('zones.area', { area: this.i18n.formatNumber(zone.areaM2 / 1e6, 2) });
  }

  protected areaSummary(area: ServiceAreaView): string {
    return this.t('zones.serviceAreaSummary', {
      lat: area.centre.lat.toFixed(4),
      lng: area.centre.lng.toFixed(4),
      radius: this.i18n.formatNumber(area.radiusM / 1000, 1),
    });
  }

  // drawing and editing

  protected startDrawing(): void {
    this.cancelDraft();
    this.drawing.set(true);
  }

  protected stopDrawing(): void {
    this.drawing.set(false);
  }

  protected onDrawn(geometry: GeoPolygon): void {
    this.drawing.set(false);
    this.editedGeometry = null;
    this.problem.set(null);
    this.form.reset({ name: '', colour: this.nextColour() });
    this.draft.set({ mode: 'new', zone: null, geometry });
    this.focusName();
  }

  protected onEdited(edit: ShapeEdit): void {
    this.editedGeometry = edit.geometry;
  }

  protected edit(zone: ZoneView): void {
    this.drawing.set(false);
    this.editedGeometry = null;
    this.problem.set(null);
    this.form.reset({ name: zone.name, colour: zone.colour });
    this.draft.set({ mode: 'edit', zone, geometry: null });
    this.selectedId.set(zone.id);
    this.map()?.focusShape(zone.id);
    this.focusName();
  }

  protected cancelDraft(): void {
    this.draft.set(null);
    this.editedGeometry = null;
    this.problem.set(null);
  }

  protected select(id: string): void {
    if (id === DRAFT_ID) return;
    this.selectedId.set(id);
    this.map()?.focusShape(id);
  }

  protected save(): void {
    const draft = this.draft();
    this.form.markAllAsTouched();
    if (!draft || this.form.invalid) return;
    const { name, colour } = this.form.getRawValue();
    const call =
      draft.mode === 'new'
        ? this.api.create({
            name: name.trim(),
            colour,
            geometry: (this.editedGeometry ?? draft.geometry) as ZoneGeometry,
          })
        : this.api.update(draft.zone?.id as string, {
            name: name.trim(),
            colour,
            ...(this.editedGeometry ? { geometry: this.editedGeometry } : {}),
          });
    this.busy.set(true);
    this.problem.set(null);
    call.subscribe({
      next: (zone) => {
        this.busy.set(false);
        this.draft.set(null);
        this.editedGeometry = null;
        this.zones.update((zones) =>
          [...zones.filter((z) => z.id !== zone.id), zone].sort((a, b) => a.name.localeCompare(b.name)),
        );
        this.selectedId.set(zone.id);
        this.notify(this.t('zones.saved', { name: zone.name }));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(this.describe(toApiProblem(error)));
      },
    });
  }

  protected remove(zone: ZoneView): void {
    this.dialog
      .open<ConfirmDestructiveDialog, ConfirmDestructiveData, boolean>(ConfirmDestructiveDialog, {
        data: {
          title: this.t('zones.deleteFor', { name: zone.name }),
          message: this.t('zones.deleteConfirm', { name: zone.name }),
          confirm: this.t('zones.delete'),
          cancel: this.t('zones.cancel'),
        },
        width: '420px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.api.remove(zone.id).subscribe({
          next: () => {
            this.zones.update((zones) => zones.filter((z) => z.id !== zone.id));
            if (this.draft()?.zone?.id === zone.id) this.cancelDraft();
            this.notify(this.t('zones.deleted', { name: zone.name }));
          },
          error: (error: unknown) => this.notify(problemText(this.t, toApiProblem(error))),
        });
      });
  }

  // import and export

  protected chooseFile(): void {
    this.fileInput()?.nativeElement.click();
  }

  protected async importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.importProblem.set(null);
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      this.importProblem.set({ text: this.t('zones.importNotJson'), details: [] });
      return;
    }
    this.api.importCollection(body).subscribe({
      next: (result) => {
        this.notify(this.t('zones.imported', { count: result.created }));
        this.reload();
      },
      error: (error: unknown) => this.importProblem.set(this.describe(toApiProblem(error))),
    });
  }

  protected exportZones(): void {
    this.api.exportCollection().subscribe({
      next: (collection) => {
        const blob = new Blob([JSON.stringify(collection, null, 2)], { type: 'application/geo+json' });
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = `zones-${new Date().toISOString().slice(0, 10)}.geojson`;
        link.click();
        URL.revokeObjectURL(url);
      },
      error: (error: unknown) => this.notify(problemText(this.t, toApiProblem(error))),
    });
  }

  // service area

  protected saveArea(request: SetServiceAreaRequest): void {
    this.savingArea.set(true);
    this.areaProblem.set(null);
    this.api.setServiceArea(request).subscribe({
      next: (area) => {
        this.savingArea.set(false);
        this.area.set(area);
        this.editingArea.set(false);
        this.notify(this.t('zones.areaSaved'));
      },
      error: (error: unknown) => {
        this.savingArea.set(false);
        this.areaProblem.set(problemText(this.t, toApiProblem(error)));
      },
    });
  }

  /** the translated message of a refusal, and one line per feature of an import that failed */
  private describe(problem: ApiProblem): Problem {
    const details = problem.fieldErrors
      .map((e) => {
        const match = /^features\.(\d+)/.exec(e.field);
        const key = ERROR_MESSAGE_KEYS[e.code as ErrorCode];
        if (!match || !key) return null;
        return this.t('zones.featureProblem', { n: Number(match[1]) + 1, message: this.t(key) });
      })
      .filter((line): line is string => line !== null);
    return { text: problemText(this.t, problem), details };
  }

  private nextColour(): string {
    const palette = ['#3b6ea8', '#c0612b', '#2f8a5b', '#8a4f9e', '#a83b5d', '#6b7a1f'];
    return palette[this.zones().length % palette.length] as string;
  }

  private focusName(): void {
    afterNextRender(() => this.nameInput()?.nativeElement.focus(), { injector: this.injector });
  }

  private notify(message: string): void {
    this.snackBar.open(message, this.t('common.close'), { duration: 6000 });
  }
}
