import type { Route } from '@angular/router';

export const deliveriesRoutes: Route[] = [
  {
    path: '',
    title: 'deliveries.title',
    loadComponent: () => import('./deliveries.page').then((m) => m.DeliveriesPage),
  },
  {
    path: 'time-slots',
    title: 'timeSlots.title',
    loadComponent: () => import('./time-slots.page').then((m) => m.TimeSlotsPage),
  },
  {
    path: ':id',
    title: 'deliveries.detailTitle',
    loadComponent: () => import('./delivery-detail.page').then((m) => m.DeliveryDetailPage),
  },
];
