import type { Route } from '@angular/router';
import { abilityGuard } from '../../core/auth/ability.guard';

export const federationRoutes: Route[] = [
  { path: 'coops', loadComponent: () => import('./coops.page').then((m) => m.CoopsPage) },
  {
    path: 'applications',
    canActivate: [abilityGuard('manage', 'Application')],
    loadComponent: () => import('./applications.page').then((m) => m.ApplicationsPage),
  },
  {
    path: 'applications/:id',
    canActivate: [abilityGuard('manage', 'Application')],
    loadComponent: () => import('./application-detail.page').then((m) => m.ApplicationDetailPage),
  },
  { path: 'directory', loadComponent: () => import('./directory.page').then((m) => m.DirectoryPage) },
  { path: '', pathMatch: 'full', redirectTo: 'coops' },
];
