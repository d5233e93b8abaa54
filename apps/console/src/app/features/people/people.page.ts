import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CoopRole, CreateInvitationRequest, FieldError, InvitationView, MemberView } from '@federacycle/contracts';
import type { Observable } from 'rxjs';
import { toApiProblem, type ProblemOverrides } from '../../core/api/api-error';
import { problemText, toProblemText } from '../../core/api/problem-text';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { EmptyStateComponent } from '../../shared/empty-state.component';
import { DataListComponent, type ListColumn } from '../../shared/list/data-list.component';
import { ListCellDirective } from '../../shared/list/list-cell.directive';
import { injectPagedList } from '../../shared/list/paged-list';
import { RoleChipsComponent } from '../../shared/role-chips.component';
import {
  StatusChipComponent,
  invitationState,
  invitationTone,
  type InvitationState,
} from '../../shared/status-chip.component';
import { ChangeRolesDialog, type ChangeRolesDialogData } from './change-roles.dialog';
import { PeopleApi } from './data/people-api';
import { InviteFormComponent } from './invite-form.component';
import { MemberActionButtonsComponent } from './member-action-buttons.component';
import { isMemberActive } from './member-actions';

/** Container: the coop admin's people (members, invitations), each list paged by the API. */
@Component({
  selector: 'fc-people-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCardModule,
    DataListComponent,
    ListCellDirective,
    EmptyStateComponent,
    RoleChipsComponent,
    StatusChipComponent,
    InviteFormComponent,
    MemberActionButtonsComponent,
  ],
  templateUrl: './people.page.html',
  styleUrl: './people.page.scss',
})
export class PeoplePage implements OnInit {
  private readonly api = inject(PeopleApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly active = isMemberActive;

  protected readonly members = injectPagedList((page) => this.api.listMembers(page));
  protected readonly invitations = injectPagedList((page) => this.api.listInvitations(page));
  protected readonly membersError = computed(() => this.errorText(this.members.error()));
  protected readonly invitationsError = computed(() => this.errorText(this.invitations.error()));
  protected readonly busyIds = signal<string[]>([]);
  protected readonly inviting = signal(false);
  protected readonly inviteError = signal<string | null>(null);
  protected readonly inviteFieldErrors = signal<FieldError[]>([]);
  private readonly inviteForm = viewChild(InviteFormComponent);

  protected readonly memberColumns = computed<ListColumn[]>(() => [
    { id: 'name', header: this.t('people.colName') },
    { id: 'email', header: this.t('people.colEmail') },
    { id: 'roles', header: this.t('people.colRoles') },
    { id: 'status', header: this.t('people.colStatus') },
    { id: 'actions', header: this.t('people.colActions'), actions: true },
  ]);
  protected readonly invitationColumns = computed<ListColumn[]>(() => [
    { id: 'email', header: this.t('people.colEmail') },
    { id: 'roles', header: this.t('people.colRoles') },
    { id: 'status', header: this.t('people.colStatus') },
    { id: 'actions', header: this.t('people.colActions'), actions: true },
  ]);
  protected readonly memberId = (m: MemberView): string => m.userId;
  protected readonly invitationId = (i: InvitationView): string => i.id;

  ngOnInit(): void {
    this.members.load();
    this.invitations.load();
  }

  protected state(invitation: InvitationView): InvitationState {
    return invitationState(invitation);
  }

  protected readonly invitationTone = invitationTone;

  protected stateLabel(invitation: InvitationView): string {
    const state = invitationState(invitation);
    if (state === 'pending') {
      return this.t('people.pendingUntil', { date: this.i18n.formatDate(invitation.expiresAt) });
    }
    return this.t(state === 'accepted' ? 'people.accepted' : 'people.expired');
  }

  protected changeRoles(member: MemberView): void {
    const ref = this.dialog.open<ChangeRolesDialog, ChangeRolesDialogData, CoopRole[]>(ChangeRolesDialog, {
      data: { member },
      width: '420px',
      maxWidth: '95vw',
    });
    ref.afterClosed().subscribe((roles) => {
      if (!roles) return;
      const overrides: ProblemOverrides = this.isSelf(member) ? { CONFLICT: 'people.cannotDropOwnAdmin' } : {};
      this.withBusy(
        member.userId,
        this.api.updateRoles(member.userId, { roles }),
        (updated) => {
          this.members.replace((m) => m.userId === updated.userId, updated);
          this.notify(this.t('people.rolesSaved', { name: updated.name }));
        },
        overrides,
      );
    });
  }

  protected toggleEnabled(member: MemberView): void {
    const enable = !isMemberActive(member);
    // the server refuses with CONFLICT and says why; for oneself the reason is known and translated
    const overrides: ProblemOverrides = !enable && this.isSelf(member) ? { CONFLICT: 'people.cannotDisableSelf' } : {};
    this.withBusy(
      member.userId,
      this.api.setEnabled(member.userId, enable),
      (updated) => {
        this.members.replace((m) => m.userId === updated.userId, updated);
        this.notify(this.t(enable ? 'people.enabled' : 'people.disabled', { name: updated.name }));
      },
      overrides,
    );
  }

  protected invite(request: CreateInvitationRequest): void {
    this.inviting.set(true);
    this.inviteError.set(null);
    this.inviteFieldErrors.set([]);
    this.api.createInvitation(request).subscribe({
      next: (invitation) => {
        this.inviteForm()?.reset();
        this.inviting.set(false);
        // a re-invite replaces the email's pending invitation: its earlier link stops working
        this.notify(
          this.t(invitation.replaced ? 'people.invitedReplacing' : 'people.invited', { email: invitation.email }),
        );
        // newest first: the new invitation is at the top of the first page
        this.invitations.restart();
      },
      error: (error: unknown) => {
        const problem = toApiProblem(error);
        this.inviteFieldErrors.set(problem.fieldErrors);
        this.inviteError.set(problemText(this.t, problem));
        this.inviting.set(false);
      },
    });
  }

  protected revoke(invitation: InvitationView): void {
    this.withBusy(invitation.id, this.api.revokeInvitation(invitation.id), () => {
      this.notify(this.t('people.revoked', { email: invitation.email }));
      this.invitations.load();
    });
  }

  private isSelf(member: MemberView): boolean {
    return member.userId === this.auth.principal()?.userId;
  }

  private errorText(error: unknown): string | null {
    return error === null ? null : toProblemText(this.t, error);
  }

  private withBusy<T>(
    id: string,
    call: Observable<T>,
    onSuccess: (value: T) => void,
    overrides?: ProblemOverrides,
  ): void {
    this.busyIds.update((ids) => [...ids, id]);
    const done = (): void => this.busyIds.update((ids) => ids.filter((x) => x !== id));
    call.subscribe({
      next: (value) => {
        done();
        onSuccess(value);
      },
      error: (error: unknown) => {
        done();
        this.notify(toProblemText(this.t, error, overrides));
      },
    });
  }

  private notify(message: string): void {
    this.snackBar.open(message, this.t('common.close'), { duration: 6000 });
  }
}
