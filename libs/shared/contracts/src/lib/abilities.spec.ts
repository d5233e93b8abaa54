import { defineAbilityFor } from './abilities';

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
});
