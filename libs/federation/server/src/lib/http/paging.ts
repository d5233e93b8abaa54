import { ApiException } from '@federacycle/platform-http';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

function int(value: unknown, field: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw ApiException.validation([
      {
        field,
        code: 'isInt',
        message: `${field} must be a whole number between ${min} and ${max}`,
      },
    ]);
  }
  return n;
}

/** `?limit=&offset=` of the federation lists. */
export function pageOf(query: Record<string, unknown>): {
  limit: number;
  offset: number;
} {
  return {
    limit: int(query['limit'], 'limit', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
    offset: int(query['offset'], 'offset', 0, 1_000_000, 0),
  };
}
