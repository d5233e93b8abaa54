import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';
import type { PartnerRouteScope } from './partners';
import { CoopRole, PlatformRole } from './roles';

export type Action = 'manage' | 'read' | 'create' | 'update' | 'delete';
export type Subject =
  | 'all'
  | 'Federation'
  | 'Coop'
  | 'Application'
  | 'Licence'
  | 'Member'
  | 'Invitation'
  | 'Courier'
  | 'Merchant'
  /** pausing and unpausing a merchant (its staff may; editing its profile is Merchant:update) */
  | 'MerchantPause'
  /** a merchant's menu: categories, products, options, stock, images */
  | 'Menu'
  | 'Zone'
  | 'Order'
  | 'Delivery'
  | 'PartnerClient'
  | 'Pricing'
  | 'Webhook'
  | 'Dispatch'
  | 'Proposal'
  | 'Settings'
  | 'OwnProfile'
  /** a courier's own courier profile, availability, duty and location */
  | 'OwnCourier'
  /** the tasks assigned to the caller's own courier profile (never another courier's) */
  | 'OwnTask';

/** A merchant-scoped subject instance: `subject('Menu', { merchantId })` (CASL's `subject` helper). */
export type MerchantScoped =
  | (ForcedSubject<'Merchant'> & { merchantId: string })
  | (ForcedSubject<'MerchantPause'> & { merchantId: string })
  | (ForcedSubject<'Menu'> & { merchantId: string });

export type AppAbility = MongoAbility<[Action, Subject | MerchantScoped]>;

/** What the ability function needs to know: no I/O, only what the token says. */
export interface AbilityInput {
  coopId: string | null;
  roles: readonly CoopRole[];
  platformRoles: readonly PlatformRole[];
  /** merchant_staff: the merchants they act for (the token's `mids`); absent or empty: none */
  merchantIds?: readonly string[];
}

type Can = AbilityBuilder<AppAbility>['can'];

/**
 * One record of rules per role (CASL's role-permissions pattern). Rules are plain data:
 * no conditions built from user input, so nothing from a request can widen them.
 */
const coopRoleRules: Record<CoopRole, (can: Can, input: AbilityInput) => void> = {
  coop_admin(can) {
    can('manage', 'Member');
    can('manage', 'Invitation');
    can('manage', 'Courier');
    can('manage', 'Merchant');
    can('manage', 'MerchantPause');
    can('manage', 'Menu');
    can('manage', 'Zone');
    can('manage', 'Settings');
    can('manage', 'PartnerClient');
    can('manage', 'Pricing');
    can('manage', 'Webhook');
    can('read', 'Licence');
    can('read', 'Coop');
    can('update', 'Coop');
    can('read', 'Order');
    can('read', 'Delivery');
    can('read', 'Dispatch');
    can('read', 'Proposal');
    can('create', 'Proposal');
  },
  dispatcher(can) {
    can('read', 'Coop');
    can('read', 'Courier');
    can('read', 'Merchant');
    can('read', 'Menu');
    can('read', 'Zone');
    can('manage', 'Delivery');
    can('manage', 'Dispatch');
    can('read', 'Order');
    // reads the rule sets and tests quotes (a customer on the phone); only admins change them
    can('read', 'Pricing');
  },
  courier(can) {
    can('read', 'Coop');
    // a courier sees deliveries only through their own tasks, never the coop's list
    can('read', 'OwnTask');
    can('update', 'OwnTask');
    can('read', 'OwnCourier');
    can('update', 'OwnCourier');
  },
  merchant_staff(can, input) {
    // their merchants only: the ids come from the verified token, never from the request
    const mine = { merchantId: { $in: [...(input.merchantIds ?? [])] } };
    can('read', 'Coop');
    can('read', 'Merchant', mine);
    can('read', 'MerchantPause', mine);
    can('update', 'MerchantPause', mine);
    can('read', 'Menu', mine);
    can('update', 'Menu', mine);
    can('read', 'Zone');
    can('read', 'Order');
    can('update', 'Order');
  },
  member(can) {
    can('read', 'Coop');
    can('read', 'Proposal');
    can('create', 'Proposal');
  },
};

const platformRoleRules: Record<PlatformRole, (can: Can) => void> = {
  federation_admin(can) {
    can('manage', 'Federation');
    can('manage', 'Coop');
    can('manage', 'Application');
    can('manage', 'Licence');
  },
};

/** Pure function shared by the API (guards) and the console (navigation). */
export function defineAbilityFor(input: AbilityInput): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  can('read', 'OwnProfile');
  can('update', 'OwnProfile');
  for (const role of input.platformRoles) platformRoleRules[role]?.(can);
  if (input.coopId !== null) {
    for (const role of input.roles) coopRoleRules[role]?.(can, input);
  }
  return build();
}

/**
 * The permission a route declares: an action on a subject (people, CASL), public, any signed-in
 * person, or `{ partner: scope }`: a partner route, for partner credentials holding that scope
 * (never a person's token; a partner credential never passes any other route).
 */
export type Permission =
  | { action: Action; subject: Subject }
  | { partner: PartnerRouteScope }
  | 'public'
  | 'authenticated';

/** A person's permission: what CASL decides. */
export type PersonPermission = Extract<Permission, { action: Action }>;

export function isPartnerPermission(permission: Permission): permission is { partner: PartnerRouteScope } {
  return typeof permission === 'object' && 'partner' in permission;
}

/**
 * The merchants a caller may `action` on `subject` (Merchant, MerchantPause, Menu): 'all' of the
 * coop (a rule without conditions: coop admin, dispatcher), or the ids the conditions name
 * (merchant staff; empty: none). Services filter their SQL by it and answer 404 outside it.
 */
export function merchantScope(
  ability: AppAbility,
  action: Action,
  subject: 'Merchant' | 'MerchantPause' | 'Menu',
): 'all' | string[] {
  const rules = ability.rulesFor(action, subject).filter((rule) => !rule.inverted);
  if (rules.some((rule) => !rule.conditions)) return 'all';
  const ids = new Set<string>();
  for (const rule of rules) {
    const condition = (rule.conditions as { merchantId?: { $in?: unknown } } | undefined)?.merchantId?.$in;
    if (Array.isArray(condition)) for (const id of condition) if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}
