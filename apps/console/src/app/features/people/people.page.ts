import { ChangeDetectionStrategy, Component, OnInit, inject, signal, viewChild } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CoopRole, CreateInvitationRequest, FieldError, InvitationView, MemberView } from '@federacycle/contracts';
import { forkJoin, type Observable } from 'rxjs';
import { toApiProblem } from '../../core/api/api-error';
import { PeopleApi } from '../../core/api/identity-api.service';
import { problemText, toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { injectIsCompact } from '../../core/layout/breakpoints';
import { ChangeRolesDialog, type ChangeRolesDialogData } from './change-roles.dialog';
import { InvitationsListComponent } from './invitations-list.component';
import { InviteFormComponent } from './invite-form.component';
import { isMemberActive } from './member-actions';
import { MemberCardsComponent } from './member-cards.component';
import { MembersTableComponent } from './members-table.component';

/** Container: the coop admin's people (members, invitations). */
@Component({
  selector: 'fc-people-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatCardModule,
    MatProgressBarModule,
    MembersTableComponent,
    MemberCardsComponent,
    InviteFormComponent,
    InvitationsListComponent,
  ],
  templateUrl: './people.page.html',
  styleUrl: './people.page.scss',
})
export class PeoplePage implements OnInit {
  private readonly api = inject(PeopleApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly t = inject(I18nService).t;
  protected readonly compact = injectIsCompact();

  protected readonly members = signal<MemberView[]>([]);
  protected readonly invitations = signal<InvitationView[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busyIds = signal<string[]>([]);
  protected readonly inviting = signal(false);
  protected readonly inviteError = signal<string | null>(null);
  protected readonly inviteFieldErrors = signal<FieldError[]>([]);
  private readonly inviteForm = viewChild(InviteFormComponent);

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    forkJoin([this.api.listMembers(), this.api.listInvitations()]).subscribe({
      next: ([members, invitations]) => {
        this.members.set(members.items);
        this.invitations.set(invitations.items.filter((i) => i.acceptedAt === null));
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loadError.set(toProblemText(this.t, error));
        this.loading.set(false);
      },
    });
  }

  protected changeRoles(member: MemberView): void {
    const ref = this.dialog.open<ChangeRolesDialog, ChangeRolesDialogData, CoopRole[]>(ChangeRolesDialog, {
      data: { member },
      width: '420px',
      maxWidth: '95vw',
    });
    ref.afterClosed().subscribe((roles) => {
      if (!roles) return;
      this.withBusy(member.userId, this.api.updateRoles(member.userId, { roles }), (updated) => {
        this.replaceMember(updated);
        this.notify(this.t('people.rolesSaved', { name: updated.name }));
      });
    });
  }

  protected toggleEnabled(member: MemberView): void {
    const enable = !isMemberActive(member);
    this.withBusy(member.userId, this.api.setEnabled(member.userId, enable), (updated) => {
      this.replaceMember(updated);
      this.notify(this.t(enable ? 'people.enabled' : 'people.disabled', { name: updated.name }));
    });
  }

  protected invite(request: CreateInvitationRequest): void {
    this.inviting.set(true);
    this.inviteError.set(null);
    this.inviteFieldErrors.set([]);
    this.api.createInvitation(request).subscribe({
      next: (invitation) => {
        this.invitations.update((list) => [invitation, ...list.filter((i) => i.id !== invitation.id)]);
        this.inviteForm()?.reset();
        this.inviting.set(false);
        this.notify(this.t('people.invited', { email: invitation.email }));
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
      this.invitations.update((list) => list.filter((i) => i.id !== invitation.id));
      this.notify(this.t('people.revoked', { email: invitation.email }));
    });
  }

  private withBusy<T>(id: string, call: Observable<T>, onSuccess: (value: T) => void): void {
    this.busyIds.update((ids) => [...ids, id]);
    const done = (): void => this.busyIds.update((ids) => ids.filter((x) => x !== id));
    call.subscribe({
      next: (value) => {
        done();
        onSuccess(value);
      },
      error: (error: unknown) => {
        done();
        this.notify(toProblemText(this.t, error));
      },
    });
  }

  private replaceMember(updated: MemberView): void {
    this.members.update((list) => list.map((m) => (m.userId === updated.userId ? updated : m)));
  }

  private notify(message: string): void {
    this.snackBar.open(message, this.t('common.close'), { duration: 5000 });
  }
}
