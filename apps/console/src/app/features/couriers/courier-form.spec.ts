import type { CourierView } from '@federacycle/contracts';
import { courierPatchOf, createCourierForm, fillCourierForm } from './courier-form';

describe('courier form', () => {
  const courier: CourierView = {
    id: 'c1',
    userId: 'u1',
    email: 'ana@x.test',
    displayName: 'Ana',
    phone: null,
    vehicle: 'car',
    vehicleNote: 'Knee',
    capacity: { weightKg: 10, volumeLitres: 20, boxes: 2 },
    skills: ['cold_chain', 'night-owl'],
    memberOwner: true,
    active: true,
    availability: [],
    onDutySince: null,
    location: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };

  it('splits known skills from free tags and joins them back, without duplicates', () => {
    const form = createCourierForm();
    fillCourierForm(form, courier);
    expect(form.controls.skills.value).toEqual(['cold_chain']);
    expect(form.controls.tags.value).toBe('night-owl');
    form.controls.tags.setValue('Night-Owl, , cold_chain, english');
    form.controls.phone.setValue('  ');
    expect(courierPatchOf(form)).toEqual({
      displayName: 'Ana',
      phone: null,
      vehicle: 'car',
      vehicleNote: 'Knee',
      capacity: { weightKg: 10, volumeLitres: 20, boxes: 2 },
      skills: ['cold_chain', 'night-owl', 'english'],
      memberOwner: true,
      active: true,
    });
  });
});
