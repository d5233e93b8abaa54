import type { Tx } from '@federacycle/platform-database';

export interface StoredFileMeta {
  id: string;
  contentType: string;
  sha256: string;
  size: number;
  createdAt: Date;
}

export interface StoredFileContent extends StoredFileMeta {
  bytes: Buffer;
}

/**
 * Where a coop's files live. Writes take the caller's transaction, so attaching a file to a row
 * (a product's image) and storing it commit together; reads are one round trip. Implemented by
 * `DatabaseFileStore` (a tenant table); an object-store adapter (S3-compatible) can implement
 * the same port when files outgrow the database.
 */
export interface FileStore {
  put(tx: Tx, coopId: string, contentType: string, bytes: Buffer): Promise<StoredFileMeta>;
  /** the file of the coop of the current context, or null */
  read(coopId: string, id: string): Promise<StoredFileContent | null>;
  delete(tx: Tx, coopId: string, id: string): Promise<void>;
}

export const FILE_STORE = Symbol('FILE_STORE');

/**
 * The store of files that do not belong in the database (couriers' proof photos and signatures):
 * `LocalDiskFileStore` under DATA_DIR today; an S3-compatible adapter implements the same port.
 */
export const OBJECT_STORE = Symbol('OBJECT_STORE');
