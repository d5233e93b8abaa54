import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { PartnerRouteScope } from '@federacycle/contracts';
import { RequiresCapability } from '@federacycle/federation-server';
import { Access } from '@federacycle/platform-http';

export { CurrentPartner } from '@federacycle/platform-http';

/** OpenAPI security scheme names of the partner API (declared by the API's document builder). */
export const PARTNER_API_KEY_SCHEME = 'partner-api-key';
export const PARTNER_TOKEN_SCHEME = 'partner-oauth2';

export interface PartnerAccessOptions {
  /**
   * A sandbox coop passes too: the route's use case creates test deliveries only, within the
   * federation's daily cap, and refuses a restricted coop (PartnerDeliveriesService.admit).
   */
  sandboxTestDeliveries?: boolean;
}

/**
 * The one decorator of a partner route: a partner credential (API key or OAuth2 partner token,
 * never a person's token) holding `scope` (`deliveries` implies `deliveries:read`; `any`: any
 * live credential), of a coop with
 * the `partner_api` capability (a licensed coop, or in its grace period). The access guard enters
 * the partner's coop (TenantContext) like a person's; `@CurrentPartner()` gives the principal.
 * Refusals: 401 PARTNER_CREDENTIALS_INVALID (or TOKEN_EXPIRED), 403 PARTNER_SCOPE_MISSING,
 * 403 LICENCE_REQUIRED | LICENCE_EXPIRED | COOP_SUSPENDED | COOP_NOT_WORKER_OWNED, 429 RATE_LIMITED.
 */
export function PartnerAccess(
  scope: PartnerRouteScope,
  options: PartnerAccessOptions = {},
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    Access({ partner: scope }),
    // the delivery routes let a sandbox coop's partners make test deliveries: their service checks
    // the standing itself (licensed or grace: partner_api; sandbox: test deliveries, capped a day)
    ...(options.sandboxTestDeliveries ? [] : [RequiresCapability('partner_api')]),
    ApiSecurity(PARTNER_API_KEY_SCHEME),
    ApiBearerAuth(PARTNER_TOKEN_SCHEME),
    ApiUnauthorizedResponse({ description: 'PARTNER_CREDENTIALS_INVALID: missing, unknown or revoked credential' }),
    ApiForbiddenResponse({
      description: `PARTNER_SCOPE_MISSING (needs the scope ${scope}), or the coop lacks the partner_api capability`,
    }),
  );
}
