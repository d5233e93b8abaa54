import { TenantContext, TenantContextMissingError } from './tenant-context';

describe('TenantContext', () => {
  const coopA = '0a000000-0000-4000-8000-00000000000a';
  const coopB = '0b000000-0000-4000-8000-00000000000b';

  it('throws when the coop is read outside any unit of work', () => {
    expect(() => TenantContext.coopId()).toThrow(TenantContextMissingError);
    expect(TenantContext.current()).toBeUndefined();
    expect(TenantContext.requestId()).toBe('none');
  });

  it('throws when the current work is platform-level (no coop)', () => {
    TenantContext.run({ coopId: null, actorId: null, requestId: 'r1' }, () => {
      expect(() => TenantContext.coopId()).toThrow('No coop in the current context');
      expect(TenantContext.requestId()).toBe('r1');
    });
  });

  it('keeps concurrent units of work apart across awaits', async () => {
    const seen: string[] = [];
    const work = (coopId: string, delay: number) =>
      TenantContext.run({ coopId, actorId: null, requestId: coopId }, async () => {
        await new Promise((r) => setTimeout(r, delay));
        seen.push(TenantContext.coopId());
      });
    await Promise.all([work(coopA, 20), work(coopB, 5)]);
    expect(seen).toEqual([coopB, coopA]);
  });

  it('narrows the current context once authentication knows the coop, and only that context', () => {
    TenantContext.run({ coopId: null, actorId: null, requestId: 'outer' }, () => {
      TenantContext.run({ coopId: null, actorId: null, requestId: 'inner' }, () => {
        TenantContext.enterCoop(coopA, 'user-1');
        expect(TenantContext.coopId()).toBe(coopA);
        expect(TenantContext.require().actorId).toBe('user-1');
      });
      expect(TenantContext.require().coopId).toBeNull();
    });
  });
});
