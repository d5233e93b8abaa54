import type { Route } from '@angular/router';
import { abilityGuard } from '../../core/auth/ability.guard';

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
    path: 'federation/new',
    title: 'gov.new.federationTitle',
    data: { scope: 'federation' },
    loadComponent: () => import('./new-proposal.page').then((m) => m.NewProposalPage),
  },
  {
    path: 'federation/:id/edit',
    title: 'gov.new.editFederationTitle',
    data: { scope: 'federation' },
    loadComponent: () => import('./new-proposal.page').then((m) => m.NewProposalPage),
  },
  {
    path: 'delegates',
    title: 'gov.delegates.title',
    canActivate: [abilityGuard('manage', 'Settings')],
    loadComponent: () => import('./delegates.page').then((m) => m.DelegatesPage),
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

/** The federation admin's way in (they read no coop's proposals): the federation's own. */
export const federationProposalRoutes: Route[] = [
  {
    path: '',
    title: 'gov.federation.title',
    loadComponent: () => import('./federation-proposals.page').then((m) => m.FederationProposalsPage),
  },
  {
    path: 'new',
    title: 'gov.new.federationTitle',
    data: { scope: 'federation' },
    loadComponent: () => import('./new-proposal.page').then((m) => m.NewProposalPage),
  },
  {
    path: ':id/edit',
    title: 'gov.new.editFederationTitle',
    data: { scope: 'federation' },
    loadComponent: () => import('./new-proposal.page').then((m) => m.NewProposalPage),
  },
];
