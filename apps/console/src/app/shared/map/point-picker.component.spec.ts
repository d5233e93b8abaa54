import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import type { LatLng } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { MapComponent } from './map.component';
import type { MapCircle, MapShape } from './map-shapes';
import { PointPickerComponent } from './point-picker.component';

/** The map stands in for Leaflet here (jsdom has no layout): what the picker gives it, and a way to "click" it. */
@Component({ selector: 'fc-map', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class MapStub {
  readonly centre = input<LatLng | null>(null);
  readonly zoom = input(12);
  readonly shapes = input<readonly MapShape[]>([]);
  readonly circle = input<MapCircle | null>(null);
  readonly marker = input<LatLng | null>(null);
  readonly markerDraggable = input(false);
  readonly pickPoint = input(false);
  readonly height = input('');
  readonly label = input('');
  readonly markerMoved = output<LatLng>();
}

@Component({
  imports: [ReactiveFormsModule, PointPickerComponent],
  template: `<fc-point-picker [formControl]="control" />`,
})
class Host {
  readonly control = new FormControl<LatLng | null>(null);
}

describe('PointPickerComponent (a form control for one point)', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [Host] });
    TestBed.overrideComponent(PointPickerComponent, {
      remove: { imports: [MapComponent] },
      add: { imports: [MapStub] },
    });
    TestBed.inject(I18nService).use('en');
  });

  async function render() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const field = (name: 'lat' | 'lng') =>
      root.querySelector<HTMLInputElement>(`input[data-field=${name}]`) as HTMLInputElement;
    const type = async (name: 'lat' | 'lng', value: string) => {
      field(name).value = value;
      field(name).dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const map = () =>
      fixture.debugElement.query((el) => el.componentInstance instanceof MapStub).componentInstance as MapStub;
    return { fixture, root, field, type, map, control: fixture.componentInstance.control };
  }

  it('shows the form value on the map and in the fields', async () => {
    const { fixture, field, map, control } = await render();
    control.setValue({ lat: 45.7578123, lng: 4.8320004 });
    await fixture.whenStable();
    expect([field('lat').value, field('lng').value]).toEqual(['45.757812', '4.832']);
    expect(map().marker()).toEqual({ lat: 45.757812, lng: 4.832 });
    expect(map().markerDraggable()).toBe(true);
  });

  it('a point placed on the map becomes the value (rounded), and fills the fields', async () => {
    const { fixture, field, map, control } = await render();
    map().markerMoved.emit({ lat: 41.3874, lng: 2.1686 });
    await fixture.whenStable();
    expect(control.value).toEqual({ lat: 41.3874, lng: 2.1686 });
    expect(control.touched).toBe(true);
    expect([field('lat').value, field('lng').value]).toEqual(['41.3874', '2.1686']);
  });

  it('typed coordinates become the value once both are in range; out of range says why and emits nothing', async () => {
    const { root, type, control } = await render();
    await type('lat', '52.52');
    expect(control.value).toBeNull();
    await type('lng', '13.405');
    expect(control.value).toEqual({ lat: 52.52, lng: 13.405 });
    await type('lat', '95');
    expect(control.value).toEqual({ lat: 52.52, lng: 13.405 });
    expect(root.querySelector('[role=alert]')?.textContent).toContain('A latitude is between -90 and 90.');
    await type('lat', '');
    await type('lng', '');
    expect(control.value).toBeNull();
  });

  it('disabled: the marker cannot move and the fields are read-only', async () => {
    const { fixture, field, map, control } = await render();
    control.setValue({ lat: 1, lng: 2 });
    control.disable();
    await fixture.whenStable();
    expect([map().markerDraggable(), map().pickPoint(), field('lat').readOnly]).toEqual([false, false, true]);
    map().markerMoved.emit({ lat: 3, lng: 4 });
    expect(control.value).toEqual({ lat: 1, lng: 2 });
  });
});
