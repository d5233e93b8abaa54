import type { Action, AppAbility, Subject } from '@federacycle/contracts';
import type { TranslationKey } from '../i18n/en';

export interface NavItem {
  path: string;
  labelKey: TranslationKey;
  /** the permission that shows the item (and guards its route); absent: every signed-in person */
  permission?: { action: Action; subject: Subject };
  /** true while the page is a "coming soon" placeholder */
  comingSoon?: boolean;
}

/** Every navigation item, in display order. Routes reuse these permissions. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home' },
  { path: '/people', labelKey: 'nav.people', permission: { action: 'read', subject: 'Member' } },
  { path: '/federation/coops', labelKey: 'nav.coops', permission: { action: 'manage', subject: 'Coop' } },
  {
    path: '/federation/applications',
    labelKey: 'nav.applications',
    permission: { action: 'manage', subject: 'Application' },
  },
  {
    path: '/federation/proposals',
    labelKey: 'nav.federationProposals',
    permission: { action: 'manage', subject: 'Coop' },
  },
  {
    path: '/dispatch',
    labelKey: 'nav.dispatch',
    permission: { action: 'read', subject: 'Dispatch' },
  },
  {
    path: '/deliveries',
    labelKey: 'nav.deliveries',
    permission: { action: 'read', subject: 'Delivery' },
  },
  // the courier app (their own tasks, in order; works offline)
  { path: '/my-tasks', labelKey: 'nav.myTasks', permission: { action: 'read', subject: 'OwnTask' } },
  { path: '/orders', labelKey: 'nav.orders', permission: { action: 'read', subject: 'Order' }, comingSoon: true },
  {
    path: '/merchants',
    labelKey: 'nav.merchants',
    permission: { action: 'read', subject: 'Merchant' },
  },
  { path: '/zones', labelKey: 'nav.zones', permission: { action: 'read', subject: 'Zone' } },
  { path: '/pricing', labelKey: 'nav.pricing', permission: { action: 'read', subject: 'Pricing' } },
  { path: '/couriers', labelKey: 'nav.couriers', permission: { action: 'read', subject: 'Courier' } },
  { path: '/me/courier', labelKey: 'nav.myCourier', permission: { action: 'read', subject: 'OwnCourier' } },
  { path: '/proposals', labelKey: 'nav.proposals', permission: { action: 'read', subject: 'Proposal' } },
  { path: '/settings', labelKey: 'nav.settings', permission: { action: 'read', subject: 'Proposal' } },
  { path: '/licence', labelKey: 'nav.licence', permission: { action: 'read', subject: 'Licence' } },
];

/** The items a person may see, computed from their ability alone (no I/O). */
export function navigationFor(ability: AppAbility): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || ability.can(item.permission.action, item.permission.subject));
}
