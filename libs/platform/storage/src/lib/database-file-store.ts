import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Database, type Tx } from '@federacycle/platform-database';
import type { FileStore, StoredFileContent, StoredFileMeta } from './file-store.port';
import { StoredFile } from './stored-file.entity';

function metaOf(file: StoredFile): StoredFileMeta {
  return {
    id: file.id,
    contentType: file.contentType,
    sha256: file.sha256,
    size: file.size,
    createdAt: file.createdAt,
  };
}

/**
 * Files in the `stored_files` tenant table (bytea): row-level security keeps each coop's files
 * its own, they are backed up and restored with the rest of the coop's data, every API replica
 * sees them without a shared disk, and storing one commits with the row that points at it.
 */
@Injectable()
export class DatabaseFileStore implements FileStore {
  constructor(@Inject(Database) private readonly db: Database) {}

  async put(tx: Tx, coopId: string, contentType: string, bytes: Buffer): Promise<StoredFileMeta> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const inserted = await tx.manager.insert(StoredFile, { coopId, contentType, bytes, sha256, size: bytes.length });
    const { id } = inserted.identifiers[0] as Pick<StoredFile, 'id'>;
    return { id, contentType, sha256, size: bytes.length, createdAt: new Date() };
  }

  async read(coopId: string, id: string): Promise<StoredFileContent | null> {
    const file = await this.db.read((manager) => manager.findOneBy(StoredFile, { coopId, id }));
    return file ? { ...metaOf(file), bytes: file.bytes } : null;
  }

  async delete(tx: Tx, coopId: string, id: string): Promise<void> {
    await tx.manager.delete(StoredFile, { coopId, id });
  }
}
