import { ApiException } from '../api-exception';
import { cursorPage, decodeCursor, encodeCursor } from '../cursor';
import { canonicalJson, idempotencyKeyOf, requestHash } from './idempotency';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof ApiException ? error.code : 'other';
  }
  return undefined;
};

describe('idempotency helpers', () => {
  it('hashes a body the same whatever its key order, and differently for another route or value', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(requestHash('POST a', { a: 1, b: 2 })).toBe(requestHash('POST a', { b: 2, a: 1 }));
    expect(requestHash('POST a', { a: 1 })).not.toBe(requestHash('POST b', { a: 1 }));
    expect(requestHash('POST a', { a: 1 })).not.toBe(requestHash('POST a', { a: 2 }));
    // an absent field and an undefined one are the same request
    expect(requestHash('POST a', { a: 1, b: undefined })).toBe(requestHash('POST a', { a: 1 }));
    expect(requestHash('POST a', {})).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes 1 to 255 visible ASCII characters as a key', () => {
    expect(idempotencyKeyOf(undefined)).toBeNull();
    expect(idempotencyKeyOf('3f0c1f4e-7d1a-4c44-9a1b-2f0e7f9d9d10')).toBe('3f0c1f4e-7d1a-4c44-9a1b-2f0e7f9d9d10');
    for (const bad of ['', 'a b', 'x'.repeat(256), 'clé']) {
      expect([bad.slice(0, 10), codeOf(() => idempotencyKeyOf(bad))]).toEqual([bad.slice(0, 10), 'VALIDATION_FAILED']);
    }
  });
});

describe('keyset cursors', () => {
  it('round-trips a key and refuses anything it did not write', () => {
    const key = { at: new Date('2026-12-07T10:00:00.123Z'), id: '3f0c1f4e-7d1a-4c44-9a1b-2f0e7f9d9d10' };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(decodeCursor(undefined)).toBeNull();
    for (const bad of [
      'bm9wZQ',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('["x","y"]').toString('base64url'),
      '%%%',
    ]) {
      expect(codeOf(() => decodeCursor(bad))).toBe('CURSOR_INVALID');
    }
  });

  it('hands out the next cursor only when a row beyond the page was read', () => {
    const rows = [1, 2, 3].map((n) => ({ n, at: new Date(n * 1000), id: `00000000-0000-4000-8000-00000000000${n}` }));
    const full = cursorPage(rows, 2, (r) => ({ at: r.at, id: r.id }));
    expect(full.items.map((r) => r.n)).toEqual([1, 2]);
    expect(decodeCursor(full.nextCursor ?? undefined)?.id).toBe(rows[1]?.id);
    expect(cursorPage(rows, 3, (r) => ({ at: r.at, id: r.id })).nextCursor).toBeNull();
  });
});
