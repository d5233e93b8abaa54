import type { Route } from '@angular/router';

export const federationRoutes: Route[] = [
  { path: 'coops', loadComponent: () => import('./coops.page').then((m) => m.CoopsPage) },
  { path: '', pathMatch: 'full', redirectTo: 'coops' },
];
