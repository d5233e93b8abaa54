import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import type { Tx } from '@federacycle/platform-database';
import type { FileStore, StoredFileContent, StoredFileMeta } from './file-store.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Sidecar {
  contentType: string;
  sha256: string;
  size: number;
  createdAt: string;
}

/** `<dataDir>/files`: where the local-disk adapter keeps the coops' files. */
export function fileDirectory(dataDir: string): string {
  return resolve(dataDir, 'files');
}

/**
 * Files on the local disk under `<DATA_DIR>/files/<coop>/<id>` (the bytes) with a JSON sidecar
 * (type, SHA-256, size): for files that do not belong in the database (courier proofs, camera
 * photos). A file is written to a temporary name and renamed, so a reader never sees half a file.
 * The write does not join the caller's transaction: a rolled-back transaction leaves an
 * unreferenced file behind (harmless; a sweep can collect them). Several API replicas need a
 * shared volume, or the S3-compatible adapter this port is shaped for.
 */
@Injectable()
export class LocalDiskFileStore implements FileStore {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'dataDir'>) {
    this.root = fileDirectory(config.dataDir);
  }

  async put(_tx: Tx, coopId: string, contentType: string, bytes: Buffer): Promise<StoredFileMeta> {
    const id = randomUUID();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const createdAt = new Date();
    const dir = this.directory(coopId);
    await mkdir(dir, { recursive: true });
    const sidecar: Sidecar = { contentType, sha256, size: bytes.length, createdAt: createdAt.toISOString() };
    const temporary = join(dir, `.${id}.tmp`);
    await writeFile(temporary, bytes);
    await writeFile(join(dir, `${id}.json`), JSON.stringify(sidecar));
    await rename(temporary, join(dir, id));
    return { id, contentType, sha256, size: bytes.length, createdAt };
  }

  async read(coopId: string, id: string): Promise<StoredFileContent | null> {
    if (!UUID.test(id)) return null;
    const dir = this.directory(coopId);
    try {
      const [bytes, raw] = await Promise.all([readFile(join(dir, id)), readFile(join(dir, `${id}.json`), 'utf8')]);
      const sidecar = JSON.parse(raw) as Sidecar;
      return {
        id,
        bytes,
        contentType: sidecar.contentType,
        sha256: sidecar.sha256,
        size: sidecar.size,
        createdAt: new Date(sidecar.createdAt),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(_tx: Tx, coopId: string, id: string): Promise<void> {
    if (!UUID.test(id)) return;
    const dir = this.directory(coopId);
    await Promise.all([rm(join(dir, id), { force: true }), rm(join(dir, `${id}.json`), { force: true })]);
  }

  /** one directory per coop (the coop id is a uuid from the token, never a path from a request) */
  private directory(coopId: string): string {
    if (!UUID.test(coopId)) throw new Error('storage: a coop id is a uuid');
    return join(this.root, coopId);
  }
}
