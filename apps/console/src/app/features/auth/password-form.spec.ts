import { createNewPasswordForm } from './password-form';
import { createSignInForm, safeReturnUrl } from './sign-in.page';

describe('sign-in form', () => {
  it('requires a valid email and a password', () => {
    const form = createSignInForm();
    expect(form.valid).toBe(false);
    expect(form.controls.email.hasError('required')).toBe(true);

    form.setValue({ email: 'not-an-email', password: 'x' });
    expect(form.controls.email.hasError('email')).toBe(true);

    form.setValue({ email: 'ada@example.coop', password: 'x' });
    expect(form.valid).toBe(true);
  });

  it('only follows same-app return URLs', () => {
    expect(safeReturnUrl('/people')).toBe('/people');
    expect(safeReturnUrl('//evil.example')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl(undefined)).toBe('/');
  });
});

describe('new password form', () => {
  it('asks for at least 10 characters', () => {
    const form = createNewPasswordForm();
    form.setValue({ password: 'short', confirm: 'short' });
    expect(form.controls.password.hasError('minlength')).toBe(true);
  });

  it('flags a confirmation that differs', () => {
    const form = createNewPasswordForm();
    form.setValue({ password: 'long enough 1', confirm: 'long enough 2' });
    expect(form.hasError('passwordsDiffer')).toBe(true);
    expect(form.valid).toBe(false);

    form.controls.confirm.setValue('long enough 1');
    expect(form.valid).toBe(true);
  });
});
