import { join } from 'node:path';
import { formatFiles, generateFiles, names, updateJson, type Tree } from '@nx/devkit';
import { defineAbilityFor, type Action, type Subject } from '@federacycle/contracts';

export interface DomainGeneratorSchema {
  name: string;
  /** the CASL subject guarding the sample routes */
  subject?: string;
}

const COOP_ROLES = ['coop_admin', 'dispatcher', 'courier', 'merchant_staff', 'member'] as const;
const API = 'apps/api/src/app';

/**
 * `npm run new-domain -- <name> [--subject Courier]`: a domain library on the template of the
 * identity and federation domains, wired in, so that lint, type-check, the unit and integration
 * specs, the schema-agreement test and the isolation suite pass right away with the new routes.
 */
export async function domainGenerator(tree: Tree, schema: DomainGeneratorSchema): Promise<void> {
  const name = names(schema.name).fileName;
  if (!/^[a-z][a-z0-9-]{1,30}$/.test(name)) throw new Error(`domain name "${schema.name}": use kebab-case, e.g. fleet`);
  if (tree.exists(`libs/${name}/server`)) throw new Error(`libs/${name}/server exists already`);
  const subject = (schema.subject ?? 'Settings') as Subject;
  const { className, constantName } = names(name);
  const snake = name.replace(/-/g, '_');
  const migration = `${nextMigrationNumber(tree)}_${snake}.sql`;
  const substitutions = {
    name,
    className,
    constName: constantName,
    table: `${snake}_samples`,
    subject,
    migration,
    readers: literal(rolesThatCan('read', subject)),
    creators: literal(rolesThatCan('create', subject)),
    tmpl: '',
  };
  generateFiles(tree, join(__dirname, 'files', 'lib'), `libs/${name}/server`, substitutions);
  generateFiles(tree, join(__dirname, 'files', 'api'), API, substitutions);
  generateFiles(tree, join(__dirname, 'files', 'migrations'), 'migrations', { ...substitutions, migration });

  updateJson(tree, 'tsconfig.base.json', (json: { compilerOptions: { paths: Record<string, string[]> } }) => {
    json.compilerOptions.paths[`@federacycle/${name}-server`] = [`./libs/${name}/server/src/index.ts`];
    return json;
  });
  const pkg = `@federacycle/${name}-server`;
  // the API composes the module; the schema-agreement test and the isolation suite take the rest
  insertAfterImports(tree, `${API}/app.module.ts`, `import { ${className}Module } from '${pkg}';`);
  // the anchor is the entry in the imports array (one line or Prettier's one entry per line)
  replaceOnce(
    tree,
    `${API}/app.module.ts`,
    '        IdentityModule,\n',
    `        IdentityModule,\n        ${className}Module,\n`,
  );
  insertAfterImports(tree, `${API}/schema-agreement.int-spec.ts`, `import { ${constantName}_ENTITIES } from '${pkg}';`);
  replaceOnce(
    tree,
    `${API}/schema-agreement.int-spec.ts`,
    'const ENTITIES = [',
    `const ENTITIES = [...${constantName}_ENTITIES, `,
  );
  insertAfterImports(
    tree,
    `${API}/domains.expected-access.ts`,
    `import { ${constantName}_EXPECTED } from './${name}/${name}.expected-access';`,
  );
  replaceOnce(tree, `${API}/domains.expected-access.ts`, '= {', `= {\n  ...${constantName}_EXPECTED,`);
  addToRouteSnapshot(tree, [
    { method: 'GET', path: `/api/${name}/samples`, permission: `read:${subject}` },
    { method: 'POST', path: `/api/${name}/samples`, permission: `create:${subject}` },
  ]);
  await formatFiles(tree);
}

export default domainGenerator;

/** The coop roles whose abilities allow `action` on `subject` (written into the expected access). */
function rolesThatCan(action: Action, subject: Subject): string[] {
  return COOP_ROLES.filter((role) =>
    defineAbilityFor({ coopId: 'c', roles: [role], platformRoles: [] }).can(action, subject),
  );
}

/** a list of roles as TypeScript source */
function literal(roles: string[]): string {
  return `[${roles.map((r) => `'${r}'`).join(', ')}]`;
}

function nextMigrationNumber(tree: Tree): string {
  const numbers = tree
    .children('migrations')
    .map((file) => /^(\d{4})_/.exec(file)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return String(Math.max(0, ...numbers) + 1).padStart(4, '0');
}

function read(tree: Tree, path: string): string {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} is missing`);
  return text;
}

function insertAfterImports(tree: Tree, path: string, line: string): void {
  const text = read(tree, path);
  const lines = text.split('\n');
  let last = -1;
  lines.forEach((l, i) => {
    if (/^import .* from '.*';$/.test(l) || /^} from '.*';$/.test(l)) last = i;
  });
  lines.splice(last + 1, 0, line);
  tree.write(path, lines.join('\n'));
}

function replaceOnce(tree: Tree, path: string, find: string, replacement: string): void {
  const text = read(tree, path);
  if (!text.includes(find)) throw new Error(`${path}: cannot find "${find}" to wire the new domain in`);
  tree.write(path, text.replace(find, replacement));
}

interface RouteAccess {
  method: string;
  path: string;
  permission: string;
}

function addToRouteSnapshot(tree: Tree, added: RouteAccess[]): void {
  const path = `${API}/isolation/route-access.snapshot.json`;
  const routes = [...(JSON.parse(read(tree, path)) as RouteAccess[]), ...added];
  // the order of listRoutes() (libs/identity/server/src/lib/auth/route-catalog.ts)
  routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  tree.write(path, `${JSON.stringify(routes, null, 2)}\n`);
}
