import { FormControl, FormGroup, Validators } from '@angular/forms';
import { COURIER_SKILLS, type CourierPatch, type CourierView, type Vehicle } from '@federacycle/contracts';

export type CourierForm = FormGroup<{
  userId: FormControl<string>;
  displayName: FormControl<string>;
  phone: FormControl<string>;
  vehicle: FormControl<Vehicle>;
  vehicleNote: FormControl<string>;
  weightKg: FormControl<number>;
  volumeLitres: FormControl<number>;
  boxes: FormControl<number>;
  skills: FormControl<string[]>;
  tags: FormControl<string>;
  memberOwner: FormControl<boolean>;
  active: FormControl<boolean>;
}>;

export function createCourierForm(): CourierForm {
  const int = (max: number) => [Validators.required, Validators.min(0), Validators.max(max)];
  return new FormGroup({
    userId: new FormControl('', { nonNullable: true }),
    displayName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(80)],
    }),
    phone: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(32)] }),
    vehicle: new FormControl<Vehicle>('bike', { nonNullable: true, validators: [Validators.required] }),
    vehicleNote: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
    weightKg: new FormControl(20, { nonNullable: true, validators: int(1000) }),
    volumeLitres: new FormControl(40, { nonNullable: true, validators: int(5000) }),
    boxes: new FormControl(1, { nonNullable: true, validators: int(100) }),
    skills: new FormControl<string[]>([], { nonNullable: true }),
    tags: new FormControl('', { nonNullable: true }),
    memberOwner: new FormControl(false, { nonNullable: true }),
    active: new FormControl(true, { nonNullable: true }),
  });
}

const isKnown = (s: string) => (COURIER_SKILLS as readonly string[]).includes(s);

/** Fills the form from a profile (known skills as checkboxes, the rest as free tags). */
export function fillCourierForm(form: CourierForm, c: CourierView): void {
  form.setValue({
    userId: c.userId,
    displayName: c.displayName,
    phone: c.phone ?? '',
    vehicle: c.vehicle,
    vehicleNote: c.vehicleNote ?? '',
    weightKg: c.capacity.weightKg,
    volumeLitres: c.capacity.volumeLitres,
    boxes: c.capacity.boxes,
    skills: c.skills.filter(isKnown),
    tags: c.skills.filter((s) => !isKnown(s)).join(', '),
    memberOwner: c.memberOwner,
    active: c.active,
  });
}

/** The request body of the form (the server normalizes and validates again). */
export function courierPatchOf(
  form: CourierForm,
): Required<Omit<CourierPatch, 'capacity'>> & Pick<CourierPatch, 'capacity'> {
  const v = form.getRawValue();
  const tags = v.tags
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  return {
    displayName: v.displayName.trim(),
    phone: v.phone.trim() === '' ? null : v.phone.trim(),
    vehicle: v.vehicle,
    vehicleNote: v.vehicleNote.trim() === '' ? null : v.vehicleNote.trim(),
    capacity: { weightKg: Number(v.weightKg), volumeLitres: Number(v.volumeLitres), boxes: Number(v.boxes) },
    skills: [...v.skills, ...tags.filter((t) => !v.skills.includes(t))],
    memberOwner: v.memberOwner,
    active: v.active,
  };
}
