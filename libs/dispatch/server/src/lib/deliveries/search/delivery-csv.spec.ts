import type { DeliverySummaryView } from '@federacycle/contracts';
import { csvHeader, csvRows, guardCell } from './delivery-csv';
import { containsPattern, searchParams } from './delivery-search';

const row: DeliverySummaryView = {
  id: '00000000-0000-4000-8000-000000000001',
  reference: '=1+1',
  state: 'open',
  pickups: 1,
  dropoffs: 2,
  from: '3 rue "Mercière", Lyon',
  to: '@home\nsecond line',
  after: null,
  before: null,
  merchantId: null,
  merchantName: '+Boulangerie',
  courierName: '-Ana',
  createdAt: '2026-12-07T10:00:00.000Z',
};

describe('the deliveries CSV', () => {
  it('guards cells a spreadsheet would run as formulas', () => {
    for (const v of ['=x', '+x', '-x', '@x', '\tx', '\rx']) expect(guardCell(v)).toBe(`'${v}`);
    expect(guardCell('x=1')).toBe('x=1');
  });

  it('quotes per RFC 4180 with CRLF records and a BOM before the header', () => {
    expect(csvHeader().startsWith('\ufeffid,reference,state,')).toBe(true);
    expect(csvRows([row])).toBe(
      `${row.id},'=1+1,open,2026-12-07T10:00:00.000Z,'+Boulangerie,'-Ana,1,2,"3 rue ""Mercière"", Lyon","'@home\nsecond line",,\r\n`,
    );
  });
});

describe('the deliveries search', () => {
  it('escapes the pattern characters of an address piece', () => {
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });

  it('refuses days that are not days and ranges that end before they start', () => {
    expect(() => searchParams('c', { from: '2026-02-30' })).toThrow(/not a day/);
    expect(() => searchParams('c', { from: '2026-03-02', to: '2026-03-01' })).toThrow(/ends/);
    expect(searchParams('c', { from: '2026-03-01', to: '2026-03-01', address: ' Vitton ' })).toEqual([
      'c',
      null,
      '2026-03-01',
      '2026-03-01',
      null,
      null,
      '%Vitton%',
    ]);
  });
});
