import type { CoopRole, CoopStatus, PlatformRole, UserStatus } from '@federacycle/contracts';
import type { TranslationKey } from '../core/i18n/en';

export function roleKey(role: CoopRole | PlatformRole): TranslationKey {
  return `role.${role}`;
}

export function memberStatusKey(status: UserStatus): TranslationKey {
  return `status.${status}`;
}

export function coopStatusKey(status: CoopStatus): TranslationKey {
  return `coopStatus.${status}`;
}
