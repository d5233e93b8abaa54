import type { Route } from '@angular/router';

export const partnersRoutes: Route[] = [
  { path: '', title: 'partners.title', loadComponent: () => import('./partners.page').then((m) => m.PartnersPage) },
];
