import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ZipFile } from 'yazl';
import {
  AuditEvent,
  Coop,
  CoopExportRegistry,
  Database,
  type ExportRow,
  type ExportTable,
} from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { CoopCompliance } from '../compliance/coop-compliance.entity';
import { Licence } from '../licences/licence.entity';
import { CLOCK, type Clock } from '../shared/clock';
import { CoopStorefront } from '../storefront/coop-storefront.entity';

type Table = ExportRow[];

/**
 * Federation's tables of a coop's export (the other domains register theirs in the
 * CoopExportRegistry), each read acting for the coop and naming it (RLS applies too).
 */
export const FEDERATION_EXPORT_TABLES: readonly ExportTable[] = [
  {
    name: 'audit_events',
    columns: ['id', 'actor_id', 'action', 'subject_type', 'subject_id', 'data', 'request_id', 'created_at'],
    read: async (manager, coopId) =>
      (await manager.find(AuditEvent, { where: { coopId }, order: { createdAt: 'ASC', id: 'ASC' } })).map((e) => ({
        id: e.id,
        actor_id: e.actorId,
        action: e.action,
        subject_type: e.subjectType,
        subject_id: e.subjectId,
        data: e.data,
        request_id: e.requestId,
        created_at: e.createdAt,
      })),
  },
  {
    name: 'storefront',
    columns: ['published_at', 'updated_at'],
    read: async (manager, coopId) =>
      (await manager.find(CoopStorefront, { where: { coopId } })).map((s) => ({
        published_at: s.publishedAt,
        updated_at: s.updatedAt,
      })),
  },
  {
    name: 'compliance',
    columns: ['share', 'active_couriers', 'member_couriers', 'threshold', 'below_since', 'checked_at'],
    read: async (manager, coopId) =>
      (await manager.find(CoopCompliance, { where: { coopId } })).map((c) => ({
        share: c.share,
        active_couriers: c.activeCouriers,
        member_couriers: c.memberCouriers,
        threshold: c.threshold,
        below_since: c.belowSince,
        checked_at: c.checkedAt,
      })),
  },
  {
    name: 'licences',
    columns: ['id', 'kid', 'token', 'issued_at', 'expires_at', 'revoked_at', 'revocation_reason'],
    read: async (manager, coopId) =>
      (await manager.find(Licence, { where: { licensedCoopId: coopId }, order: { issuedAt: 'ASC', id: 'ASC' } })).map(
        (l) => ({
          id: l.id,
          kid: l.kid,
          token: l.token,
          issued_at: l.issuedAt,
          expires_at: l.expiresAt,
          revoked_at: l.revokedAt,
          revocation_reason: l.revocationReason,
        }),
      ),
  },
  {
    name: 'coop',
    columns: [
      'id',
      'slug',
      'name',
      'city',
      'country',
      'timezone',
      'currency',
      'status',
      'legal_form',
      'registration_number',
      'contact_email',
      'created_at',
    ],
    read: async (manager, coopId) =>
      (await manager.find(Coop, { where: { id: coopId } })).map((c) => ({
        id: c.id,
        slug: c.slug,
        name: c.name,
        city: c.city,
        country: c.country,
        timezone: c.timezone,
        currency: c.currency,
        status: c.status,
        legal_form: c.legalForm,
        registration_number: c.registrationNumber,
        contact_email: c.contactEmail,
        created_at: c.createdAt,
      })),
  },
];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    value instanceof Date
      ? value.toISOString()
      : Array.isArray(value)
        ? value.join(';')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  // neutralise spreadsheet formulas; quote when needed (RFC 4180)
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header row (columns of the first row, or none for an empty table). */
export function toCsv(rows: Table, columns: readonly string[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function zip(files: Array<[name: string, content: string]>, mtime: Date): Promise<Buffer> {
  const archive = new ZipFile();
  for (const [name, content] of files) archive.addBuffer(Buffer.from(content, 'utf8'), name, { mtime });
  archive.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    archive.outputStream.on('data', (c: Buffer) => chunks.push(c));
    archive.outputStream.on('error', reject);
    archive.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/**
 * The offboarding export: every table of the coop as JSON and CSV in one zip, read in one
 * transaction scoped to the coop (RLS applies). Available once offboarding started.
 */
@Injectable()
export class CoopExportService implements OnModuleInit {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CoopExportRegistry) private readonly registry: CoopExportRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register('federation', FEDERATION_EXPORT_TABLES);
  }

  async export(coopId: string): Promise<{ fileName: string; content: Buffer }> {
    const now = this.clock.now();
    // one transaction acting for the coop: every table of the export from the same snapshot
    const { slug, tables } = await this.db.forCoop(coopId, async ({ manager }) => {
      const coop = await manager.findOne(Coop, {
        where: { id: coopId },
        select: { id: true, slug: true, status: true },
      });
      if (!coop) throw ApiException.notFound('Cooperative');
      if (coop.status !== 'offboarding' && coop.status !== 'offboarded') {
        throw new ApiException(
          409,
          'ILLEGAL_TRANSITION',
          'The data export is available once the federation has started the offboarding of the cooperative',
        );
      }
      const out: Array<[string, Table, readonly string[]]> = [];
      for (const table of this.registry.all()) out.push([table.name, await table.read(manager, coopId), table.columns]);
      return { slug: coop.slug, tables: out };
    });
    const files: Array<[string, string]> = [];
    for (const [name, rows, columns] of tables) {
      files.push([`${name}.json`, `${JSON.stringify(rows, null, 2)}\n`]);
      files.push([`${name}.csv`, toCsv(rows, columns)]);
    }
    files.push([
      'README.txt',
      `Export of the cooperative ${slug}, made ${now.toISOString()}.\nOne JSON and one CSV file per table.\n`,
    ]);
    return {
      fileName: `federacycle-export-${slug}-${now.toISOString().slice(0, 10)}.zip`,
      content: await zip(files, now),
    };
  }
}
