import type { ExportTable } from '@federacycle/platform-database';
import { Invitation } from '../invitations/invitation.entity';
import { Membership } from './membership.entity';

/** Identity's tables of a coop's data export (registered in the CoopExportRegistry by IdentityModule). */
export const IDENTITY_EXPORT_TABLES: readonly ExportTable[] = [
  {
    name: 'memberships',
    columns: ['user_id', 'email', 'name', 'roles', 'status', 'created_at', 'updated_at'],
    read: async (manager, coopId) =>
      (
        await manager
          .getRepository(Membership)
          .createQueryBuilder('m')
          .innerJoinAndSelect('m.user', 'u')
          .where('m.coopId = :coopId', { coopId })
          .orderBy('m.createdAt')
          .addOrderBy('m.userId')
          .getMany()
      ).map((m) => ({
        user_id: m.userId,
        email: m.user?.email,
        name: m.user?.name,
        roles: m.roles,
        status: m.status,
        created_at: m.createdAt,
        updated_at: m.updatedAt,
      })),
  },
  {
    name: 'invitations',
    columns: ['id', 'email', 'roles', 'expires_at', 'accepted_at', 'revoked_at', 'created_at'],
    read: async (manager, coopId) =>
      (await manager.find(Invitation, { where: { coopId }, order: { createdAt: 'ASC', id: 'ASC' } })).map((i) => ({
        id: i.id,
        email: i.email,
        roles: i.roles,
        expires_at: i.expiresAt,
        accepted_at: i.acceptedAt,
        revoked_at: i.revokedAt,
        created_at: i.createdAt,
      })),
  },
];
