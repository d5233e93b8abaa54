import type { Route } from '@angular/router';
import { abilityGuard } from '../../core/auth/ability.guard';

export const federationRoutes: Route[] = [
  {
    path: 'coops',
    title: 'coops.title',
    loadComponent: () => import('./coops.page').then((m) => m.CoopsPage),
  },
  {
    path: 'applications',
    title: 'applications.title',
    canActivate: [abilityGuard('manage', 'Application')],
    loadComponent: () => import('./applications.page').then((m) => m.ApplicationsPage),
  },
  {
    path: 'applications/:id',
    title: 'review.title',
    canActivate: [abilityGuard('manage', 'Application')],
    loadComponent: () => import('./application-detail.page').then((m) => m.ApplicationDetailPage),
  },
  // the federation's proposals: a federation admin drafts, publishes and follows them
  {
    path: 'proposals',
    loadChildren: () => import('../governance/governance.routes').then((m) => m.federationProposalRoutes),
  },
  // the coop directory was a second list of the same coops: it is the Coops page now
  { path: 'directory', pathMatch: 'full', redirectTo: 'coops' },
  { path: '', pathMatch: 'full', redirectTo: 'coops' },
];
