import { defineAbilityFor, merchantScope, type Action } from '@federacycle/contracts';
import type { Caller } from '@federacycle/platform-http';

export type ScopedSubject = 'Merchant' | 'MerchantPause' | 'Menu';

/**
 * The merchants a caller may act on, from the CASL rules of the roles and merchant ids their
 * verified token carries: 'all' of the coop, or a list (merchant staff). Every query of this
 * domain filters by it, and a merchant outside it answers 404, as another coop's would.
 */
export function scopeOf(caller: Caller, action: Action, subject: ScopedSubject): 'all' | string[] {
  return merchantScope(defineAbilityFor(caller), action, subject);
}

export function inScope(scope: 'all' | string[], merchantId: string): boolean {
  return scope === 'all' || scope.includes(merchantId);
}
