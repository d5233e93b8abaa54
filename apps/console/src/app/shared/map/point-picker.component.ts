import { ChangeDetectionStrategy, Component, forwardRef, inject, input, signal } from '@angular/core';
import { type ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { LatLng } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { MapComponent } from './map.component';
import { isLatLng, roundPoint, type MapCircle, type MapShape } from './map-shapes';

let nextId = 0;

/**
 * A form control for one point: a map where the person clicks or drags a marker, and latitude /
 * longitude fields for keyboard users (and for typing coordinates read elsewhere). The value is a
 * `LatLng` (6 decimals) or null. Use it like any control:
 *
 * ```html
 * <fc-point-picker formControlName="location" [centre]="coopCentre" [circle]="serviceArea"
 *                  [shapes]="zones" [label]="t('merchants.address')" />
 * ```
 *
 * - `centre` / `zoom`: where the map opens while the value is null.
 * - `shapes` / `circle`: context drawn under the marker (zones, the service area).
 * - The lat/lng fields accept only numbers in range; a value typed out of range is not emitted
 *   (the field shows why). Disabled with the form control: no clicks, no dragging, fields read-only.
 * - No geocoder is reachable here; an address search can sit next to it later and set the value.
 */
@Component({
  selector: 'fc-point-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MapComponent, MatFormFieldModule, MatInputModule],
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => PointPickerComponent), multi: true }],
  template: `
    <fieldset class="picker" [attr.aria-describedby]="hintId">
      <legend>{{ label() || t('map.pointLabel') }}</legend>
      <p class="hint" [id]="hintId">{{ t('map.pointHint') }}</p>
      <fc-map
        [centre]="value() ?? centre()"
        [zoom]="zoom()"
        [shapes]="shapes()"
        [circle]="circle()"
        [marker]="value()"
        [markerDraggable]="!disabled()"
        [pickPoint]="!disabled()"
        [height]="height()"
        [label]="label() || t('map.pointLabel')"
        (markerMoved)="pick($event)"
      />
      <div class="fields">
        <mat-form-field appearance="outline">
          <mat-label>{{ t('map.lat') }}</mat-label>
          <input
            matInput
            type="number"
            inputmode="decimal"
            step="any"
            min="-90"
            max="90"
            [attr.data-field]="'lat'"
            [attr.aria-invalid]="latError()"
            [value]="latText()"
            [readonly]="disabled()"
            (input)="typed('lat', $any($event.target).value)"
            (blur)="touched()"
          />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('map.lng') }}</mat-label>
          <input
            matInput
            type="number"
            inputmode="decimal"
            step="any"
            min="-180"
            max="180"
            [attr.data-field]="'lng'"
            [attr.aria-invalid]="lngError()"
            [value]="lngText()"
            [readonly]="disabled()"
            (input)="typed('lng', $any($event.target).value)"
            (blur)="touched()"
          />
        </mat-form-field>
      </div>
      @if (latError() || lngError()) {
        <p class="range-error" role="alert">
          @if (latError()) {
            {{ t('map.latRange') }}
          }
          @if (lngError()) {
            {{ t('map.lngRange') }}
          }
        </p>
      }
    </fieldset>
  `,
  styles: `
    .picker {
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      padding: 0;
    }
    .hint {
      margin: var(--fc-space-1) 0 var(--fc-space-2);
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-3);
      margin-top: var(--fc-space-3);
    }
    .fields mat-form-field {
      flex: 1 1 10rem;
    }
    .range-error {
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class PointPickerComponent implements ControlValueAccessor {
  protected readonly t = inject(I18nService).t;
  protected readonly hintId = `fc-point-picker-hint-${(nextId += 1)}`;

  readonly centre = input<LatLng | null>(null);
  readonly zoom = input(13);
  readonly shapes = input<readonly MapShape[]>([]);
  readonly circle = input<MapCircle | null>(null);
  readonly label = input('');
  readonly height = input('320px');

  protected readonly value = signal<LatLng | null>(null);
  protected readonly disabled = signal(false);
  protected readonly latText = signal('');
  protected readonly lngText = signal('');
  protected readonly latError = signal(false);
  protected readonly lngError = signal(false);

  private onChange: (value: LatLng | null) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  writeValue(value: LatLng | null): void {
    const point = value && isLatLng(value.lat, value.lng) ? roundPoint(value) : null;
    this.show(point);
  }

  registerOnChange(fn: (value: LatLng | null) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  /** a point placed or dragged on the map */
  protected pick(point: LatLng): void {
    if (this.disabled()) return;
    this.show(point);
    this.onChange(point);
    this.onTouched();
  }

  /** a coordinate typed in a field: emitted once both are numbers in range */
  protected typed(field: 'lat' | 'lng', text: string): void {
    (field === 'lat' ? this.latText : this.lngText).set(text);
    const lat = Number(this.latText());
    const lng = Number(this.lngText());
    const latOk = this.latText().trim() !== '' && Number.isFinite(lat) && lat >= -90 && lat <= 90;
    const lngOk = this.lngText().trim() !== '' && Number.isFinite(lng) && lng >= -180 && lng <= 180;
    this.latError.set(this.latText().trim() !== '' && !latOk);
    this.lngError.set(this.lngText().trim() !== '' && !lngOk);
    if (latOk && lngOk) {
      const point = roundPoint({ lat, lng });
      this.value.set(point);
      this.onChange(point);
    } else if (this.latText().trim() === '' && this.lngText().trim() === '') {
      this.value.set(null);
      this.onChange(null);
    }
  }

  protected touched(): void {
    this.onTouched();
  }

  private show(point: LatLng | null): void {
    this.value.set(point);
    this.latText.set(point ? String(point.lat) : '');
    this.lngText.set(point ? String(point.lng) : '');
    this.latError.set(false);
    this.lngError.set(false);
  }
}
