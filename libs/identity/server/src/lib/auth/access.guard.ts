import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { defineAbilityFor, type Permission } from '@federacycle/contracts';
import { TenantContext } from '@federacycle/platform-database';
import { ACCESS_METADATA, ApiException, describePermission } from '@federacycle/platform-http';
import { SessionsService, callerOf } from '../sessions/sessions.service';
import { AccessTokenService } from './access-token.service';
import type { AuthenticatedRequest } from './current-principal.decorator';

interface RequestWithHeaders extends AuthenticatedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Methods that change nothing: their session check may travel with their first unit of work. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

/**
 * The global guard (APP_GUARD): denies by default. A route without @Access is refused;
 * `public` routes pass; every other route needs a valid access token; the work context is
 * narrowed to the token's coop; the route's permission is checked with the CASL ability of
 * the roles the token carries. The session check (session live, user active, membership
 * active with those same roles) runs before a write request's handler; a read request's
 * check is deferred to its first unit of work, where it travels in the same round trip,
 * ahead of the work, and aborts the work when it fails; when the handler did no database
 * work, the check runs before its answer is sent (PreconditionExpressAdapter, ApiErrorFilter).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AccessTokenService) private readonly tokens: AccessTokenService,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (permission === undefined) throw ApiException.forbidden('This endpoint declares no access rule');
    if (permission === 'public') return true;

    const request = context.switchToHttp().getRequest<RequestWithHeaders>();
    const header = request.headers['authorization'];
    if (typeof header !== 'string' || header === '') throw new ApiException(401, 'UNAUTHENTICATED', 'Sign in first');
    const match = BEARER.exec(header);
    if (!match) throw new ApiException(401, 'TOKEN_INVALID', 'The access token is not valid; sign in again');
    const claims = this.tokens.verify(match[1] as string);
    const caller = callerOf(claims);
    TenantContext.enterCoop(caller.coopId, caller.userId);
    request.principal = caller;
    if (SAFE_METHODS.has(request.method)) TenantContext.requirePrecondition(this.sessions.sessionCheck(claims));
    else await this.sessions.assertSession(claims);
    if (permission === 'authenticated') return true;
    const ability = defineAbilityFor(caller);
    if (!ability.can(permission.action, permission.subject)) {
      // a session that has ended is told so (401) rather than what its roles once lacked
      if (SAFE_METHODS.has(request.method)) await this.sessions.assertSession(claims);
      throw ApiException.forbidden(`This needs the permission ${describePermission(permission)}`);
    }
    return true;
  }
}
