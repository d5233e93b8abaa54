import type { Route } from '@angular/router';
import { abilityGuard } from '../../core/auth/ability.guard';

export const couriersRoutes: Route[] = [
  { path: '', title: 'couriers.title', loadComponent: () => import('./couriers.page').then((m) => m.CouriersPage) },
  { path: 'shifts', title: 'shifts.title', loadComponent: () => import('./shifts.page').then((m) => m.ShiftsPage) },
  {
    path: 'new',
    title: 'courier.newTitle',
    canActivate: [abilityGuard('create', 'Courier')],
    loadComponent: () => import('./courier-edit.page').then((m) => m.CourierEditPage),
  },
  {
    path: ':id',
    title: 'courier.editTitle',
    loadComponent: () => import('./courier-edit.page').then((m) => m.CourierEditPage),
  },
];
