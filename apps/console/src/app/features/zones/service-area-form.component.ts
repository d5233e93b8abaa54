import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import type { LatLng, ServiceAreaView, SetServiceAreaRequest } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { PointPickerComponent } from '../../shared/map/point-picker.component';
import type { MapShape } from '../../shared/map/map-shapes';

/** Presentational: the service area's centre (picked on a map or typed) and radius in km. */
@Component({
  selector: 'fc-service-area-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatInputModule, PointPickerComponent],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="area-form">
      <fc-point-picker
        formControlName="centre"
        [label]="t('zones.centre')"
        [shapes]="shapes()"
        [circle]="preview()"
        [centre]="area()?.centre ?? null"
        [zoom]="11"
        height="280px"
      />
      <mat-form-field appearance="outline" class="radius">
        <mat-label>{{ t('zones.radiusKm') }}</mat-label>
        <input matInput type="number" inputmode="decimal" min="1" max="200" step="0.5" formControlName="radiusKm" />
        <mat-hint>{{ t('zones.radiusHint') }}</mat-hint>
        <mat-error>{{ t('zones.radiusRange') }}</mat-error>
      </mat-form-field>
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="busy()">{{ t('zones.saveArea') }}</button>
        @if (area()) {
          <button mat-button type="button" (click)="cancelled.emit()">{{ t('zones.cancel') }}</button>
        }
      </div>
    </form>
  `,
  styles: `
    .area-form {
      display: grid;
      gap: var(--fc-space-3);
    }
    .radius {
      max-width: 16rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-2);
    }
  `,
})
export class ServiceAreaFormComponent {
  protected readonly t = inject(I18nService).t;

  readonly area = input<ServiceAreaView | null>(null);
  readonly shapes = input<readonly MapShape[]>([]);
  readonly busy = input(false);
  readonly save = output<SetServiceAreaRequest>();
  readonly cancelled = output<void>();

  protected readonly form = new FormGroup({
    centre: new FormControl<LatLng | null>(null, Validators.required),
    radiusKm: new FormControl<number | null>(15, [Validators.required, Validators.min(1), Validators.max(200)]),
  });

  constructor() {
    effect(() => {
      const area = this.area();
      if (area) this.form.setValue({ centre: area.centre, radiusKm: area.radiusM / 1000 });
    });
  }

  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  /** the circle as typed, drawn under the picker */
  protected readonly preview = computed(() => {
    const { centre, radiusKm } = this.values();
    return centre && radiusKm && radiusKm >= 1 && radiusKm <= 200 ? { centre, radiusM: radiusKm * 1000 } : null;
  });

  protected submit(): void {
    this.form.markAllAsTouched();
    const { centre, radiusKm } = this.form.getRawValue();
    if (this.form.invalid || !centre || radiusKm === null) return;
    this.save.emit({ centre, radiusM: Math.round(radiusKm * 1000) });
  }
}
