import type { Route } from '@angular/router';
import { abilityGuard, signedInGuard, signedOutGuard } from './core/auth/ability.guard';
import { NAV_ITEMS } from './core/navigation/navigation';

/** Placeholder routes for the navigation items whose pages are not built yet. */
const comingSoonRoutes: Route[] = NAV_ITEMS.flatMap((item) =>
  item.comingSoon && item.permission
    ? [
        {
          path: item.path.slice(1),
          canActivate: [abilityGuard(item.permission.action, item.permission.subject)],
          title: item.labelKey,
          data: { titleKey: item.labelKey },
          loadComponent: () => import('./features/status/coming-soon.page').then((m) => m.ComingSoonPage),
        },
      ]
    : [],
);

export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'nav.home',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/home/home.page').then((m) => m.HomePage),
  },
  // public pages: signing in, recovering a password, accepting an invitation
  {
    path: 'sign-in',
    title: 'signIn.title',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/auth/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: 'forgot-password',
    title: 'forgot.title',
    loadComponent: () => import('./features/auth/forgot-password.page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: 'reset.title',
    loadComponent: () => import('./features/auth/reset-password.page').then((m) => m.ResetPasswordPage),
  },
  {
    path: 'invitations/accept',
    title: 'invite.title',
    loadComponent: () => import('./features/auth/accept-invitation.page').then((m) => m.AcceptInvitationPage),
  },
  // public federation onboarding: "Start a coop", its status page, licence verification
  {
    path: 'apply',
    loadChildren: () => import('./features/apply/apply.routes').then((m) => m.applyRoutes),
  },
  // public: a recipient follows their delivery by the link in their message
  {
    path: 'track/:token',
    title: 'tracking.title',
    loadComponent: () => import('./features/tracking/tracking.page').then((m) => m.TrackingPage),
  },
  {
    path: 'verify',
    title: 'verify.title',
    loadComponent: () => import('./features/licence/verify.page').then((m) => m.VerifyPage),
  },
  // coop admin
  {
    path: 'licence',
    canActivate: [abilityGuard('read', 'Licence')],
    loadChildren: () => import('./features/licence/licence.routes').then((m) => m.licenceRoutes),
  },
  {
    path: 'people',
    canActivate: [abilityGuard('read', 'Member')],
    loadChildren: () => import('./features/people/people.routes').then((m) => m.peopleRoutes),
  },
  // dispatch
  {
    path: 'dispatch',
    canActivate: [abilityGuard('read', 'Dispatch')],
    title: 'board.title',
    loadComponent: () => import('./features/dispatch/dispatch-board.page').then((m) => m.DispatchBoardPage),
  },
  {
    path: 'deliveries',
    canActivate: [abilityGuard('read', 'Delivery')],
    loadChildren: () => import('./features/deliveries/deliveries.routes').then((m) => m.deliveriesRoutes),
  },
  {
    path: 'merchants',
    canActivate: [abilityGuard('read', 'Merchant')],
    loadChildren: () => import('./features/merchants/merchants.routes').then((m) => m.merchantsRoutes),
  },
  // zones: coop admin (manage), dispatchers and merchant staff (read)
  {
    path: 'zones',
    canActivate: [abilityGuard('read', 'Zone')],
    loadChildren: () => import('./features/zones/zones.routes').then((m) => m.zonesRoutes),
  },
  // pricing rule sets and the quote tester: coop admin (manage), dispatchers (read, test quotes)
  {
    path: 'pricing',
    canActivate: [abilityGuard('read', 'Pricing')],
    title: 'pricing.title',
    loadComponent: () => import('./features/pricing/pricing.page').then((m) => m.PricingPage),
  },
  // fleet: couriers and shifts (coop admin, dispatcher); a courier's own page
  {
    path: 'couriers',
    canActivate: [abilityGuard('read', 'Courier')],
    loadChildren: () => import('./features/couriers/couriers.routes').then((m) => m.couriersRoutes),
  },
  {
    path: 'me/courier',
    title: 'me.title',
    canActivate: [abilityGuard('read', 'OwnCourier')],
    loadComponent: () => import('./features/couriers/my-courier.page').then((m) => m.MyCourierPage),
  },
  // the courier app: today's tasks, steps with proof, offline queue
  {
    path: 'my-tasks',
    title: 'myTasks.title',
    canActivate: [abilityGuard('read', 'OwnTask')],
    loadComponent: () => import('./features/my-tasks/my-tasks.page').then((m) => m.MyTasksPage),
  },
  // members: proposals, votes, the settings they decide
  {
    path: 'proposals',
    canActivate: [abilityGuard('read', 'Proposal')],
    loadChildren: () => import('./features/governance/governance.routes').then((m) => m.proposalRoutes),
  },
  {
    path: 'settings',
    canActivate: [abilityGuard('read', 'Proposal')],
    loadChildren: () => import('./features/governance/governance.routes').then((m) => m.settingsRoutes),
  },
  // federation admin
  {
    path: 'federation',
    canActivate: [abilityGuard('manage', 'Coop')],
    loadChildren: () => import('./features/federation/federation.routes').then((m) => m.federationRoutes),
  },
  ...comingSoonRoutes,
  {
    path: 'forbidden',
    title: 'forbidden.title',
    loadComponent: () => import('./features/status/forbidden.page').then((m) => m.ForbiddenPage),
  },
  {
    path: '**',
    title: 'notFound.title',
    loadComponent: () => import('./features/status/not-found.page').then((m) => m.NotFoundPage),
  },
];
