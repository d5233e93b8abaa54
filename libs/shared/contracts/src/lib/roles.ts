/** Roles a person holds inside one coop (a membership). */
export const CoopRole = {
  COOP_ADMIN: 'coop_admin',
  DISPATCHER: 'dispatcher',
  COURIER: 'courier',
  MERCHANT_STAFF: 'merchant_staff',
  MEMBER: 'member',
} as const;
export type CoopRole = (typeof CoopRole)[keyof typeof CoopRole];
export const COOP_ROLES: readonly CoopRole[] = Object.values(CoopRole);

/** Roles over the whole platform, held by a user rather than a membership. */
export const PlatformRole = {
  FEDERATION_ADMIN: 'federation_admin',
} as const;
export type PlatformRole = (typeof PlatformRole)[keyof typeof PlatformRole];
export const PLATFORM_ROLES: readonly PlatformRole[] = Object.values(PlatformRole);

export const CoopStatus = {
  ACTIVE: 'active',
  SUSPENDED: 'suspended',
  OFFBOARDING: 'offboarding',
  OFFBOARDED: 'offboarded',
} as const;
export type CoopStatus = (typeof CoopStatus)[keyof typeof CoopStatus];

export const UserStatus = { ACTIVE: 'active', DISABLED: 'disabled' } as const;
export type UserStatus = (typeof UserStatus)[keyof typeof UserStatus];
