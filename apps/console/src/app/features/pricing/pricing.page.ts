import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatSnackBar } from '@angular/material/snack-bar';
import type {
  CreatePricingRuleSetRequest,
  FieldError,
  PricingRuleSetSummary,
  PricingRuleSetView,
  ServiceAreaView,
  ZoneView,
} from '@federacycle/contracts';
import { toApiProblem } from '../../core/api/api-error';
import { problemText } from '../../core/api/problem-text';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import type { MapCircle, MapShape } from '../../shared/map/map-shapes';
import { StatusChipComponent } from '../../shared/status-chip.component';
import { ZonesApi } from '../zones/data/zones-api';
import { PricingApi } from './data/pricing-api';
import { QuoteTesterComponent } from './quote-tester.component';
import { RuleSetEditorComponent } from './rule-set-editor.component';

const NEW = 'new';

/**
 * Container: the coop's pricing rule sets (list), the selected one in the editor (coop admin) or
 * read-only (dispatcher), and the live quote tester on a map of the coop's zones beside it.
 */
@Component({
  selector: 'fc-pricing-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCardModule,
    EmptyStateComponent,
    StatusChipComponent,
    RuleSetEditorComponent,
    QuoteTesterComponent,
  ],
  templateUrl: './pricing.page.html',
  styleUrl: './pricing.page.scss',
})
export class PricingPage implements OnInit {
  private readonly api = inject(PricingApi);
  private readonly zonesApi = inject(ZonesApi);
  private readonly auth = inject(AuthService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly canManage = computed(() => this.auth.ability().can('manage', 'Pricing'));
  protected readonly sets = signal<PricingRuleSetSummary[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  /** the open rule set's id, or 'new' */
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = signal<PricingRuleSetView | null>(null);
  protected readonly busy = signal(false);
  protected readonly fieldErrors = signal<FieldError[]>([]);
  protected readonly problem = signal<string | null>(null);
  protected readonly version = signal(0);
  /** bumped to throw away the editor's changes */
  private readonly revision = signal(0);
  private readonly zones = signal<ZoneView[]>([]);
  private readonly area = signal<ServiceAreaView | null>(null);

  protected readonly shapes = computed<MapShape[]>(() =>
    this.zones().map((z) => ({ id: z.id, geometry: z.geometry, colour: z.colour, label: z.name })),
  );
  protected readonly circle = computed<MapCircle | null>(() => {
    const area = this.area();
    return area ? { centre: area.centre, radiusM: area.radiusM } : null;
  });
  /** re-creates the editor when another set opens or the open one was saved */
  protected readonly editorKeys = computed(() => {
    const id = this.selectedId();
    const revision = this.revision();
    if (id === NEW) return [`${NEW}:${revision}`];
    const set = this.selected();
    return set && set.id === id ? [`${set.id}:${set.updatedAt}:${revision}`] : [];
  });
  protected readonly isNew = computed(() => this.selectedId() === NEW);
  protected readonly currency = computed(() => this.selected()?.currency ?? this.sets()[0]?.currency ?? 'EUR');

  ngOnInit(): void {
    this.reload(true);
    this.zonesApi.listAll().subscribe({ next: (zones) => this.zones.set(zones), error: () => this.zones.set([]) });
    this.zonesApi
      .serviceArea()
      .subscribe({ next: ({ area }) => this.area.set(area), error: () => this.area.set(null) });
  }

  protected reload(openFirst = false): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.list().subscribe({
      next: (page) => {
        this.sets.set(page.items);
        this.loading.set(false);
        const first = page.items[0];
        if (openFirst && first) this.open(first.id);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadError.set(problemText(this.t, toApiProblem(error)));
      },
    });
  }

  protected open(id: string): void {
    this.selectedId.set(id);
    this.clearProblems();
    this.api.get(id).subscribe({
      next: (set) => {
        if (this.selectedId() === id) this.selected.set(set);
      },
      error: (error: unknown) => this.problem.set(problemText(this.t, toApiProblem(error))),
    });
  }

  protected startNew(): void {
    this.selected.set(null);
    this.clearProblems();
    this.selectedId.set(NEW);
  }

  protected cancel(): void {
    const first = this.sets()[0];
    if (this.isNew() && first) this.open(first.id);
    else if (this.isNew()) this.selectedId.set(null);
    else {
      // back to what is stored
      this.clearProblems();
      this.revision.update((r) => r + 1);
    }
  }

  protected save(request: CreatePricingRuleSetRequest): void {
    const set = this.selected();
    const call = this.isNew() || !set ? this.api.create(request) : this.api.update(set.id, request);
    this.busy.set(true);
    this.clearProblems();
    call.subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.afterWrite(saved);
        this.notify(this.t('pricing.saved', { name: saved.name }));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(error);
        this.fieldErrors.set(problem.fieldErrors);
        // the pricing codes say where to look already; a plain validation refusal of a rule does not
        const own = problem.code === 'PRICE_EXPRESSION_INVALID' || problem.code === 'PRICE_RULE_INVALID';
        this.problem.set(
          !own && problem.fieldErrors.some((e) => e.field.startsWith('rules.'))
            ? `${problemText(this.t, problem)} ${this.t('pricing.fixErrors')}`
            : problemText(this.t, problem),
        );
      },
    });
  }

  protected reorder(ruleIds: string[]): void {
    const set = this.selected();
    if (!set) return;
    this.api.reorder(set.id, ruleIds).subscribe({
      next: (saved) => {
        this.afterWrite(saved);
        this.notify(this.t('pricing.reordered'));
      },
      error: (error: unknown) => {
        this.notify(problemText(this.t, toApiProblem(error)));
        this.open(set.id);
      },
    });
  }

  protected makeDefault(set: PricingRuleSetView): void {
    this.api.setDefault(set.id).subscribe({
      next: (saved) => {
        this.afterWrite(saved);
        this.notify(this.t('pricing.madeDefault', { name: saved.name }));
      },
      error: (error: unknown) => this.notify(problemText(this.t, toApiProblem(error))),
    });
  }

  protected archive(set: PricingRuleSetView): void {
    this.api.archive(set.id).subscribe({
      next: (saved) => {
        this.afterWrite(saved);
        this.notify(this.t('pricing.archivedDone', { name: saved.name }));
      },
      error: (error: unknown) => this.notify(problemText(this.t, toApiProblem(error))),
    });
  }

  private afterWrite(saved: PricingRuleSetView): void {
    this.selected.set(saved);
    this.selectedId.set(saved.id);
    this.version.update((v) => v + 1);
    this.reload();
  }

  private clearProblems(): void {
    this.fieldErrors.set([]);
    this.problem.set(null);
  }

  private notify(message: string): void {
    this.snackBar.open(message, this.t('common.close'), { duration: 6000 });
  }
}
