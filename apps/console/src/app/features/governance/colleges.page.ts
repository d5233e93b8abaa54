import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule, type NgForm } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { CollegeView, CollegesView } from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { toProblemText } from '../../core/api/problem-text';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { GovernanceApi } from './data/governance-api';

interface CollegeRow {
  c: CollegeView;
  name: string;
  weight: number;
  picked: Set<string>;
}

/**
 * Container: the coop's voting colleges. Members read them (how their votes weigh); a coop admin
 * adds, renames, weighs and removes them and ticks the members of each (one college at most).
 */
@Component({
  selector: 'fc-colleges-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    RouterLink,
  ],
  template: `
    <p class="back">
      <a routerLink="/proposals">← {{ t('gov.proposal.back') }}</a>
    </p>
    <h1>{{ t('gov.colleges.title') }}</h1>
    <p class="muted">{{ t('gov.colleges.body') }}</p>
    @if (error(); as message) {
      <p class="fc-error-banner" role="alert">{{ message }}</p>
    }
    @if (view(); as v) {
      <p class="total" data-total>{{ t('gov.colleges.total', { total: number(v.totalWeight) }) }}</p>
      @if (v.colleges.length && unplaced().length) {
        <p class="warning" role="status" data-unplaced>
          {{ t('gov.colleges.unplaced', { names: unplacedNames() }) }}
        </p>
      }
      @for (row of rows(); track row.c.id) {
        @let c = row.c;
        <mat-card appearance="outlined" class="college" [attr.data-college]="c.name">
          <mat-card-content>
            @if (canManage()) {
              <form class="row" (ngSubmit)="rename(row)">
                <mat-form-field appearance="outline" class="name">
                  <mat-label>{{ t('gov.colleges.name') }}</mat-label>
                  <input matInput [name]="'name-' + c.id" required maxlength="80" [(ngModel)]="row.name" />
                </mat-form-field>
                <mat-form-field appearance="outline" class="weight">
                  <mat-label>{{ t('gov.colleges.weight') }}</mat-label>
                  <input
                    matInput
                    [name]="'weight-' + c.id"
                    type="number"
                    min="0.001"
                    max="100"
                    step="any"
                    required
                    [(ngModel)]="row.weight"
                  />
                  <span matTextSuffix>%</span>
                </mat-form-field>
                <div class="actions">
                  <button mat-stroked-button type="submit" [disabled]="busy()">{{ t('gov.colleges.save') }}</button>
                  <button mat-button type="button" [disabled]="busy()" (click)="remove(c)">
                    {{ t('gov.colleges.remove') }}
                  </button>
                </div>
              </form>
              <h3 [id]="'members-' + c.id">{{ t('gov.colleges.members', { count: c.members.length }) }}</h3>
              <div class="members" role="group" [attr.aria-labelledby]="'members-' + c.id">
                @for (m of candidates(c); track m.userId) {
                  <mat-checkbox [checked]="row.picked.has(m.userId)" (change)="toggle(row, m.userId, $event.checked)">{{
                    m.name
                  }}</mat-checkbox>
                } @empty {
                  <p class="muted">{{ t('gov.colleges.noCandidates') }}</p>
                }
              </div>
              <button mat-flat-button type="button" [disabled]="busy()" (click)="saveMembers(row)">
                {{ t('gov.colleges.saveMembers') }}
              </button>
            } @else {
              <h2>{{ c.name }} · {{ number(c.weight) }} %</h2>
              <h3>{{ t('gov.colleges.members', { count: c.members.length }) }}</h3>
              <ul class="names">
                @for (m of c.members; track m.userId) {
                  <li>{{ m.name }}</li>
                }
              </ul>
            }
          </mat-card-content>
        </mat-card>
      } @empty {
        <p class="muted">{{ t('gov.colleges.empty') }}</p>
      }
      @if (canManage()) {
        <mat-card appearance="outlined" class="college add">
          <mat-card-content>
            <h2>{{ t('gov.colleges.add') }}</h2>
            <form class="row" #addForm="ngForm" (ngSubmit)="add(addForm)">
              <mat-form-field appearance="outline" class="name">
                <mat-label>{{ t('gov.colleges.name') }}</mat-label>
                <input matInput name="newName" required maxlength="80" [(ngModel)]="newName" />
              </mat-form-field>
              <mat-form-field appearance="outline" class="weight">
                <mat-label>{{ t('gov.colleges.weight') }}</mat-label>
                <input
                  matInput
                  name="newWeight"
                  type="number"
                  min="0.001"
                  max="100"
                  step="any"
                  required
                  [(ngModel)]="newWeight"
                />
                <span matTextSuffix>%</span>
              </mat-form-field>
              <div class="actions">
                <button mat-flat-button type="submit" [disabled]="busy()">{{ t('gov.colleges.addButton') }}</button>
              </div>
            </form>
          </mat-card-content>
        </mat-card>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 48rem;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .total {
      font-weight: 600;
    }
    .warning {
      padding: var(--fc-space-3);
      border-radius: var(--fc-radius, 8px);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .college {
      margin-top: var(--fc-space-4);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--fc-space-3);
      align-items: flex-start;
      .name {
        flex: 2 1 14rem;
      }
      .weight {
        flex: 1 1 8rem;
      }
    }
    .actions {
      display: flex;
      gap: var(--fc-space-2);
      align-items: center;
      min-height: 3.5rem;
    }
    h2,
    h3 {
      margin: var(--fc-space-2) 0;
    }
    .members {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      margin-bottom: var(--fc-space-3);
    }
    .names {
      margin: 0;
      padding-left: var(--fc-space-4);
    }
    @media (max-width: 600px) {
      .actions {
        flex: 1 1 100%;
        button {
          flex: 1 1 0;
          min-height: 3rem;
        }
      }
    }
  `,
})
export class CollegesPage implements OnInit {
  private readonly api = inject(GovernanceApi);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly view = signal<CollegesView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly canManage = computed(() => this.auth.ability().can('manage', 'Settings'));
  protected readonly unplaced = computed(() => (this.view()?.members ?? []).filter((m) => m.collegeId === null));
  protected readonly unplacedNames = computed(() =>
    this.unplaced()
      .map((m) => m.name)
      .join(', '),
  );
  /** each college with its form values (name and weight being edited) and the members ticked */
  protected readonly rows = signal<CollegeRow[]>([]);
  protected newName = '';
  protected newWeight: number | null = null;

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.api.colleges().subscribe({
      next: (v) => this.show(v),
      error: (error: unknown) => this.error.set(toProblemText(this.t, error)),
    });
  }

  /** members this college may hold: its own and those in no college */
  protected candidates(c: CollegeView): CollegesView['members'] {
    return (this.view()?.members ?? []).filter((m) => m.collegeId === c.id || m.collegeId === null);
  }

  protected toggle(row: CollegeRow, userId: string, checked: boolean): void {
    if (checked) row.picked.add(userId);
    else row.picked.delete(userId);
  }

  protected add(form: NgForm): void {
    if (this.newWeight === null) return;
    // cleared as a fresh form (not flagged invalid for being empty once added)
    this.run(this.api.createCollege(this.newName, Number(this.newWeight)), () => form.resetForm());
  }

  protected rename(row: CollegeRow): void {
    this.run(this.api.updateCollege(row.c.id, { name: row.name, weight: Number(row.weight) }));
  }

  protected remove(c: CollegeView): void {
    this.run(this.api.removeCollege(c.id));
  }

  protected saveMembers(row: CollegeRow): void {
    this.run(this.api.setCollegeMembers(row.c.id, [...row.picked]));
  }

  protected number(n: number): string {
    return new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: 3 }).format(n);
  }

  private run(call: Observable<CollegesView>, done?: () => void): void {
    this.busy.set(true);
    this.error.set(null);
    call.subscribe({
      next: (v) => {
        this.show(v);
        done?.();
        this.busy.set(false);
      },
      error: (error: unknown) => {
        this.error.set(toProblemText(this.t, error));
        this.busy.set(false);
      },
    });
  }

  private show(v: CollegesView): void {
    this.rows.set(
      v.colleges.map((c) => ({ c, name: c.name, weight: c.weight, picked: new Set(c.members.map((m) => m.userId)) })),
    );
    this.view.set(v);
    this.error.set(null);
  }
}
