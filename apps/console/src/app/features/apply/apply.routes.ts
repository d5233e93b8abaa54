import type { Route } from '@angular/router';

/** Public: no sign-in needed. */
export const applyRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'apply.title',
    loadComponent: () => import('./apply.page').then((m) => m.ApplyPage),
  },
  {
    path: 'status/:id',
    title: 'applicationStatus.title',
    loadComponent: () => import('./application-status.page').then((m) => m.ApplicationStatusPage),
  },
];
