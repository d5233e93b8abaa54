import { Controller, Get, Post, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '@federacycle/platform-config';
import type { CoopRole } from '@federacycle/contracts';
import { TenantContext, type Database, type Precondition } from '@federacycle/platform-database';
import { Access, ApiException } from '@federacycle/platform-http';
import type { SessionsService } from '../sessions/sessions.service';
import { AccessGuard } from './access.guard';
import { AccessTokenService, type AccessClaims } from './access-token.service';
import { AllowedWhileCoopReadOnly } from './coop-read-only.decorator';
import type { Caller } from './current-principal.decorator';
import { AccessTokenStrategy } from './strategies/access-token.strategy';
import { AuthStrategyRegistry } from './strategies/auth-strategy.registry';

@Controller('probe')
class ProbeController {
  @Get('undeclared')
  undeclared(): string {
    return 'should never run';
  }

  @Get('public')
  @Access('public')
  open(): string {
    return 'ok';
  }

  @Get('members')
  @Access({ action: 'read', subject: 'Member' })
  members(): string {
    return 'ok';
  }

  @Post('sign-out')
  @Access('authenticated')
  @AllowedWhileCoopReadOnly()
  signOut(): string {
    return 'ok';
  }

  @Post('federation')
  @Access({ action: 'manage', subject: 'Coop' })
  federation(): string {
    return 'ok';
  }
}

const config = {
  jwtSecret: 's'.repeat(40),
  jwtIssuer: 'federacycle',
  jwtAudience: 'federacycle-api',
  accessTokenTtlSeconds: 900,
} as AppConfig;
const coop = '33333333-3333-4333-8333-333333333333';
const user = '11111111-1111-4111-8111-111111111111';
const session = '22222222-2222-4222-8222-222222222222';

interface ProbeRequest {
  method: string;
  headers: Record<string, string>;
  principal?: Caller;
}

function contextFor(
  handler: keyof ProbeController,
  authorization?: string,
  method = 'GET',
): { context: ExecutionContext; request: ProbeRequest } {
  const request: ProbeRequest = { method, headers: authorization ? { authorization } : {} };
  const context = {
    getHandler: () => ProbeController.prototype[handler],
    getClass: () => ProbeController,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}) }),
  } as unknown as ExecutionContext;
  return { context, request };
}

async function outcome(promise: Promise<boolean>): Promise<string> {
  try {
    return String(await promise);
  } catch (error) {
    return error instanceof ApiException ? `${error.getStatus()} ${error.code}` : `thrown ${String(error)}`;
  }
}

/**
 * The session check as the strategy builds it (SessionsService.sessionCheck), and a Database
 * that records the checks run eagerly (`db.check`); `ended` makes them refuse.
 */
function sessionsFake(ended = false) {
  const calls: string[] = [];
  const sessions = {
    sessionCheck: (claims: AccessClaims): Precondition => ({
      sql: 'select 1',
      params: [claims.sid],
      translate: (e) => e as Error,
      passed: false,
    }),
  } as unknown as SessionsService;
  const db = {
    check: async (precondition: Precondition) => {
      calls.push(
        `eager ${String(precondition.params[0])}${precondition.sql === 'select 1' ? '' : ` ${precondition.sql}`}`,
      );
      if (ended) throw new ApiException(401, 'SESSION_REVOKED', 'ended');
      precondition.passed = true;
    },
  } as unknown as Database;
  return { calls, sessions, db };
}

