import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { PartnerPrincipal, Principal } from '@federacycle/contracts';
import { ApiException } from './api-exception';

/**
 * Who is calling, as the verified access token says: the guard authorizes with these roles and
 * the session check refuses the token once they no longer match the membership. (Name and email
 * are not in the token; GET /api/auth/me reads them.)
 */
export type Caller = Pick<Principal, 'userId' | 'coopId' | 'roles' | 'platformRoles' | 'sessionId' | 'merchantIds'>;

/** Requests the guard has authenticated carry their caller here. */
export interface AuthenticatedRequest {
  principal?: Caller;
  /** on a partner route: the partner client the credential belongs to (never with `principal`) */
  partner?: PartnerPrincipal;
}

/** The caller, as resolved by the guard (routes with a non-public @Access only). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new ApiException(401, 'UNAUTHENTICATED', 'Sign in first');
  return principal;
});

/** The partner client calling a partner route (`@PartnerAccess`), as its credential says. */
export const CurrentPartner = createParamDecorator((_data: unknown, context: ExecutionContext): PartnerPrincipal => {
  const partner = context.switchToHttp().getRequest<AuthenticatedRequest>().partner;
  if (!partner) throw new ApiException(401, 'PARTNER_CREDENTIALS_INVALID', 'Send a partner API key or token');
  return partner;
});

/** The coop of a coop-scoped route: always the token's, never the path's or the body's. */
export function coopOf(principal: Caller): string {
  if (principal.coopId === null) throw new ApiException(403, 'NO_MEMBERSHIP', 'Select a cooperative first');
  return principal.coopId;
}
