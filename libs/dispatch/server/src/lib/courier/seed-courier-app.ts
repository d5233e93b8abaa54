import { writeSettingVersions } from '@federacycle/federation-server';
import { Coop, type Database } from '@federacycle/platform-database';

/**
 * The courier app's demo: Lyon asks a photo and the recipient's signature at dropoff, as the
 * coop's initial setting version (before any proposal changes it). Idempotent: a coop that has
 * any version of the setting keeps it.
 */
export async function seedCourierApp(db: Database): Promise<void> {
  const lyon = await db.platform(({ manager }) =>
    manager.findOne(Coop, { where: { slug: 'lyon' }, select: { id: true } }),
  );
  if (!lyon) return;
  await db.forCoop(lyon.id, async (tx) => {
    const existing = await tx.maybeOne(
      `select 1 from coop_setting_versions where coop_id = $1 and key = 'proof_of_delivery_dropoff'`,
      [lyon.id],
    );
    if (existing) return;
    await writeSettingVersions(
      tx,
      'coop',
      lyon.id,
      [{ key: 'proof_of_delivery_dropoff', value: 'photo_and_signature' }],
      {
        source: 'initial',
        proposalId: null,
        effectiveAt: new Date(),
      },
    );
  });
}
