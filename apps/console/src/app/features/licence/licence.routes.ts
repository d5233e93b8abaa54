import type { Route } from '@angular/router';

export const licenceRoutes: Route[] = [
  { path: '', title: 'licence.title', loadComponent: () => import('./licence.page').then((m) => m.LicencePage) },
];