describe('AccessGuard', () => {
  const tokens = new AccessTokenService(config);
  const run = <T>(fn: () => Promise<T>) => TenantContext.run({ coopId: null, actorId: null, requestId: 't' }, fn);
  const bearer = (roles: CoopRole[]) => `Bearer ${tokens.sign({ sub: user, sid: session, coop, roles, plat: [] })}`;
  const guard = (fake: ReturnType<typeof sessionsFake>) =>
    new AccessGuard(new Reflector(), new AuthStrategyRegistry(new AccessTokenStrategy(tokens, fake.sessions)), fake.db);

  it('denies a route without @Access, even to a coop admin with a valid token (deny by default)', async () => {
    const { context } = contextFor('undeclared', bearer(['coop_admin']));
    expect(await run(() => outcome(guard(sessionsFake()).canActivate(context)))).toBe('403 FORBIDDEN');
  });

  it('lets public routes through without a token or a session check', async () => {
    const fake = sessionsFake();
    expect(await run(() => outcome(guard(fake).canActivate(contextFor('open').context)))).toBe('true');
    expect(fake.calls).toEqual([]);
  });

  it('asks for a token, then checks the ability of the token’s roles', async () => {
    const g = guard(sessionsFake());
    expect(await run(() => outcome(g.canActivate(contextFor('members').context)))).toBe('401 UNAUTHENTICATED');
    expect(await run(() => outcome(g.canActivate(contextFor('members', 'Basic abc').context)))).toBe(
      '401 TOKEN_INVALID',
    );
    expect(await run(() => outcome(g.canActivate(contextFor('members', bearer(['courier'])).context)))).toBe(
      '403 FORBIDDEN',
    );
  });

  it('defers a read’s session check to the request’s first unit of work and narrows the context', async () => {
    const fake = sessionsFake();
    const { context, request } = contextFor('members', bearer(['coop_admin']));
    const seen = await run(async () => {
      const allowed = await guard(fake).canActivate(context);
      const work = TenantContext.require();
      return { allowed, coopId: work.coopId, actor: work.actorId, pending: TenantContext.pendingPrecondition()?.sql };
    });
    expect(seen).toEqual({ allowed: true, coopId: coop, actor: user, pending: 'select 1' });
    expect(fake.calls).toEqual([]); // deferred: nothing ran before the handler
    expect(request.principal).toEqual({
      userId: user,
      coopId: coop,
      roles: ['coop_admin'],
      platformRoles: [],
      sessionId: session,
      merchantIds: [],
    });
  });

  it('checks a write’s session before its handler, and refuses an ended one', async () => {
    const live = sessionsFake();
    const pending = await run(async () => {
      await guard(live).canActivate(contextFor('members', bearer(['coop_admin']), 'POST').context);
      return TenantContext.pendingPrecondition();
    });
    expect(live.calls).toEqual([`eager ${session} select assert_session_writable($1, $2, $3, $4, $5, $6)`]);
    expect(pending).toBeUndefined();
    const ended = sessionsFake(true);
    const write = contextFor('members', bearer(['coop_admin']), 'POST').context;
    expect(await run(() => outcome(guard(ended).canActivate(write)))).toBe('401 SESSION_REVOKED');
  });

  it('tells an ended session so (401) rather than what its roles lacked (403)', async () => {
    const ended = sessionsFake(true);
    const read = contextFor('members', bearer(['courier'])).context;
    expect(await run(() => outcome(guard(ended).canActivate(read)))).toBe('401 SESSION_REVOKED');
  });

  it('joins the coop’s standing to a coop write’s check, but not to signing out or to what the federation does', async () => {
    const fake = sessionsFake();
    await run(() => guard(fake).canActivate(contextFor('signOut', bearer(['courier']), 'POST').context));
    const federation = `Bearer ${tokens.sign({ sub: user, sid: session, coop, roles: ['courier'], plat: ['federation_admin'] })}`;
    await run(() => guard(fake).canActivate(contextFor('federation', federation, 'POST').context));
    expect(fake.calls).toEqual([`eager ${session}`, `eager ${session}`]);
    const noCoop = `Bearer ${tokens.sign({ sub: user, sid: session, coop: null, roles: [], plat: [] })}`;
    await run(() => guard(fake).canActivate(contextFor('signOut', noCoop, 'POST').context));
    expect(fake.calls).toHaveLength(3);
    expect(fake.calls[2]).toBe(`eager ${session}`);
  });

  it('refuses an unknown Authorization scheme before any strategy runs', async () => {
    const fake = sessionsFake();
    expect(await run(() => outcome(guard(fake).canActivate(contextFor('members', 'ApiKey abc').context)))).toBe(
      '401 TOKEN_INVALID',
    );
    expect(fake.calls).toEqual([]);
  });
});
