import {
  Header,
  Injectable,
  UseGuards,
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { PartnerRouteScope } from '@federacycle/contracts';
import { ApiException, type AuthenticatedRequest } from '@federacycle/platform-http';
import { PartnerAccess, type PartnerAccessOptions } from '../partners/auth/partner-access.decorator';
import { JSON_LD } from './jsonld';

/** The per-coop prefix of the CoopCycle-compatible surface: a plugin's base URL is `https://host/coopcycle/<slug>`. */
export const COOPCYCLE_PREFIX = 'coopcycle/:slug';

/**
 * The coop of the base URL must be the credential's: a client of Lyon calling `/coopcycle/berlin/...`
 * is refused like an unknown credential (401), before anything is read.
 */
@Injectable()
export class CoopSlugGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { params?: Record<string, string> }>();
    const slug = request.params?.['slug'];
    if (!request.partner || request.partner.coopSlug !== slug) {
      throw new ApiException(
        401,
        'PARTNER_CREDENTIALS_INVALID',
        'This credential belongs to another cooperative: use the base URL of its own cooperative',
      );
    }
    return true;
  }
}

/**
 * A route of the CoopCycle-compatible surface: the partner route's access (same strategies, scopes,
 * capability, rate limit and isolation as the native API) plus the base URL's coop matching the
 * credential's, answered as JSON-LD.
 */
export function CoopCycleAccess(scope: PartnerRouteScope, options: PartnerAccessOptions = {}): MethodDecorator {
  return applyDecorators(
    PartnerAccess(scope, options),
    UseGuards(CoopSlugGuard),
    Header('Content-Type', JSON_LD),
    ApiProduces('application/ld+json'),
  );
}

/** The CoopCycle controllers' common OpenAPI marks. */
export function CoopCycleController(): ClassDecorator {
  return applyDecorators(
    ApiTags('CoopCycle-compatible API'),
    ApiParam({ name: 'slug', description: 'the coop’s slug: the base URL is /coopcycle/<slug>', example: 'lyon' }),
  );
}
