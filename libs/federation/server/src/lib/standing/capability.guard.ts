import {
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { OperationalCapability as ContractCapability } from '@federacycle/contracts';
import { TenantContext } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { StandingService } from './standing.service';

export const CAPABILITY_METADATA = 'fc:capability';

/** Header carrying the standing warning on an allowed operation (grace period, ownership breach). */
export const LICENCE_WARNING_HEADER = 'x-licence-warning';

/**
 * Marks an operational route: the coop of the token must hold a valid licence (or be in its grace
 * period) and be active and worker-owned. Refusals are 403 with code LICENCE_REQUIRED,
 * LICENCE_EXPIRED, COOP_SUSPENDED or COOP_NOT_WORKER_OWNED and a human message. Put it after
 * `@Access(...)`: the global access guard authenticates first and narrows the context to the
 * token's coop. The module that declares the route must import FederationModule (it exports the
 * guard and StandingService).
 */
export function RequiresCapability(capability: ContractCapability): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(CAPABILITY_METADATA, capability),
    UseGuards(CapabilityGuard),
    ApiForbiddenResponse({
      description: `requires a licensed coop (capability ${capability}): LICENCE_REQUIRED, LICENCE_EXPIRED, COOP_SUSPENDED or COOP_NOT_WORKER_OWNED`,
    }),
  );
}

@Injectable()
export class CapabilityGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(StandingService) private readonly standing: StandingService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const capability = this.reflector.getAllAndOverride<ContractCapability | undefined>(CAPABILITY_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (capability === undefined) return true;
    const coopId = TenantContext.current()?.coopId ?? null;
    if (coopId === null) throw new ApiException(403, 'NO_MEMBERSHIP', 'Select a cooperative first');
    const decision = await this.standing.assertCapability(coopId, capability);
    if (decision.allowed && decision.warning) {
      context
        .switchToHttp()
        .getResponse<{ setHeader(name: string, value: string): void }>()
        .setHeader(LICENCE_WARNING_HEADER, decision.warning.code);
    }
    return true;
  }
}
