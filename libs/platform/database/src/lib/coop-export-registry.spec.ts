import { CoopExportRegistry, type ExportTable } from './coop-export-registry';

const table = (name: string): ExportTable => ({ name, columns: ['id'], read: async () => [] });

describe('CoopExportRegistry: every domain adds the tables it owns to a coop’s export', () => {
  it('lists the tables in registration order across domains', () => {
    const registry = new CoopExportRegistry();
    registry.register('identity', [table('memberships'), table('invitations')]);
    registry.register('fleet', [table('couriers')]);
    expect(registry.all().map((t) => t.name)).toEqual(['memberships', 'invitations', 'couriers']);
  });

  it('refuses one table name claimed by two domains (the export would silently lose one)', () => {
    const registry = new CoopExportRegistry();
    registry.register('identity', [table('memberships')]);
    expect(() => registry.register('fleet', [table('memberships')])).toThrow(/registered by identity and fleet/);
  });

  it('lets a domain register again (a module initialised twice in tests) without duplicates', () => {
    const registry = new CoopExportRegistry();
    registry.register('identity', [table('memberships')]);
    registry.register('identity', [table('memberships')]);
    expect(registry.all()).toHaveLength(1);
  });
});
