import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { defineAbilityFor, type Permission } from '@federacycle/contracts';
import { TenantContext } from '@federacycle/platform-database';
import { ACCESS_METADATA, ApiException, describePermission } from '@federacycle/platform-http';
import { SessionsService } from '../sessions/sessions.service';
import { AccessTokenService } from './access-token.service';
import type { AuthenticatedRequest } from './current-principal.decorator';

interface RequestWithHeaders extends AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

/**
 * The global guard (APP_GUARD): denies by default. A route without @Access is refused;
 * `public` routes pass; every other route needs a valid access token whose session, user
 * and membership are still live; the work context is narrowed to the token's coop; the
 * route's permission is checked with the CASL ability of the principal.
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
    const principal = await this.sessions.principalFor(claims);
    TenantContext.enterCoop(principal.coopId, principal.userId);
    request.principal = principal;
    if (permission === 'authenticated') return true;
    const ability = defineAbilityFor(principal);
    if (!ability.can(permission.action, permission.subject)) {
      throw ApiException.forbidden(`This needs the permission ${describePermission(permission)}`);
    }
    return true;
  }
}
