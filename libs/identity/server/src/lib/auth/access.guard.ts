import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  defineAbilityFor,
  isPartnerPermission,
  partnerScopeAllows,
  type PartnerRouteScope,
  type Permission,
  type PersonPermission,
} from '@federacycle/contracts';
import { Database, TenantContext } from '@federacycle/platform-database';
import { ACCESS_METADATA, ApiException, describePermission } from '@federacycle/platform-http';
import { ALLOWED_WHILE_COOP_READ_ONLY } from './coop-read-only.decorator';
import type { AuthenticatedRequest, Caller } from './current-principal.decorator';
import { AuthStrategyRegistry } from './strategies/auth-strategy.registry';

type RequestWithHeaders = AuthenticatedRequest & IncomingMessage & { method: string };

/** Methods that change nothing: their session check may travel with their first unit of work. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * The global guard (APP_GUARD): denies by default. A route without @Access is refused;
 * `public` routes pass; every other route needs a credential that a registered passport
 * strategy accepts (today the access JWT, strategy 'jwt', chosen by the `Authorization`
 * scheme); the work context is narrowed to the caller's coop; the route's permission is
 * checked with the CASL ability of the roles the token carries. The session check (session
 * live, user active, membership active with those same roles) runs before a write request's
 * handler, joined with the coop's standing (a suspended or offboarding coop is read-only:
 * 403 COOP_SUSPENDED); a read request's check is deferred to its first unit of work, where it
 * travels in the same round trip, ahead of the work, and aborts the work when it fails; when
 * the handler did no database work, the check runs before its answer is sent
 * (PreconditionExpressAdapter, ApiErrorFilter).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthStrategyRegistry) private readonly strategies: AuthStrategyRegistry,
    @Inject(Database) private readonly db: Database,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(ACCESS_METADATA, targets);
    if (permission === undefined) throw ApiException.forbidden('This endpoint declares no access rule');
    if (permission === 'public') return true;

    const http = context.switchToHttp();
    const request = http.getRequest<RequestWithHeaders>();
    if (isPartnerPermission(permission))
      return this.partner(request, http.getResponse<ServerResponse>(), permission.partner);
    const header = request.headers['authorization'];
    if (typeof header !== 'string' || header === '') throw new ApiException(401, 'UNAUTHENTICATED', 'Sign in first');
    const strategy = this.strategies.forHeader(header);
    if (!strategy) throw new ApiException(401, 'TOKEN_INVALID', 'The access token is not valid; sign in again');
    const auth = await this.strategies.authenticate(strategy.name, request, http.getResponse<ServerResponse>());
    const caller = auth.caller;
    TenantContext.enterCoop(caller.coopId, caller.userId);
    request.principal = caller;
    const read = SAFE_METHODS.has(request.method);
    const check = auth.check(!read && this.isCoopWrite(caller, permission, targets));
    if (read) TenantContext.requirePrecondition(check);
    else await this.db.check(check);
    if (permission === 'authenticated') return true;
    const ability = defineAbilityFor(caller);
    if (!ability.can(permission.action, permission.subject)) {
      // a session that has ended is told so (401) rather than what its roles once lacked
      if (read) await this.db.check(check);
      throw ApiException.forbidden(`This needs the permission ${describePermission(permission)}`);
    }
    return true;
  }

  /**
   * A partner route: only a partner strategy may vouch (a person's token is refused with 401
   * PARTNER_CREDENTIALS_INVALID); the work context enters the partner's coop as for people, the
   * credential must hold the route's scope (`deliveries` implies `deliveries:read`), and its
   * liveness check travels like a person's session check (deferred for reads, first for writes).
   */
  private async partner(
    request: RequestWithHeaders,
    response: ServerResponse,
    scope: PartnerRouteScope,
  ): Promise<boolean> {
    const auth = await this.strategies.authenticatePartner(request, response);
    const partner = auth.partner;
    TenantContext.enterCoop(partner.coopId, partner.clientId);
    request.partner = partner;
    const check = auth.check();
    if (!check.passed) {
      if (SAFE_METHODS.has(request.method)) TenantContext.requirePrecondition(check);
      else await this.db.check(check);
    }
    if (!partnerScopeAllows(partner.scopes, scope)) {
      if (!check.passed) await this.db.check(check);
      throw new ApiException(403, 'PARTNER_SCOPE_MISSING', `This needs the partner scope ${scope}`);
    }
    return true;
  }

  /**
   * A write that the coop's standing must allow: the caller acts for a coop (the token names
   * one), the route is not marked @AllowedWhileCoopReadOnly, and the caller's platform roles
   * alone would not allow it (what the federation does is not the coop's write).
   */
  private isCoopWrite(
    caller: Caller,
    permission: PersonPermission | 'authenticated',
    targets: Parameters<Reflector['getAllAndOverride']>[1],
  ): boolean {
    if (caller.coopId === null) return false;
    if (this.reflector.getAllAndOverride<boolean | undefined>(ALLOWED_WHILE_COOP_READ_ONLY, targets)) return false;
    if (permission === 'authenticated' || caller.platformRoles.length === 0) return true;
    const asFederation = defineAbilityFor({ coopId: null, roles: [], platformRoles: caller.platformRoles });
    return !asFederation.can(permission.action, permission.subject);
  }
}
