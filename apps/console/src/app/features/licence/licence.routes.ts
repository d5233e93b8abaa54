import type { Route } from '@angular/router';

export const licenceRoutes: Route[] = [
  { path: '', loadComponent: () => import('./licence.page').then((m) => m.LicencePage) },
];
