import { Inject, Injectable } from '@nestjs/common';
import { ZipFile } from 'yazl';
import { Database } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { CLOCK, type Clock } from '../nest/clock';

type Table = Record<string, unknown>[];

/** The tables of a coop's export, and how each is read (inside a transaction scoped to the coop). */
const EXPORT_QUERIES: ReadonlyArray<[name: string, sql: string]> = [
  [
    'memberships',
    `select m.user_id, u.email, u.name, m.roles, m.status, m.created_at, m.updated_at
       from memberships m join users u on u.id = m.user_id where m.coop_id = $1 order by m.created_at, m.user_id`,
  ],
  [
    'invitations',
    'select id, email, roles, expires_at, accepted_at, revoked_at, created_at from invitations where coop_id = $1 order by created_at, id',
  ],
  [
    'audit_events',
    'select id, actor_id, action, subject_type, subject_id, data, request_id, created_at from audit_events where coop_id = $1 order by created_at, id',
  ],
  ['storefront', 'select published_at, updated_at from coop_storefronts where coop_id = $1'],
  [
    'compliance',
    'select share, active_couriers, member_couriers, threshold, below_since, checked_at from coop_compliance where coop_id = $1',
  ],
  [
    'licences',
    'select id, kid, token, issued_at, expires_at, revoked_at, revocation_reason from licences where licensed_coop_id = $1 order by issued_at, id',
  ],
  [
    'coop',
    'select id, slug, name, city, country, timezone, currency, status, legal_form, registration_number, contact_email, created_at from coops where id = $1',
  ],
];

/** The output columns of one of the export queries above (plain `select a, t.b, c from`). */
export function columnsOf(sql: string): string[] {
  const list = /^\s*select\s+([\s\S]+?)\s+from\s/i.exec(sql)?.[1] ?? '';
  return list.split(',').map((c) => c.trim().split('.').pop() as string);
}

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
export function toCsv(rows: Table, columns: string[]): string {
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
export class CoopExportService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async export(coopId: string): Promise<{ fileName: string; content: Buffer }> {
    const now = this.clock.now();
    const { slug, tables } = await this.db.forCoop(coopId, async (tx) => {
      const coop = await tx.maybeOne<{ slug: string; status: string }>('select slug, status from coops where id = $1', [
        coopId,
      ]);
      if (!coop) throw ApiException.notFound('Cooperative');
      if (coop.status !== 'offboarding' && coop.status !== 'offboarded') {
        throw new ApiException(
          409,
          'ILLEGAL_TRANSITION',
          'The data export is available once the federation has started the offboarding of the cooperative',
        );
      }
      const out: Array<[string, Table, string[]]> = [];
      for (const [name, sql] of EXPORT_QUERIES) {
        const result = await tx.query(sql, [coopId]);
        out.push([name, result as Table, columnsOf(sql)]);
      }
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
