import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@federacycle/contracts';
import { ApiException } from '@federacycle/platform-http';

/** Requests the guard has authenticated carry their principal here. */
export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The caller, as resolved by the guard (routes with a non-public @Access only). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new ApiException(401, 'UNAUTHENTICATED', 'Sign in first');
  return principal;
});

/** The coop of a coop-scoped route: always the token's, never the path's or the body's. */
export function coopOf(principal: Principal): string {
  if (principal.coopId === null) throw new ApiException(403, 'NO_MEMBERSHIP', 'Select a cooperative first');
  return principal.coopId;
}
