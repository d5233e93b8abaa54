import { Controller, Get, HttpCode, Inject, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CoopLicenceResponse, StandingView, StorefrontView } from '@federacycle/contracts';
import { CurrentPrincipal, coopOf, type Caller } from '@federacycle/identity-server';
import { Database } from '@federacycle/platform-database';
import { Access, ApiException } from '@federacycle/platform-http';
import { JobName, writeOutbox } from '@federacycle/platform-queue';
import { CoopExportService } from '../coops/coop-export.service';
import { RequiresCapability } from '../nest/capability.guard';
import { CLOCK, type Clock } from '../nest/clock';
import { FederationMailer } from '../nest/federation-mailer';
import { LicencesService, licenceView } from '../nest/licences.service';
import { StandingService, standingView } from '../nest/standing.service';

interface HeaderResponse {
  setHeader(name: string, value: string): void;
}

/** What a coop sees of the federation: its licence, its standing, its storefront, its export. */
@ApiTags('federation (coop)')
@Controller('api')
export class CoopFederationController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(StandingService) private readonly standing: StandingService,
    @Inject(LicencesService) private readonly licences: LicencesService,
    @Inject(CoopExportService) private readonly exports: CoopExportService,
    @Inject(FederationMailer) private readonly mailer: FederationMailer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('licence')
  @Access({ action: 'read', subject: 'Licence' })
  async licence(@CurrentPrincipal() principal: Caller): Promise<CoopLicenceResponse> {
    const coopId = coopOf(principal);
    const facts = await this.standing.facts(coopId);
    const licence = await this.licences.current(coopId);
    const c = facts.compliance;
    return {
      standing: standingView(facts.standing),
      licence: licence ? licenceView(licence, this.clock.now()) : null,
      verifyUrl: this.mailer.url('/verify-licence'),
      workerOwnership: c
        ? {
            share: c.share,
            threshold: facts.threshold,
            activeCouriers: c.active_couriers,
            memberCouriers: c.member_couriers,
          }
        : null,
    };
  }

  @Get('licence/download')
  @Access({ action: 'read', subject: 'Licence' })
  async download(
    @CurrentPrincipal() principal: Caller,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<StreamableFile> {
    const licence = await this.licences.current(coopOf(principal));
    if (!licence) throw ApiException.notFound('Licence');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(Buffer.from(`${licence.token}\n`, 'utf8'), {
      type: 'text/plain; charset=utf-8',
      disposition: `attachment; filename="federacycle-licence-${licence.id}.jws"`,
    });
  }

  @Get('compliance')
  @Access('authenticated')
  async compliance(@CurrentPrincipal() principal: Caller): Promise<StandingView> {
    return standingView(await this.standing.standing(coopOf(principal)));
  }

  @Get('storefront')
  @Access({ action: 'read', subject: 'Coop' })
  async storefront(@CurrentPrincipal() principal: Caller): Promise<StorefrontView> {
    const coopId = coopOf(principal);
    const row = await this.db.forCoop(coopId, (tx) =>
      tx.maybeOne<{ published_at: Date | null }>('select published_at from coop_storefronts where coop_id = $1', [
        coopId,
      ]),
    );
    return {
      published: row?.published_at != null,
      publishedAt: row?.published_at ? row.published_at.toISOString() : null,
    };
  }

  @Post('storefront/publish')
  @Access({ action: 'update', subject: 'Coop' })
  @RequiresCapability('publish_storefront')
  @HttpCode(200)
  publish(@CurrentPrincipal() principal: Caller): Promise<StorefrontView> {
    return this.setPublished(coopOf(principal), true);
  }

  @Post('storefront/unpublish')
  @Access({ action: 'update', subject: 'Coop' })
  @HttpCode(200)
  unpublish(@CurrentPrincipal() principal: Caller): Promise<StorefrontView> {
    return this.setPublished(coopOf(principal), false);
  }

  @Get('coop/export')
  @Access({ action: 'update', subject: 'Coop' })
  async export(
    @CurrentPrincipal() principal: Caller,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<StreamableFile> {
    const file = await this.exports.export(coopOf(principal));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.content, {
      type: 'application/zip',
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.content.length,
    });
  }

  private async setPublished(coopId: string, published: boolean): Promise<StorefrontView> {
    const now = this.clock.now();
    const row = await this.db.forCoop(coopId, async (tx) => {
      const updated = await tx.one<{ published_at: Date | null }>(
        `insert into coop_storefronts (coop_id, published_at, updated_at) values ($1, $2, now())
         on conflict (coop_id) do update set published_at = case when $3 then coalesce(coop_storefronts.published_at, $2) else null end, updated_at = now()
         returning published_at`,
        [coopId, published ? now : null, published],
      );
      await writeOutbox(tx, JobName.AUDIT_RECORD, {
        action: published ? 'storefront.published' : 'storefront.unpublished',
        subjectType: 'storefront',
        subjectId: coopId,
        data: {},
      });
      return updated;
    });
    return {
      published: row.published_at !== null,
      publishedAt: row.published_at ? row.published_at.toISOString() : null,
    };
  }
}
