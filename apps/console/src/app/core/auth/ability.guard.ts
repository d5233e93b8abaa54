import { inject } from '@angular/core';
import { Router, type CanActivateFn, type UrlTree } from '@angular/router';
import type { Action, Subject } from '@federacycle/contracts';
import { AuthService } from './auth.service';

function signInTree(router: Router, returnUrl: string): UrlTree {
  return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl } });
}

/** Only signed-in people; others go to sign-in and come back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  return auth.signedIn() || signInTree(inject(Router), state.url);
};

/** Only people signed out (sign-in page): the others go home. */
export const signedOutGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return !auth.signedIn() || inject(Router).createUrlTree(['/']);
};

/** Only people whose ability allows `action` on `subject`. */
export function abilityGuard(action: Action, subject: Subject): CanActivateFn {
  return (_route, state) => {
    const auth = inject(AuthService);
    const router = inject(Router);
    if (!auth.signedIn()) return signInTree(router, state.url);
    return auth.ability().can(action, subject) || router.createUrlTree(['/forbidden']);
  };
}
