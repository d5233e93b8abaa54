import type { MemberView } from '@federacycle/contracts';

/** A member is shown as disabled when the membership or the whole account is disabled. */
export function isMemberActive(member: MemberView): boolean {
  return member.membershipStatus === 'active' && member.status === 'active';
}
