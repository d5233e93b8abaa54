import type { Route } from '@angular/router';

export const zonesRoutes: Route[] = [
  { path: '', title: 'zones.title', loadComponent: () => import('./zones.page').then((m) => m.ZonesPage) },
];
