import { defineAbilityFor, type CoopRole, type PlatformRole } from '@federacycle/contracts';
import { navigationFor } from './navigation';

const COOP = '00000000-0000-4000-8000-000000000001';

function pathsFor(roles: CoopRole[], platformRoles: PlatformRole[] = [], coopId: string | null = COOP): string[] {
  return navigationFor(defineAbilityFor({ coopId, roles, platformRoles })).map((item) => item.path);
}

describe('navigationFor', () => {
  it('gives a coop admin people, operations and governance, not the federation', () => {
    expect(pathsFor(['coop_admin'])).toEqual([
      '/',
      '/people',
      '/dispatch',
      '/deliveries',
      '/orders',
      '/merchants',
      '/zones',
      '/pricing',
      '/couriers',
      '/proposals',
      '/settings',
      '/licence',
    ]);
  });

  it('gives a dispatcher the board and operations, not people', () => {
    expect(pathsFor(['dispatcher'])).toEqual([
      '/',
      '/dispatch',
      '/deliveries',
      '/orders',
      '/merchants',
      '/zones',
      '/pricing',
      '/couriers',
    ]);
  });

  it('gives a courier their own tasks and courier page, not the coop’s deliveries', () => {
    expect(pathsFor(['courier'])).toEqual(['/', '/my-tasks', '/me/courier']);
  });

  it('gives merchant staff orders, merchants and (read-only) zones', () => {
    expect(pathsFor(['merchant_staff'])).toEqual(['/', '/orders', '/merchants', '/zones']);
  });

  it('gives a member proposals and the settings they decide', () => {
    expect(pathsFor(['member'])).toEqual(['/', '/proposals', '/settings']);
  });

  it('gives a federation admin coops and licences, not a coop’s people', () => {
    expect(pathsFor([], ['federation_admin'], null)).toEqual([
      '/',
      '/federation/coops',
      '/federation/applications',
      '/federation/proposals',
      '/licence',
    ]);
  });

  it('unions the items of several roles', () => {
    expect(pathsFor(['courier', 'member'])).toEqual(['/', '/my-tasks', '/me/courier', '/proposals', '/settings']);
  });

  it('shows only home when no coop is selected', () => {
    expect(pathsFor(['coop_admin'], [], null)).toEqual(['/']);
  });
});
