import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tx } from '@federacycle/platform-database';
import { LocalDiskFileStore, fileDirectory } from './local-disk-file-store';

const coopA = '11111111-1111-4111-8111-111111111111';
const coopB = '22222222-2222-4222-8222-222222222222';
const tx = {} as Tx;
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('LocalDiskFileStore', () => {
  let dataDir: string;
  let store: LocalDiskFileStore;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fc-files-'));
    store = new LocalDiskFileStore({ dataDir });
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps the bytes with their type, SHA-256 and size, and reads them back', async () => {
    const meta = await store.put(tx, coopA, 'image/png', png);
    expect(meta).toMatchObject({ contentType: 'image/png', size: png.length });
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    const read = await store.read(coopA, meta.id);
    expect(read?.bytes.equals(png)).toBe(true);
    expect(read).toMatchObject({ id: meta.id, contentType: 'image/png', sha256: meta.sha256, size: png.length });
    // no temporary file is left behind
    expect((await readdir(join(fileDirectory(dataDir), coopA))).sort()).toEqual([meta.id, `${meta.id}.json`].sort());
  });

  it('finds a file only in its own coop, and nothing for an unknown or malformed id', async () => {
    const meta = await store.put(tx, coopA, 'image/png', png);
    expect(await store.read(coopB, meta.id)).toBeNull();
    expect(await store.read(coopA, '33333333-3333-4333-8333-333333333333')).toBeNull();
    expect(await store.read(coopA, '../../etc/passwd')).toBeNull();
  });

  it('deletes a file, and refuses a coop id that is not a uuid', async () => {
    const meta = await store.put(tx, coopA, 'image/png', png);
    await store.delete(tx, coopA, meta.id);
    expect(await store.read(coopA, meta.id)).toBeNull();
    await expect(store.put(tx, '../x', 'image/png', png)).rejects.toThrow(/uuid/);
  });
});
