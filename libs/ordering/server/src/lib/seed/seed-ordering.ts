import { Coop, TenantContext, type Database } from '@federacycle/platform-database';
import { Merchant } from '@federacycle/merchants-server';
import { apiKeyOf, oauthSecretOf } from '../partners/auth/partner-secrets';
import { PartnerCredentialsService } from '../partners/credentials/partner-credentials.service';
import { PartnerClient } from '../partners/partner-client.entity';
import { PartnerClientsService } from '../partners/partner-clients.service';

/**
 * The demo partner's fixed credentials. DEMO ONLY: written by the seed of the demo federation and
 * printed by `npm start`; never use them elsewhere (a real client's are random, shown once).
 */
export const DEMO_PARTNER = {
  coopSlug: 'lyon',
  merchantName: 'Épicerie des Pentes',
  clientName: 'Épicerie des Pentes (WooCommerce)',
  apiKey: apiKeyOf('de0000a1', 'DemoKeyLyonEpicerieDesPentes0000000000000AA'),
  oauthKey: 'fco_DemoLyonEpicerie000001',
  oauthSecret: oauthSecretOf('DemoSecretLyonEpicerieDesPentes00000000000A'),
} as const;

export interface DemoPartnerCredentials {
  coopSlug: string;
  clientName: string;
  apiKey: string;
  oauthKey: string;
  oauthSecret: string;
}

/**
 * ordering's demo: a partner client for one Lyon shop (Épicerie des Pentes, bound to it as its
 * store) with the fixed demo API key and OAuth2 credentials. Idempotent: a client of that name is
 * left as it is. Returns the credentials to print, or null without the demo coop or shop.
 */
export async function seedOrdering(db: Database): Promise<DemoPartnerCredentials | null> {
  const demo = DEMO_PARTNER;
  const coop = await db.platform((tx) =>
    tx.manager.findOne(Coop, { where: { slug: demo.coopSlug }, select: { id: true } }),
  );
  if (!coop) return null;
  const context = { coopId: coop.id, actorId: null, requestId: TenantContext.newRequestId() };
  const seeded = await TenantContext.run(context, () =>
    db.forCoop(coop.id, async (tx) => {
      const merchant = await tx.manager.findOne(Merchant, {
        where: { coopId: coop.id, name: demo.merchantName },
        select: { id: true },
      });
      if (!merchant) return false;
      const existing = await tx.manager.findOneBy(PartnerClient, { coopId: coop.id, name: demo.clientName });
      if (existing) return true;
      const client = await new PartnerClientsService(db).createIn(tx, coop.id, {
        name: demo.clientName,
        kind: 'shop',
        merchantId: merchant.id,
        scopes: ['deliveries', 'webhooks'],
        rateLimitPerMinute: 600,
      });
      await new PartnerCredentialsService(db).issueFixedIn(tx, coop.id, client.id, {
        apiKey: demo.apiKey,
        oauthKey: demo.oauthKey,
        oauthSecret: demo.oauthSecret,
      });
      return true;
    }),
  );
  if (!seeded) return null;
  return {
    coopSlug: demo.coopSlug,
    clientName: demo.clientName,
    apiKey: demo.apiKey.key,
    oauthKey: demo.oauthKey,
    oauthSecret: demo.oauthSecret.secret,
  };
}
