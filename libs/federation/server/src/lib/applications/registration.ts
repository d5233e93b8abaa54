import { Not } from 'typeorm';
import { ApiException } from '@federacycle/platform-http';
import { Coop, type Tx } from '@federacycle/platform-database';
import { CoopApplication } from './application.entity';

/** A URL-safe slug of a coop name (accents folded), 2..41 characters, matching the coops check. */
export function slugify(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 34)
    .replace(/-+$/g, '');
  return base.length >= 2 ? base : `coop-${base || 'x'}`.slice(0, 34);
}

export const duplicateRegistration = () =>
  ApiException.conflict(
    'DUPLICATE_REGISTRATION',
    'A cooperative with this registration number is already a member or has applied',
  );

/**
 * Refuses a registration already held by a coop or by a live (not rejected) application other
 * than `exceptApplication`. The unique indexes (coops.registration_key, and the partial one of
 * live applications) are the final word under concurrency: their violation maps to the same 409.
 */
export async function assertRegistrationFree(tx: Tx, key: string, exceptApplication: string | null): Promise<void> {
  if (await tx.manager.exists(Coop, { where: { registrationKey: key } })) throw duplicateRegistration();
  const live = await tx.manager.find(CoopApplication, {
    where: { registrationKey: key, status: Not('rejected') },
    select: { id: true },
  });
  if (live.some((a) => a.id !== exceptApplication)) throw duplicateRegistration();
}

/** A slug for a new coop: the name's, or the first free `-2`, `-3`, … */
export async function freeSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (
      await tx.manager
        .getRepository(Coop)
        .createQueryBuilder('c')
        .select(['c.id', 'c.slug'])
        .where("c.slug = :base or c.slug like :prefix escape '\\'", {
          base,
          prefix: `${base.replace(/[\\%_]/g, '\\$&')}-%`,
        })
        .getMany()
    ).map((c) => c.slug),
  );
  let slug = base;
  for (let i = 2; taken.has(slug); i += 1) slug = `${base}-${i}`;
  return slug;
}
