import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { isPartnerPermission, type Permission } from '@federacycle/contracts';

export const ACCESS_METADATA = 'fc:access';

/** Renders a permission for people and snapshots: `public`, `authenticated`, or `read:Member`. */
export function describePermission(permission: Permission): string {
  if (typeof permission === 'string') return permission;
  if (isPartnerPermission(permission)) return `partner:${permission.partner}`;
  return `${permission.action}:${permission.subject}`;
}

/**
 * The one decorator every route carries: who may call it. The global guard denies any
 * route without it; the permission also lands in the OpenAPI document (`x-permission`).
 */
export function Access(permission: Permission): MethodDecorator & ClassDecorator {
  const decorators = [
    SetMetadata(ACCESS_METADATA, permission),
    ApiExtension('x-permission', describePermission(permission)),
  ];
  if (permission !== 'public' && !isPartnerPermission(permission)) {
    decorators.push(
      ApiBearerAuth(),
      ApiUnauthorizedResponse({ description: 'missing, expired or revoked token' }),
      ApiForbiddenResponse({ description: `requires ${describePermission(permission)}` }),
    );
  }
  return applyDecorators(...decorators);
}
