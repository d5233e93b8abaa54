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

  it('books the dropoff in a time slot window instead of typed times, and asks for the slot’s windows', () => {
    const { fixture, el, emitted, button, fill } = setup();
    const slot = {
      id: 'b7e2c1a0-0000-4000-8000-000000000001',
      name: 'Afternoons',
      intervalMinutes: 120,
      openingHours: 'Mo-Sa 10:00-18:00',
      priorNoticeMinutes: 60,
      workingDaysOnly: false,
      capacity: 2,
      horizonDays: 7,
      createdAt: '2026-12-01T08:00:00Z',
      updatedAt: '2026-12-01T08:00:00Z',
    };
    const asked: Array<string | null> = [];
    fixture.componentInstance.slotChange.subscribe((id) => asked.push(id));
    fixture.componentRef.setInput('slots', [slot]);
    fixture.detectChanges();
    expect(el.querySelector('[data-section=time-slot]')).not.toBeNull();
    const component = fixture.componentInstance as unknown as {
      form: ReturnType<typeof import('./delivery-form.component').createDeliveryForm>;
      chooseSlot(id: string): void;
    };
    component.form.controls.timeSlotId.setValue(slot.id);
    component.chooseSlot(slot.id);
    fixture.componentRef.setInput('choices', [
      { start: '2026-12-09T11:00:00.000Z', end: '2026-12-09T13:00:00.000Z', booked: 1, remaining: 1 },
    ]);
    fixture.detectChanges();
    expect(asked).toEqual([slot.id]);
    // the dropoff's own window fields give way to the slot's
    expect(el.querySelector('[data-stop=dropoff-0] [formcontrolname=after]')).toBeNull();
    expect(el.querySelector('[data-stop=pickup-0] [formcontrolname=after]')).not.toBeNull();
    component.form.controls.slotWindow.setValue('2026-12-09T11:00:00.000Z/2026-12-09T13:00:00.000Z');
    for (const [stop, address, lat, lng] of [
      ['pickup-0', '3 rue Mercière', '45.7625', '4.8339'],
      ['dropoff-0', '10 cours Vitton', '45.7699', '4.8531'],
    ] as const) {
      fill(stop, 'address', address);
      fill(stop, 'lat', lat);
      fill(stop, 'lng', lng);
    }
    button('Create delivery').click();
    expect(emitted).toHaveLength(1);
    expect(emitted[0]?.timeSlotId).toBe(slot.id);
    expect(emitted[0]?.tasks[1]).toMatchObject({
      after: '2026-12-09T11:00:00.000Z',
      before: '2026-12-09T13:00:00.000Z',
    });
    expect(emitted[0]?.tasks[0]).toMatchObject({ after: null, before: null });
  });
});
