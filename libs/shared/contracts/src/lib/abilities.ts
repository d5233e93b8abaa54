import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
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
  | 'Zone'
  | 'Order'
  | 'Delivery'
  | 'Dispatch'
  | 'Proposal'
  | 'Settings'
  | 'OwnProfile'
  /** a courier's own courier profile, availability, duty and location */
  | 'OwnCourier'
  /** the tasks assigned to the caller's own courier profile (never another courier's) */
  | 'OwnTask';

export type AppAbility = MongoAbility<[Action, Subject]>;

/** What the ability function needs to know: no I/O, only what the token says. */
export interface AbilityInput {
  coopId: string | null;
  roles: readonly CoopRole[];
  platformRoles: readonly PlatformRole[];
}

type Can = AbilityBuilder<AppAbility>['can'];

/**
 * One record of rules per role (CASL's role-permissions pattern). Rules are plain data:
 * no conditions built from user input, so nothing from a request can widen them.
 */
const coopRoleRules: Record<CoopRole, (can: Can) => void> = {
  coop_admin(can) {
    can('manage', 'Member');
    can('manage', 'Invitation');
    can('manage', 'Courier');
    can('manage', 'Merchant');
    can('manage', 'Zone');
    can('manage', 'Settings');
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
    can('read', 'Zone');
    can('manage', 'Delivery');
    can('manage', 'Dispatch');
    can('read', 'Order');
  },
  courier(can) {
    can('read', 'Coop');
    // a courier sees deliveries only through their own tasks, never the coop's list
    can('read', 'OwnTask');
    can('update', 'OwnTask');
    can('read', 'OwnCourier');
    can('update', 'OwnCourier');
  },
  merchant_staff(can) {
    can('read', 'Coop');
    can('read', 'Merchant');
    can('update', 'Merchant');
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
    for (const role of input.roles) coopRoleRules[role]?.(can);
  }
  return build();
}

/** The permission a route declares: an action on a subject, or public. */
export type Permission = { action: Action; subject: Subject } | 'public' | 'authenticated';
