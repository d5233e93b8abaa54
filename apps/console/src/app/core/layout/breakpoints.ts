import { BreakpointObserver } from '@angular/cdk/layout';
import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** Below this width the navigation becomes a drawer and tables become cards. */
export const COMPACT_QUERY = '(max-width: 839.98px)';

/** A signal that is true on phones and small tablets. Call in an injection context. */
export function injectIsCompact(): Signal<boolean> {
  const observer = inject(BreakpointObserver);
  return toSignal(observer.observe(COMPACT_QUERY).pipe(map((state) => state.matches)), {
    initialValue: observer.isMatched(COMPACT_QUERY),
  });
}
