import { Inject, Injectable } from '@nestjs/common';
import type { CoopDirectoryEntry, Page } from '@federacycle/contracts';
import { Database } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { standingFor } from '../compliance/licence-standing';
import { coopLifecycle, type CoopEvent, type CoopState } from '../lifecycle/coop-lifecycle';
import { CLOCK, type Clock } from '../nest/clock';
import { auditForCoop, recordTransition } from '../nest/federation-audit';
import { lifecycleError } from '../nest/federation-errors';
import { FederationMailer } from '../nest/federation-mailer';
import { readSettings } from '../nest/federation-settings.service';

interface DirectoryRow {
  id: string;
  slug: string;
  name: string;
  city: string;
  country: string;
  status: CoopState;
  licence_expires_at: Date | null;
  licence_revoked_at: Date | null;
  share: number | null;
  below_since: Date | null;
  total: string;
}

const MESSAGES: Record<CoopEvent, (name: string, reason: string | null) => [string, string]> = {
  suspend: (n, r) => [
    `${n} is suspended by the federation`,
    `The federation suspended ${n}: operations are restricted until it is reinstated. Reason: ${r ?? ''}`,
  ],
  reinstate: (n, r) => [
    `${n} is reinstated`,
    `The federation reinstated ${n}: operations are open again. Reason: ${r ?? ''}`,
  ],
  start_offboarding: (n, r) => [
    `${n} is leaving the federation`,
    `The federation started the offboarding of ${n}. Operations are restricted; your coop admins can download an export of all your data (zip of JSON and CSV files) from the console until access closes. Reason: ${r ?? ''}`,
  ],
  complete_offboarding: (n) => [
    `${n} has left the federation`,
    `The offboarding of ${n} is complete: access to the platform is now closed.`,
  ],
};

/** The federation admin's side of a member coop: directory and lifecycle (suspend, reinstate, offboard). */
@Injectable()
export class CoopLifecycleService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(FederationMailer) private readonly mailer: FederationMailer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async transition(
    coopId: string,
    event: CoopEvent,
    reason: string | undefined,
  ): Promise<{ id: string; status: CoopState }> {
    const now = this.clock.now();
    const result = await this.db.platform(async (tx) => {
      const coop = await tx.maybeOne<{
        id: string;
        name: string;
        status: CoopState;
        contact_email: string | null;
      }>('select id, name, status, contact_email from coops where id = $1 for update', [coopId]);
      if (!coop) throw ApiException.notFound('Cooperative');
      let record;
      try {
        record = coopLifecycle.apply({
          from: coop.status,
          event,
          actorId: 'federation',
          reason,
          at: now,
        });
      } catch (error) {
        lifecycleError(error);
      }
      await tx.execute('update coops set status = $2, updated_at = now() where id = $1', [coopId, record.to]);
      await recordTransition(tx, {
        subjectType: 'coop',
        subjectId: coopId,
        event,
        from: record.from,
        to: record.to,
        reason: record.reason,
        at: now,
      });
      await auditForCoop(tx, coopId, {
        action: `coop.${event}`,
        subjectType: 'coop',
        subjectId: coopId,
        data: { from: record.from, to: record.to, reason: record.reason },
      });
      if (event === 'complete_offboarding') {
        // access closes: every membership of the coop is disabled (the access guard refuses
        // disabled memberships), pending invitations are revoked and the licence ends
        await tx.query("select set_config('app.coop_id', $1, true)", [coopId]);
        await tx.execute(
          "update memberships set status = 'disabled', updated_at = now() where coop_id = $1 and status = 'active'",
          [coopId],
        );
        await tx.execute(
          'update invitations set revoked_at = now() where coop_id = $1 and accepted_at is null and revoked_at is null',
          [coopId],
        );
        await tx.query("select set_config('app.coop_id', '', true)");
        await tx.execute(
          "update licences set revoked_at = $2, revocation_reason = 'offboarded' where licensed_coop_id = $1 and revoked_at is null",
          [coopId, now],
        );
      }
      return { coop, to: record.to, reason: record.reason };
    });
    const [subject, text] = MESSAGES[event](result.coop.name, result.reason);
    this.mailer.notify(result.coop.contact_email, subject, text, this.mailer.url('/licence'));
    return { id: coopId, status: result.to };
  }

  async directory(limit: number, offset: number): Promise<Page<CoopDirectoryEntry>> {
    const now = this.clock.now();
    return this.db.platform(async (tx) => {
      const settings = await readSettings(tx);
      const rows = await tx.query<DirectoryRow>(
        `select c.id, c.slug, c.name, c.city, c.country, c.status,
                l.expires_at as licence_expires_at, l.revoked_at as licence_revoked_at,
                o.share, o.below_since, count(*) over () as total
           from coops c
           left join lateral (select expires_at, revoked_at from licences where licensed_coop_id = c.id order by issued_at desc, created_at desc limit 1) l on true
           left join federation_compliance_overview() o on o.coop_id = c.id
          order by c.name, c.id limit $1 offset $2`,
        [limit, offset],
      );
      const items = rows.map((r): CoopDirectoryEntry => {
        const standing = standingFor({
          coopStatus: r.status,
          licence: r.licence_expires_at
            ? {
                status: r.licence_revoked_at ? 'revoked' : 'active',
                expiresAt: r.licence_expires_at,
                revokedAt: r.licence_revoked_at,
              }
            : null,
          now,
          graceDays: settings.licenceGraceDays,
          workerOwnership:
            r.share === null && r.below_since === null
              ? null
              : {
                  share: r.share,
                  threshold: settings.workerOwnershipThreshold,
                  belowSince: r.below_since,
                },
        });
        return {
          id: r.id,
          slug: r.slug,
          name: r.name,
          city: r.city,
          country: r.country,
          status: r.status,
          standing: standing.mode,
          licenceExpiresAt: r.licence_expires_at ? r.licence_expires_at.toISOString() : null,
          memberShare: r.share,
        };
      });
      const total =
        rows.length > 0
          ? Number(rows[0]?.total ?? 0)
          : Number((await tx.one<{ n: string }>('select count(*) as n from coops')).n);
      return { items, total };
    });
  }
}
