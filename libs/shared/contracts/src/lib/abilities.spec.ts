import { subject } from '@casl/ability';
import { defineAbilityFor, merchantScope } from './abilities';

describe('defineAbilityFor', () => {
  const coopId = '00000000-0000-4000-8000-000000000001';
  it.each([
    ['coop_admin', 'manage', 'Member', true],
    ['coop_admin', 'manage', 'Federation', false],
    ['dispatcher', 'manage', 'Dispatch', true],
    ['dispatcher', 'read', 'Member', false],
    ['courier', 'read', 'Delivery', false],
    ['courier', 'read', 'OwnTask', true],
    ['courier', 'update', 'OwnTask', true],
    ['dispatcher', 'read', 'OwnTask', false],
    ['courier', 'update', 'Delivery', false],
    ['courier', 'update', 'OwnCourier', true],
    ['courier', 'read', 'Courier', false],
    ['dispatcher', 'read', 'Courier', true],
    ['dispatcher', 'update', 'Courier', false],
    ['dispatcher', 'update', 'OwnCourier', false],
    ['coop_admin', 'update', 'Courier', true],
    ['coop_admin', 'update', 'OwnCourier', false],
    ['merchant_staff', 'update', 'Order', true],
    ['merchant_staff', 'read', 'Member', false],
    ['member', 'create', 'Proposal', true],
    ['member', 'read', 'Invitation', false],
    ['coop_admin', 'manage', 'Zone', true],
    ['dispatcher', 'read', 'Zone', true],
    ['dispatcher', 'update', 'Zone', false],
    ['dispatcher', 'read', 'Pricing', true],
    ['dispatcher', 'update', 'Pricing', false],
    ['courier', 'read', 'Pricing', false],
    ['merchant_staff', 'read', 'Zone', true],
    ['merchant_staff', 'create', 'Zone', false],
    ['courier', 'read', 'Zone', false],
    ['member', 'read', 'Zone', false],
  ] as const)('%s can %s %s: %s', (role, action, subject, expected) => {
    const ability = defineAbilityFor({ coopId, roles: [role], platformRoles: [] });
    expect(ability.can(action, subject)).toBe(expected);
  });

  it('gives coop roles nothing when no coop is selected', () => {
    const ability = defineAbilityFor({ coopId: null, roles: ['coop_admin'], platformRoles: [] });
    expect(ability.can('read', 'Member')).toBe(false);
    expect(ability.can('read', 'OwnProfile')).toBe(true);
  });

  it('lets a federation admin manage coops and applications but not a coop’s people', () => {
    const ability = defineAbilityFor({ coopId: null, roles: [], platformRoles: ['federation_admin'] });
    expect(ability.can('manage', 'Coop')).toBe(true);
    expect(ability.can('manage', 'Application')).toBe(true);
    expect(ability.can('read', 'Member')).toBe(false);
  });

  describe('merchant scoping', () => {
    const mine = '00000000-0000-4000-8000-0000000000a1';
    const theirs = '00000000-0000-4000-8000-0000000000b2';
    const staff = defineAbilityFor({ coopId, roles: ['merchant_staff'], platformRoles: [], merchantIds: [mine] });
    const admin = defineAbilityFor({ coopId, roles: ['coop_admin'], platformRoles: [] });
    const dispatcher = defineAbilityFor({ coopId, roles: ['dispatcher'], platformRoles: [] });

    it('lets staff read and change the menu and pause of their merchants only', () => {
      expect(staff.can('update', subject('Menu', { merchantId: mine }))).toBe(true);
      expect(staff.can('update', subject('Menu', { merchantId: theirs }))).toBe(false);
      expect(staff.can('read', subject('Merchant', { merchantId: theirs }))).toBe(false);
      expect(staff.can('update', subject('MerchantPause', { merchantId: mine }))).toBe(true);
      expect(staff.can('update', subject('Merchant', { merchantId: mine }))).toBe(false);
      expect(staff.can('create', 'Merchant')).toBe(false);
    });

    it('scopes staff to their ids, admins and dispatchers to the whole coop', () => {
      expect(merchantScope(staff, 'update', 'Menu')).toEqual([mine]);
      expect(merchantScope(admin, 'update', 'Menu')).toBe('all');
      expect(merchantScope(dispatcher, 'read', 'Menu')).toBe('all');
      expect(merchantScope(dispatcher, 'update', 'Menu')).toEqual([]);
      const none = defineAbilityFor({ coopId, roles: ['merchant_staff'], platformRoles: [] });
      expect(merchantScope(none, 'read', 'Merchant')).toEqual([]);
      const both = defineAbilityFor({
        coopId,
        roles: ['merchant_staff', 'coop_admin'],
        platformRoles: [],
        merchantIds: [mine],
      });
      expect(merchantScope(both, 'update', 'Menu')).toBe('all');
    });
  });
});
