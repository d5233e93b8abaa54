import type { Route } from '@angular/router';

export const proposalRoutes: Route[] = [
  {
    path: '',
    title: 'gov.proposals.title',
    loadComponent: () => import('./proposals.page').then((m) => m.ProposalsPage),
  },
  {
    path: 'new',
    title: 'gov.new.title',
    loadComponent: () => import('./new-proposal.page').then((m) => m.NewProposalPage),
  },
  {
    path: 'federation',
    title: 'gov.federation.title',
    loadComponent: () => import('./federation-proposals.page').then((m) => m.FederationProposalsPage),
  },
  {
    path: 'colleges',
    title: 'gov.colleges.title',
    loadComponent: () => import('./colleges.page').then((m) => m.CollegesPage),
  },
  {
    path: ':id',
    title: 'gov.proposal.title',
    loadComponent: () => import('./proposal.page').then((m) => m.ProposalPage),
  },
];

export const settingsRoutes: Route[] = [
  {
    path: '',
    title: 'gov.settings.title',
    loadComponent: () => import('./settings.page').then((m) => m.SettingsPage),
  },
];
