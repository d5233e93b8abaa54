import { inject, type Type } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type { CoopRole, PlatformRole } from '@federacycle/contracts';
import type { TranslationKey } from '../../core/i18n/en';
import { CoopStandingHomeCard } from './cards/coop-standing-home-card.component';
import { CoopsHomeCard } from './cards/coops-home-card.component';
import { MerchantStaffHomeCard } from './cards/merchant-staff-home-card.component';
import { MyCourierHomeCard } from './cards/my-courier-home-card.component';
import { PeopleHomeCard } from './cards/people-home-card.component';
import { TotalsHomeCard, type HomeTotal } from './cards/totals-home-card.component';
import { UpcomingHomeCard } from './cards/upcoming-home-card.component';
import { FleetApi } from '../couriers/data/fleet-api';
import { FederationAdminApi } from '../federation/data/federation-api';
import { GovernanceApi } from '../governance/data/governance-api';

export type HomeRole = CoopRole | PlatformRole;

/**
 * One card of the home page: who sees it (any of `roles`, in the selected coop or on the
 * platform), the component, and its inputs. A domain adds its card here: e.g. dispatch
 * replaces the dispatcher's upcoming card with its "next task" card.
 */
export interface HomeCardDef {
  id: string;
  roles: readonly HomeRole[];
  component: Type<unknown>;
  inputs?: Record<string, unknown>;
}

function upcoming(id: string, roles: readonly HomeRole[], heading: TranslationKey, body: TranslationKey): HomeCardDef {
  return { id, roles, component: UpcomingHomeCard, inputs: { cardId: id, heading, body } };
}

/** A card of totals read from the API (see TotalsHomeCard): heading, link onwards, the figures. */
function totals(
  id: string,
  roles: readonly HomeRole[],
  heading: TranslationKey,
  link: string,
  linkLabel: TranslationKey,
  figures: readonly HomeTotal[],
): HomeCardDef {
  return { id, roles, component: TotalsHomeCard, inputs: { cardId: id, heading, link, linkLabel, totals: figures } };
}

/** The total of a list: any page carries it, so a page of one is enough. */
const totalOf = (page: Observable<{ total: number }>) => page.pipe(map((p) => p.total));
const ONE = { limit: 1, offset: 0 };

/** Every home card, in display order (what a role needs first comes first). */
export const HOME_CARDS: readonly HomeCardDef[] = [
  { id: 'coop-standing', roles: ['coop_admin'], component: CoopStandingHomeCard },
  { id: 'people', roles: ['coop_admin'], component: PeopleHomeCard },
  totals('couriers', ['coop_admin', 'dispatcher'], 'home.couriers.title', '/couriers', 'home.couriers.link', [
    { label: 'home.couriers.onDuty', total: () => totalOf(inject(FleetApi).listCouriers(ONE, { onDutyOnly: true })) },
    { label: 'home.couriers.total', total: () => totalOf(inject(FleetApi).listCouriers(ONE)) },
  ]),
  { id: 'my-courier', roles: ['courier'], component: MyCourierHomeCard },
  totals(
    'applications',
    ['federation_admin'],
    'home.applications.title',
    '/federation/applications',
    'home.applications.link',
    [
      {
        label: 'applicationStatus.applied',
        total: () => totalOf(inject(FederationAdminApi).listApplications({ status: 'applied' }, ONE)),
      },
      {
        label: 'applicationStatus.under_review',
        total: () => totalOf(inject(FederationAdminApi).listApplications({ status: 'under_review' }, ONE)),
      },
    ],
  ),
  { id: 'coops', roles: ['federation_admin'], component: CoopsHomeCard },
  upcoming('dispatch-next', ['dispatcher'], 'home.dispatch.title', 'home.dispatch.body'),
  upcoming('deliveries-next', ['courier'], 'home.deliveries.title', 'home.deliveries.body'),
  { id: 'merchant-stock', roles: ['merchant_staff'], component: MerchantStaffHomeCard },
  upcoming('orders-today', ['merchant_staff'], 'home.orders.title', 'home.orders.body'),
  totals('proposals-open', ['member'], 'home.proposals.title', '/proposals', 'home.proposals.link', [
    { label: 'home.proposals.open', total: () => totalOf(inject(GovernanceApi).list('open', ONE)) },
    { label: 'home.proposals.upcoming', total: () => totalOf(inject(GovernanceApi).list('upcoming', ONE)) },
  ]),
];

/** The cards of a person's roles (each card once, in registry order). */
export function homeCardsFor(roles: readonly HomeRole[], cards: readonly HomeCardDef[] = HOME_CARDS): HomeCardDef[] {
  return cards.filter((card) => card.roles.some((role) => roles.includes(role)));
}
