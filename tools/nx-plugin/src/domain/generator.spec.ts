import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Tree } from '@nx/devkit';
import { domainGenerator } from './generator';

const ROOT = join(__dirname, '..', '..', '..', '..');
/** the repository's files the generator edits, copied into a virtual workspace */
const WIRED = [
  'tsconfig.base.json',
  'apps/api/src/app/app.module.ts',
  'apps/api/src/app/schema-agreement.int-spec.ts',
  'apps/api/src/app/domains.expected-access.ts',
  'apps/api/src/app/isolation/route-access.snapshot.json',
];

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  for (const file of WIRED) tree.write(file, readFileSync(join(ROOT, file), 'utf8'));
  for (const file of readdirSync(join(ROOT, 'migrations'))) tree.write(`migrations/${file}`, '-- applied');
  return tree;
}

describe('npm run new-domain (the domain generator)', () => {
  it('writes the library, the migration stub, the expected access and the specs of a new domain', async () => {
    const tree = workspace();
    await domainGenerator(tree, { name: 'fleet', subject: 'Courier' });
    for (const file of [
      'libs/fleet/server/project.json',
      'libs/fleet/server/src/index.ts',
      'libs/fleet/server/src/lib/fleet.module.ts',
      'libs/fleet/server/src/lib/samples/fleet-sample.entity.ts',
      'libs/fleet/server/src/lib/samples/fleet-samples.service.ts',
      'libs/fleet/server/src/lib/samples/fleet-samples.dto.spec.ts',
      'apps/api/src/app/fleet/fleet.expected-access.ts',
      'apps/api/src/app/fleet/fleet.int-spec.ts',
    ])
      expect([file, tree.exists(file)]).toEqual([file, true]);
    expect(JSON.parse(tree.read('libs/fleet/server/project.json', 'utf-8') ?? '{}').tags).toEqual([
      'scope:fleet',
      'type:server',
      'platform:node',
    ]);
    const last = Math.max(...readdirSync(join(ROOT, 'migrations')).map((f) => Number(f.slice(0, 4))));
    const migration = `migrations/${String(last + 1).padStart(4, '0')}_fleet.sql`;
    expect(tree.read(migration, 'utf-8')).toMatch(/alter table fleet_samples force row level security/);
  });

  it('wires it into the API, the schema-agreement test, the isolation suite and the route snapshot', async () => {
    const tree = workspace();
    await domainGenerator(tree, { name: 'fleet', subject: 'Courier' });
    const read = (file: string) => tree.read(file, 'utf-8') ?? '';
    expect(JSON.parse(read('tsconfig.base.json')).compilerOptions.paths['@federacycle/fleet-server']).toEqual([
      './libs/fleet/server/src/index.ts',
    ]);
    expect(read('apps/api/src/app/app.module.ts')).toMatch(/FleetModule/);
    expect(read('apps/api/src/app/schema-agreement.int-spec.ts')).toMatch(/\.\.\.FLEET_ENTITIES/);
    expect(read('apps/api/src/app/domains.expected-access.ts')).toMatch(/\.\.\.FLEET_EXPECTED/);
    const routes = JSON.parse(read('apps/api/src/app/isolation/route-access.snapshot.json')) as { path: string }[];
    expect(routes.filter((r) => r.path === '/api/fleet/samples')).toEqual([
      { method: 'GET', path: '/api/fleet/samples', permission: 'read:Courier' },
      { method: 'POST', path: '/api/fleet/samples', permission: 'create:Courier' },
    ]);
    // the roles written into the expected access are those the abilities give
    expect(read('apps/api/src/app/fleet/fleet.expected-access.ts')).toMatch(
      /const READERS: Role\[\] = \['coop_admin', 'dispatcher'\];/,
    );
  });

  it('refuses a name that is not kebab-case, or a domain that exists', async () => {
    const tree = workspace();
    await expect(domainGenerator(tree, { name: 'Fleet Ops!' })).rejects.toThrow(/kebab-case/);
    await domainGenerator(tree, { name: 'geo' });
    await expect(domainGenerator(tree, { name: 'geo' })).rejects.toThrow(/exists already/);
  });
});
