import type { Type } from '@angular/core';
import type { CoopRole, PlatformRole } from '@federacycle/contracts';
import type { TranslationKey } from '../../core/i18n/en';
import { ApplicationsHomeCard } from './cards/applications-home-card.component';
import { CoopStandingHomeCard } from './cards/coop-standing-home-card.component';
import { CoopsHomeCard } from './cards/coops-home-card.component';
import { MerchantStaffHomeCard } from './cards/merchant-staff-home-card.component';
import { CouriersHomeCard } from './cards/couriers-home-card.component';
import { MyCourierHomeCard } from './cards/my-courier-home-card.component';
import { PeopleHomeCard } from './cards/people-home-card.component';
import { ProposalsHomeCard } from './cards/proposals-home-card.component';
import { UpcomingHomeCard } from './cards/upcoming-home-card.component';

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

/** Every home card, in display order (what a role needs first comes first). */
export const HOME_CARDS: readonly HomeCardDef[] = [
  { id: 'coop-standing', roles: ['coop_admin'], component: CoopStandingHomeCard },
  { id: 'people', roles: ['coop_admin'], component: PeopleHomeCard },
  { id: 'couriers', roles: ['coop_admin', 'dispatcher'], component: CouriersHomeCard },
  { id: 'my-courier', roles: ['courier'], component: MyCourierHomeCard },
  { id: 'applications', roles: ['federation_admin'], component: ApplicationsHomeCard },
  { id: 'coops', roles: ['federation_admin'], component: CoopsHomeCard },
  upcoming('dispatch-next', ['dispatcher'], 'home.dispatch.title', 'home.dispatch.body'),
  upcoming('deliveries-next', ['courier'], 'home.deliveries.title', 'home.deliveries.body'),
  { id: 'merchant-stock', roles: ['merchant_staff'], component: MerchantStaffHomeCard },
  upcoming('orders-today', ['merchant_staff'], 'home.orders.title', 'home.orders.body'),
  { id: 'proposals-open', roles: ['member'], component: ProposalsHomeCard },
];

/** The cards of a person's roles (each card once, in registry order). */
export function homeCardsFor(roles: readonly HomeRole[], cards: readonly HomeCardDef[] = HOME_CARDS): HomeCardDef[] {
  return cards.filter((card) => card.roles.some((role) => roles.includes(role)));
}
