import { stringify } from 'csv-stringify/sync';
import type { DeliverySummaryView } from '@federacycle/contracts';

/** The export's columns, in order (header names are stable: spreadsheets and scripts read them). */
export const DELIVERY_CSV_COLUMNS = [
  'id',
  'reference',
  'state',
  'created_at',
  'merchant',
  'courier',
  'pickups',
  'dropoffs',
  'from',
  'to',
  'window_after',
  'window_before',
] as const;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first) is
 * prefixed with a quote: the CSV injection guard OWASP recommends. Numbers are written as numbers.
 */
export function guardCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cells(d: DeliverySummaryView): Array<string | number> {
  return [
    d.id,
    guardCell(d.reference ?? ''),
    d.state,
    d.createdAt,
    guardCell(d.merchantName ?? ''),
    guardCell(d.courierName ?? ''),
    d.pickups,
    d.dropoffs,
    guardCell(d.from),
    guardCell(d.to),
    d.after ?? '',
    d.before ?? '',
  ];
}

/** The header line (with a BOM, so spreadsheets read UTF-8). */
export function csvHeader(): string {
  return `\ufeff${stringify([[...DELIVERY_CSV_COLUMNS]], { record_delimiter: 'windows' })}`;
}

/** Rows as CSV lines (RFC 4180 quoting by csv-stringify, CRLF; a line break alone is quoted too). */
export function csvRows(rows: readonly DeliverySummaryView[]): string {
  return stringify(rows.map(cells), { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
