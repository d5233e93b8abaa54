import type { EntityManager } from 'typeorm';
import { User } from './user.entity';

/**
 * The account of an email (stored lower-cased), or null. Looks it up by `lower(email)`, the
 * expression of the unique index `users_email`, so the lookup is an index probe.
 * `withPasswordHash` adds the argon2id hash (not selected otherwise): sign-in only.
 */
export function userByEmail(
  manager: EntityManager,
  email: string,
  options: { withPasswordHash?: boolean } = {},
): Promise<User | null> {
  const query = manager.createQueryBuilder(User, 'u').where('lower(u.email) = :email', { email });
  if (options.withPasswordHash) query.addSelect('u.passwordHash');
  return query.getOne();
}
