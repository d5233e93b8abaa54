import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { CreateDeliveryRequest } from '@federacycle/contracts';
import { DeliveryFormComponent } from './delivery-form.component';

describe('the delivery form', () => {
  const setup = () => {
    TestBed.configureTestingModule({ imports: [DeliveryFormComponent], providers: [provideNoopAnimations()] });
    const fixture = TestBed.createComponent(DeliveryFormComponent);
    const emitted: CreateDeliveryRequest[] = [];
    fixture.componentInstance.create.subscribe((r) => emitted.push(r));
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const button = (text: string) =>
      Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === text) as HTMLButtonElement;
    const fill = (stop: string, name: string, value: string) => {
      const input = el.querySelector(`[data-stop=${stop}] [formcontrolname=${name}]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    return { fixture, el, emitted, button, fill };
  };

  it('takes one pickup to two dropoffs, with the first recipient’s email and language', () => {
    const { fixture, el, emitted, button, fill } = setup();
    button('Add a dropoff').click();
    fixture.detectChanges();
    expect(el.querySelectorAll('fieldset')).toHaveLength(3);
    // several dropoffs: no second pickup
    expect(button('Add a pickup').disabled).toBe(true);
    for (const [stop, address, lat, lng] of [
      ['pickup-0', '3 rue Mercière', '45.7625', '4.8339'],
      ['dropoff-0', '10 cours Vitton', '45.7699', '4.8531'],
      ['dropoff-1', '5 place Sathonay', '45.7686', '4.8307'],
    ] as const) {
      fill(stop, 'address', address);
      fill(stop, 'lat', lat);
      fill(stop, 'lng', lng);
    }
    fill('dropoff-0', 'contactEmail', ' zoe@example.fr ');
    // a pickup has no recipient to mail
    expect(el.querySelector('[data-stop=pickup-0] [formcontrolname=contactEmail]')).toBeNull();
    button('Create delivery').click();
    fixture.detectChanges();
    expect(emitted).toHaveLength(1);
    const tasks = emitted[0]?.tasks ?? [];
    expect(tasks.map((t) => [t.kind, t.address, t.contactEmail ?? null, t.contactLanguage ?? null])).toEqual([
      ['pickup', '3 rue Mercière', null, null],
      ['dropoff', '10 cours Vitton', 'zoe@example.fr', 'fr'],
      ['dropoff', '5 place Sathonay', null, null],
    ]);
    // the parcels are counted once, on the first pickup and the first dropoff
    expect(tasks.map((t) => t.packages?.length ?? 0)).toEqual([1, 1, 0]);
  });

  it('removes an added stop and refuses to send an incomplete one', () => {
    const { fixture, el, emitted, button } = setup();
    button('Add a pickup').click();
    fixture.detectChanges();
    expect(button('Add a dropoff').disabled).toBe(true);
    (el.querySelector('[data-stop=pickup-1] button.remove') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(el.querySelectorAll('fieldset')).toHaveLength(2);
    button('Create delivery').click();
    expect(emitted).toEqual([]);
  });
});
