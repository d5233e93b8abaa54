import { Controller, Get, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '@federacycle/platform-config';
import type { Principal } from '@federacycle/contracts';
import { TenantContext } from '@federacycle/platform-database';
import { Access, ApiException } from '@federacycle/platform-http';
import type { SessionsService } from '../sessions/sessions.service';
import { AccessGuard } from './access.guard';
import { AccessTokenService } from './access-token.service';

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
}

const config = {
  jwtSecret: 's'.repeat(40),
  jwtIssuer: 'federacycle',
  jwtAudience: 'federacycle-api',
  accessTokenTtlSeconds: 900,
} as AppConfig;
const coop = '33333333-3333-4333-8333-333333333333';

function principal(roles: Principal['roles']): Principal {
  return {
    userId: '11111111-1111-4111-8111-111111111111',
    email: 'a@b.c',
    name: 'A',
    coopId: coop,
    roles,
    platformRoles: [],
    sessionId: '22222222-2222-4222-8222-222222222222',
  };
}

function contextFor(
  handler: keyof ProbeController,
  authorization?: string,
): { context: ExecutionContext; request: { headers: Record<string, string>; principal?: Principal } } {
  const request = { headers: authorization ? { authorization } : {} } as {
    headers: Record<string, string>;
    principal?: Principal;
  };
  const context = {
    getHandler: () => ProbeController.prototype[handler],
    getClass: () => ProbeController,
    switchToHttp: () => ({ getRequest: () => request }),
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

describe('AccessGuard', () => {
  const tokens = new AccessTokenService(config);
  const guardWith = (p: Principal) =>
    new AccessGuard(new Reflector(), tokens, { principalFor: async () => p } as unknown as SessionsService);
  const run = <T>(fn: () => Promise<T>) => TenantContext.run({ coopId: null, actorId: null, requestId: 't' }, fn);
  const bearer = () => `Bearer ${tokens.sign({ sub: principal([]).userId, sid: principal([]).sessionId, coop })}`;

  it('denies a route without @Access, even to a coop admin with a valid token (deny by default)', async () => {
    const { context } = contextFor('undeclared', bearer());
    expect(await run(() => outcome(guardWith(principal(['coop_admin'])).canActivate(context)))).toBe('403 FORBIDDEN');
  });

  it('lets public routes through without a token', async () => {
    expect(await run(() => outcome(guardWith(principal([])).canActivate(contextFor('open').context)))).toBe('true');
  });

  it('asks for a token, then checks the ability, and narrows the context to the token’s coop', async () => {
    expect(
      await run(() => outcome(guardWith(principal(['coop_admin'])).canActivate(contextFor('members').context))),
    ).toBe('401 UNAUTHENTICATED');
    expect(
      await run(() =>
        outcome(guardWith(principal(['coop_admin'])).canActivate(contextFor('members', 'Basic abc').context)),
      ),
    ).toBe('401 TOKEN_INVALID');
    expect(
      await run(() => outcome(guardWith(principal(['courier'])).canActivate(contextFor('members', bearer()).context))),
    ).toBe('403 FORBIDDEN');
    const { context, request } = contextFor('members', bearer());
    const seen = await run(async () => {
      const allowed = await guardWith(principal(['coop_admin'])).canActivate(context);
      return { allowed, coopId: TenantContext.coopId(), actor: TenantContext.require().actorId };
    });
    expect(seen).toEqual({ allowed: true, coopId: coop, actor: principal([]).userId });
    expect(request.principal?.roles).toEqual(['coop_admin']);
  });
});
