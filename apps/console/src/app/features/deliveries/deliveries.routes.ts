import type { Route } from '@angular/router';

export const deliveriesRoutes: Route[] = [
  {
    path: '',
    title: 'deliveries.title',
    loadComponent: () => import('./deliveries.page').then((m) => m.DeliveriesPage),
  },
];
