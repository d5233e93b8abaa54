import { Inject, Injectable } from '@nestjs/common';
import { Brackets, In, type EntityManager } from 'typeorm';
import type { ApplicationStatusView, ApplicationView, Page } from '@federacycle/contracts';
import { hashToken } from '@federacycle/identity-server';
import { Database } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { FederationTransition } from '../transitions/federation-transition.entity';
import { CoopApplication } from './application.entity';
import { ApplicationStatusTokens } from './application-status-token';
import type { ApplicationsQueryDto } from './applications.dto';
import { DEFAULT_PAGE_SIZE } from '../shared/paging';
import { slugify } from './registration';

/** The admin's view of an application with its trail. */
export function applicationView(application: CoopApplication, history: FederationTransition[]): ApplicationView {
  return {
    id: application.id,
    status: application.status,
    name: application.name,
    city: application.city,
    country: application.country,
    timezone: application.timezone,
    currency: application.currency,
    legalForm: application.legalForm,
    legalFormJustification: application.legalFormJustification,
    registrationNumber: application.registrationNumber,
    declarations: {
      workersAreMembersOrEmployees: application.declarations.workersAreMembersOrEmployees,
      socialEconomyStatus: application.declarations.socialEconomyStatus ?? null,
    },
    admin: { name: application.adminName, email: application.adminEmail },
    statutes: {
      sha256: application.statutesSha256,
      size: application.statutesSize,
      downloadUrl: `/api/federation/applications/${application.id}/statutes`,
    },
    submittedAt: application.submittedAt.toISOString(),
    coopId: application.createdCoopId,
    history: history.map((h) => ({
      from: h.fromState,
      to: h.toState,
      event: h.event,
      reason: h.reason,
      actorEmail: h.actorEmail,
      at: h.at.toISOString(),
    })),
  };
}

/** The trails of applications, oldest first, by application id (one statement). */
export async function applicationHistories(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, FederationTransition[]>> {
  const byId = new Map<string, FederationTransition[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byId;
  const transitions = await manager.find(FederationTransition, {
    where: { subjectType: 'application', subjectId: In([...ids]) },
    order: { at: 'ASC', id: 'ASC' },
  });
  for (const t of transitions) byId.get(t.subjectId)?.push(t);
  return byId;
}

/** One application as the admin sees it, read with `manager`. */
export async function loadApplicationView(manager: EntityManager, id: string): Promise<ApplicationView> {
  const application = await manager.findOneBy(CoopApplication, { id });
  if (!application) throw ApiException.notFound('Application');
  const histories = await applicationHistories(manager, [id]);
  return applicationView(application, histories.get(id) ?? []);
}

/** `%text%` for ILIKE, the pattern characters of the text taken literally. */
function contains(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * The reads of applications: the federation admin's queue and review, the statutes file, and the
 * applicant's status page. GET reads on the one-round-trip path, with no coop (platform rows).
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(ApplicationStatusTokens) private readonly tokens: ApplicationStatusTokens,
  ) {}

  /** The queue: filtered by status and free text, sorted, one page and the total (a window count). */
  async list(query: ApplicationsQueryDto): Promise<Page<ApplicationView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const offset = query.offset ?? 0;
    return this.db.readPlatform(async (manager) => {
      const qb = manager.getRepository(CoopApplication).createQueryBuilder('a');
      if (query.status) qb.andWhere('a.status = :status', { status: query.status });
      const q = query.q?.normalize('NFC').trim() ?? '';
      if (q !== '') {
        // registration numbers are stored normalised (no spaces, dots or dashes)
        const compact = q.replace(/[\s./-]/g, '');
        qb.andWhere(
          new Brackets((w) => {
            w.where('a.name ILIKE :text', { text: contains(q) }).orWhere('a.adminEmail ILIKE :text');
            if (compact !== '') w.orWhere('a.registrationNumber ILIKE :compact', { compact: contains(compact) });
          }),
        );
      }
      const sort = query.sort ?? '-submitted_at';
      if (sort === 'name') qb.orderBy('a.name', 'ASC').addOrderBy('a.submittedAt', 'DESC');
      else qb.orderBy('a.submittedAt', sort === 'submitted_at' ? 'ASC' : 'DESC');
      qb.addOrderBy('a.id', 'ASC');
      const { entities, raw } = await qb
        .addSelect('count(*) over ()', 'total')
        .limit(limit)
        .offset(offset)
        .getRawAndEntities<{ total: string }>();
      if (entities.length === 0) {
        // past the last page the window count has no row to ride on
        return { items: [], total: offset === 0 ? 0 : await qb.getCount() };
      }
      const histories = await applicationHistories(
        manager,
        entities.map((a) => a.id),
      );
      return {
        items: entities.map((a) => applicationView(a, histories.get(a.id) ?? [])),
        total: Number(raw[0]?.total ?? 0),
      };
    });
  }

  get(id: string): Promise<ApplicationView> {
    return this.db.readPlatform((manager) => loadApplicationView(manager, id));
  }

  async statutes(id: string): Promise<{ content: Buffer; sha256: string; name: string }> {
    const application = await this.db.readPlatform((manager) =>
      manager.findOne(CoopApplication, {
        where: { id },
        select: { id: true, name: true, statutes: true, statutesSha256: true },
      }),
    );
    if (!application) throw ApiException.notFound('Application');
    return {
      content: application.statutes,
      sha256: application.statutesSha256,
      name: `statutes-${slugify(application.name)}.pdf`,
    };
  }

  /** The applicant's status page: 404 unless the token is the application's. */
  async status(id: string, token: string | undefined): Promise<ApplicationStatusView> {
    if (token === undefined || token.length < 20 || token.length > 100) throw ApiException.notFound('Application');
    const application = await this.db.readPlatform((manager) => manager.findOneBy(CoopApplication, { id }));
    // the stored hash of the receipt's token, or the derived token that every mail carries (the same
    // token, except for the demo seed's application, which stores a fixed demo token)
    const valid =
      application !== null &&
      (application.statusTokenHash === hashToken(token) || this.tokens.matches(application.id, token));
    if (!application || !valid) throw ApiException.notFound('Application');
    return {
      id: application.id,
      name: application.name,
      status: application.status,
      submittedAt: application.submittedAt.toISOString(),
      decidedAt: application.decidedAt ? application.decidedAt.toISOString() : null,
      reason: application.status === 'rejected' ? application.reason : null,
    };
  }
}
