import type { CountryView, FieldError } from '@federacycle/contracts';
import {
  STATUTES_MAX_BYTES,
  applyApplicationCode,
  applyApplicationFieldErrors,
  applyCountry,
  applyLegalForm,
  createApplicationForm,
  registrationShape,
  toApplicationRequest,
  type ApplicationForm,
} from './application-form';

const FR: CountryView = {
  code: 'FR',
  registrationHint: '9 digits (SIREN)',
  registrationExample: '732 829 320',
  legalForms: [
    {
      id: 'fr-scop',
      labels: { en: 'SCOP', fr: 'SCOP' },
      socialEconomyDeclarationApplicable: false,
      requiresJustification: false,
    },
    {
      id: 'fr-scic',
      labels: { en: 'SCIC', fr: 'SCIC' },
      socialEconomyDeclarationApplicable: true,
      requiresJustification: false,
    },
    {
      id: 'other',
      labels: { en: 'Other', fr: 'Autre' },
      socialEconomyDeclarationApplicable: false,
      requiresJustification: true,
    },
  ],
};

function pdf(size = 1024, type = 'application/pdf', name = 'statuts.pdf'): File {
  const file = new File(['%PDF-1.7'], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

function withCountry(): ApplicationForm {
  const form = createApplicationForm();
  form.controls.coop.controls.country.setValue('FR');
  applyCountry(form, FR);
  return form;
}

describe('application form, step 1 (cooperative)', () => {
  it('requires name, city, country, time zone and currency', () => {
    const step = createApplicationForm().controls.coop;
    expect(step.valid).toBe(false);
    expect(step.controls.name.errors).toEqual({ required: true });
    expect(step.controls.country.errors).toEqual({ required: true });
  });

  it('suggests the zone and currency of the chosen country and accepts the step', () => {
    const form = withCountry();
    const coop = form.controls.coop;
    coop.patchValue({ name: 'Roue Libre', city: 'Nantes' });
    expect(coop.controls.timezone.value).toBe('Europe/Paris');
    expect(coop.controls.currency.value).toBe('EUR');
    expect(coop.valid).toBe(true);
  });

  it('rejects a time zone that is not an IANA name', () => {
    const form = withCountry();
    form.controls.coop.controls.timezone.setValue('Paris time');
    expect(form.controls.coop.controls.timezone.hasError('pattern')).toBe(true);
  });
});

describe('application form, step 2 (legal form, registration, statutes)', () => {
  it('requires a legal form, a registration number and the statutes', () => {
    const legal = withCountry().controls.legal;
    expect(legal.controls.legalForm.hasError('required')).toBe(true);
    expect(legal.controls.registrationNumber.hasError('required')).toBe(true);
    expect(legal.controls.statutes.hasError('required')).toBe(true);
  });

  it('checks the shape of the registration number against the catalogue example', () => {
    const control = withCountry().controls.legal.controls.registrationNumber;
    control.setValue('12345');
    expect(control.errors).toEqual({ registrationFormat: { example: '732 829 320' } });
    control.setValue('732829320');
    expect(control.valid).toBe(true);
    control.setValue('732-829-320');
    expect(control.valid).toBe(true);
    expect(registrationShape('B 123.456')).toBe('A999999');
  });

  it('requires a justification of at least 50 characters for "other" only', () => {
    const form = withCountry();
    const justification = form.controls.legal.controls.legalFormJustification;
    applyLegalForm(form, FR.legalForms[0]);
    expect(justification.valid).toBe(true);
    applyLegalForm(form, FR.legalForms[2]);
    expect(justification.hasError('required')).toBe(true);
    justification.setValue('too short');
    expect(justification.hasError('minlength')).toBe(true);
    justification.setValue('x'.repeat(50));
    expect(justification.valid).toBe(true);
  });

  it('accepts a PDF only, not empty, not too large', () => {
    const statutes = withCountry().controls.legal.controls.statutes;
    statutes.setValue(pdf(1024, 'image/png', 'scan.png'));
    expect(statutes.hasError('statutesType')).toBe(true);
    statutes.setValue(pdf(0));
    expect(statutes.hasError('statutesEmpty')).toBe(true);
    statutes.setValue(pdf(STATUTES_MAX_BYTES + 1));
    expect(statutes.hasError('statutesSize')).toBe(true);
    statutes.setValue(pdf(2048, '', 'STATUTS.PDF'));
    expect(statutes.valid).toBe(true);
  });

  it('forgets a legal form that the new country does not have', () => {
    const form = withCountry();
    form.controls.legal.controls.legalForm.setValue('fr-scop');
    applyCountry(form, { ...FR, code: 'BE', legalForms: [] });
    expect(form.controls.legal.controls.legalForm.value).toBe('');
  });
});

describe('application form, step 3 (declarations and first admin)', () => {
  it('requires the workers declaration and a valid admin email', () => {
    const step = withCountry().controls.declarations;
    expect(step.controls.workersAreMembersOrEmployees.hasError('required')).toBe(true);
    step.patchValue({ workersAreMembersOrEmployees: true, adminName: 'Zoé', adminEmail: 'not-an-email' });
    expect(step.controls.adminEmail.hasError('email')).toBe(true);
    step.controls.adminEmail.setValue('zoe@roue-libre.coop');
    expect(step.valid).toBe(true);
  });

  it('requires the social-economy declaration only when the legal form says so', () => {
    const form = withCountry();
    const social = form.controls.declarations.controls.socialEconomyStatus;
    applyLegalForm(form, FR.legalForms[0]);
    expect(social.valid).toBe(true);
    applyLegalForm(form, FR.legalForms[1]);
    expect(social.hasError('required')).toBe(true);
    social.setValue(true);
    expect(social.valid).toBe(true);
  });
});

describe('application form, step 4 (review and submit)', () => {
  function filled(legalFormIndex: number): ApplicationForm {
    const form = withCountry();
    form.controls.coop.patchValue({ name: ' Roue Libre ', city: 'Nantes' });
    form.controls.legal.patchValue({
      legalForm: FR.legalForms[legalFormIndex].id,
      registrationNumber: ' 732 829 320 ',
      legalFormJustification: 'ignored unless required',
      statutes: pdf(),
    });
    applyLegalForm(form, FR.legalForms[legalFormIndex]);
    form.controls.declarations.patchValue({
      workersAreMembersOrEmployees: true,
      socialEconomyStatus: true,
      adminName: 'Zoé Martin',
      adminEmail: 'zoe@roue-libre.coop',
    });
    return form;
  }

  it('builds the request without the parts the legal form does not ask for', () => {
    const form = filled(0);
    expect(form.valid).toBe(true);
    expect(toApplicationRequest(form, FR.legalForms[0])).toEqual({
      name: 'Roue Libre',
      city: 'Nantes',
      country: 'FR',
      timezone: 'Europe/Paris',
      currency: 'EUR',
      legalForm: 'fr-scop',
      registrationNumber: '732 829 320',
      declarations: { workersAreMembersOrEmployees: true },
      admin: { name: 'Zoé Martin', email: 'zoe@roue-libre.coop' },
    });
  });

  it('includes the social-economy declaration when applicable', () => {
    const form = filled(1);
    expect(toApplicationRequest(form, FR.legalForms[1]).declarations).toEqual({
      workersAreMembersOrEmployees: true,
      socialEconomyStatus: true,
    });
  });

  it('puts server errors on their fields and returns the first step concerned', () => {
    const form = filled(0);
    const errors: FieldError[] = [
      { field: 'admin.email', code: 'isEmail', message: 'bad' },
      { field: 'registrationNumber', code: 'REGISTRATION_CHECKSUM', message: 'bad' },
    ];
    expect(applyApplicationFieldErrors(form, errors)).toBe(1);
    expect(form.controls.declarations.controls.adminEmail.errors).toEqual({ server: 'isEmail' });
    expect(form.controls.legal.controls.registrationNumber.errors).toEqual({ server: 'REGISTRATION_CHECKSUM' });
  });

  it('maps a whole-request code to its field', () => {
    const form = filled(0);
    expect(applyApplicationCode(form, 'DUPLICATE_REGISTRATION')).toBe(1);
    expect(form.controls.legal.controls.registrationNumber.errors).toEqual({ server: 'DUPLICATE_REGISTRATION' });
    expect(applyApplicationCode(form, 'INTERNAL')).toBe(-1);
  });
});
