import type { CoopRole, PlatformRole } from '@federacycle/contracts';
import { Coop, type Database, type Tx } from '@federacycle/platform-database';
import { Membership } from '../members/membership.entity';
import { hashPassword } from '../shared/passwords';
import { User } from '../users/user.entity';
import { userByEmail } from '../users/users.repository';

export const DEMO_PASSWORD = 'federacycle-demo';

export interface SeedIdentityOptions {
  /** the password of every demo account (default `federacycle-demo`) */
  password?: string;
}

/** One demo account, for the start script to print. */
export interface SeedAccount {
  email: string;
  password: string;
  roles: Array<CoopRole | PlatformRole>;
  /** coop slug, null for the federation admin */
  coop: string | null;
}

interface DemoCoop {
  slug: string;
  name: string;
  city: string;
  country: string;
  timezone: string;
  currency: string;
}

export const DEMO_COOPS: readonly DemoCoop[] = [
  { slug: 'lyon', name: 'Coursiers Lyonnais', city: 'Lyon', country: 'FR', timezone: 'Europe/Paris', currency: 'EUR' },
  {
    slug: 'barcelona',
    name: 'Missatgers de Barcelona',
    city: 'Barcelona',
    country: 'ES',
    timezone: 'Europe/Madrid',
    currency: 'EUR',
  },
  {
    slug: 'berlin',
    name: 'Kurierkollektiv Berlin',
    city: 'Berlin',
    country: 'DE',
    timezone: 'Europe/Berlin',
    currency: 'EUR',
  },
];

const PEOPLE: ReadonlyArray<{ local: string; name: string; roles: CoopRole[] }> = [
  { local: 'admin', name: 'Admin', roles: ['coop_admin', 'member'] },
  { local: 'dispatcher', name: 'Dispatcher', roles: ['dispatcher', 'member'] },
  { local: 'courier', name: 'Courier', roles: ['courier', 'member'] },
  { local: 'merchant', name: 'Merchant Staff', roles: ['merchant_staff'] },
  { local: 'member', name: 'Member', roles: ['member'] },
];

const FEDERATION_ADMIN = { email: 'federation@federacycle.demo', name: 'Federation Admin' };
/** rides for two coops */
const TWO_COOP_RIDER = {
  email: 'rider@federacycle.demo',
  name: 'Two-Coop Rider',
  memberships: [
    ['lyon', ['courier', 'member']],
    ['barcelona', ['courier']],
  ] as const,
};

/**
 * Demo identities: a federation admin, the three demo coops with one person per role,
 * and a rider in two coops. Idempotent: existing coops, users and memberships are left
 * exactly as they are (a second run changes nothing, passwords included).
 */
export async function seedIdentity(db: Database, options: SeedIdentityOptions = {}): Promise<SeedAccount[]> {
  if (!db.dataSource.hasMetadata(User)) {
    throw new Error('seedIdentity needs a Database connected with `entities: IDENTITY_ENTITIES`');
  }
  const password = options.password ?? DEMO_PASSWORD;
  let hash: Promise<string> | null = null;
  const passwordHash = () => (hash ??= hashPassword(password));
  const accounts: SeedAccount[] = [];

  const coopIds = new Map<string, string>();
  await db.platform(async ({ manager }) => {
    for (const coop of DEMO_COOPS) {
      await manager.createQueryBuilder().insert().into(Coop).values(coop).orIgnore().updateEntity(false).execute();
      const { id } = await manager.findOneOrFail(Coop, { where: { slug: coop.slug }, select: { id: true } });
      coopIds.set(coop.slug, id);
    }
  });

  const ensureUser = (email: string, name: string, platformRoles: PlatformRole[] = []) =>
    db.platform(async (tx) => userId(tx, email, name, platformRoles, passwordHash));

  await ensureUser(FEDERATION_ADMIN.email, FEDERATION_ADMIN.name, ['federation_admin']);
  accounts.push({ email: FEDERATION_ADMIN.email, password, roles: ['federation_admin'], coop: null });

  for (const coop of DEMO_COOPS) {
    const coopId = coopIds.get(coop.slug) as string;
    for (const person of PEOPLE) {
      const email = `${person.local}@${coop.slug}.demo`;
      const id = await ensureUser(email, `${person.name} ${coop.city}`);
      await db.forCoop(coopId, (tx) => ensureMembership(tx, coopId, id, person.roles));
      accounts.push({ email, password, roles: person.roles, coop: coop.slug });
    }
  }

  const riderId = await ensureUser(TWO_COOP_RIDER.email, TWO_COOP_RIDER.name);
  for (const [slug, roles] of TWO_COOP_RIDER.memberships) {
    const coopId = coopIds.get(slug) as string;
    await db.forCoop(coopId, (tx) => ensureMembership(tx, coopId, riderId, [...roles]));
    accounts.push({ email: TWO_COOP_RIDER.email, password, roles: [...roles], coop: slug });
  }
  return accounts;
}

async function userId(
  tx: Tx,
  email: string,
  name: string,
  platformRoles: PlatformRole[],
  passwordHash: () => Promise<string>,
): Promise<string> {
  const existing = await userByEmail(tx.manager, email);
  if (existing) return existing.id;
  const inserted = await tx.manager.insert(User, { email, name, passwordHash: await passwordHash(), platformRoles });
  return (inserted.identifiers[0] as Pick<User, 'id'>).id;
}

/** Adds the membership unless the person already has one in the coop (left exactly as it is). */
async function ensureMembership(tx: Tx, coopId: string, userId: string, roles: CoopRole[]): Promise<void> {
  await tx.manager
    .createQueryBuilder()
    .insert()
    .into(Membership)
    .values({ coopId, userId, roles })
    .orIgnore()
    .updateEntity(false)
    .execute();
}

/** One person another domain's demo seed needs in a coop. */
export interface DemoMember {
  email: string;
  name: string;
  roles: CoopRole[];
}

/**
 * Identity's way for other domains' demo seeds to have people in a coop (fleet's couriers,
 * merchants' staff): each account is created unless its email exists, each membership added
 * unless the person already has one in the coop (both left exactly as they are). The demo
 * password is hashed once for the whole batch. Returns the user ids, in the order given.
 */
export async function ensureDemoMembers(
  db: Database,
  coopId: string,
  people: readonly DemoMember[],
  options: SeedIdentityOptions = {},
): Promise<string[]> {
  let hash: Promise<string> | null = null;
  const passwordHash = () => (hash ??= hashPassword(options.password ?? DEMO_PASSWORD));
  const ids: string[] = [];
  for (const person of people) {
    const id = await db.platform((tx) => userId(tx, person.email, person.name, [], passwordHash));
    await db.forCoop(coopId, (tx) => ensureMembership(tx, coopId, id, person.roles));
    ids.push(id);
  }
  return ids;
}
