import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import type { AcceptInvitationRequest, InvitationPreview } from '@federacycle/contracts';
import { toApiProblem } from '../../core/api/api-error';
import { applyFieldErrors, fieldErrorText } from '../../core/api/form-errors';
import { AccountApi } from '../../core/auth/account-api';
import { problemText } from '../../core/api/problem-text';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { RoleChipsComponent } from '../../shared/role-chips.component';
import { newPasswordControls, passwordsMatchValidator } from './password-form';

/** /invitations/accept?token=... : a new user chooses name and password, an existing one just accepts. */
@Component({
  selector: 'fc-accept-invitation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatInputModule,
    MatButtonModule,
    MatProgressBarModule,
    RoleChipsComponent,
  ],
  templateUrl: './accept-invitation.page.html',
})
export class AcceptInvitationPage implements OnInit {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly t = inject(I18nService).t;

  readonly token = input<string>();

  protected readonly preview = signal<InvitationPreview | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly form = new FormGroup(
    {
      name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(120)] }),
      ...newPasswordControls(),
    },
    { validators: passwordsMatchValidator },
  );

  ngOnInit(): void {
    const token = this.token();
    if (!token) return;
    this.loading.set(true);
    this.api.previewInvitation(token).subscribe({
      next: (preview) => {
        this.preview.set(preview);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(problemText(this.t, toApiProblem(error)));
        this.loading.set(false);
      },
    });
  }

  protected errorOf(name: 'name' | 'password' | 'confirm'): string {
    return fieldErrorText(this.t, this.form.controls[name]);
  }

  protected accept(): void {
    const token = this.token();
    const preview = this.preview();
    if (!token || !preview) return;
    let body: AcceptInvitationRequest = {};
    if (!preview.existingUser) {
      if (this.form.invalid) {
        this.form.markAllAsTouched();
        return;
      }
      body = { name: this.form.controls.name.value.trim(), password: this.form.controls.password.value };
    }
    this.busy.set(true);
    this.error.set(null);
    this.api.acceptInvitation(token, body).subscribe({
      next: (session) => {
        this.auth.applySession(session);
        this.busy.set(false);
        void this.router.navigateByUrl('/');
      },
      error: (error: unknown) => {
        const problem = toApiProblem(error);
        applyFieldErrors(this.form, problem.fieldErrors);
        this.error.set(problemText(this.t, problem));
        this.busy.set(false);
      },
    });
  }
}
