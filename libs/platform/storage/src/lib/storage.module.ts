import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseFileStore } from './database-file-store';
import { FILE_STORE, OBJECT_STORE } from './file-store.port';
import { FilesController } from './files.controller';
import { LocalDiskFileStore } from './local-disk-file-store';
import { StoredFile } from './stored-file.entity';

export const STORAGE_ENTITIES = [StoredFile];

/** Files of the coops (FILE_STORE in the database, OBJECT_STORE on disk) and their route. Needs the host app's DatabaseModule. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(STORAGE_ENTITIES)],
  controllers: [FilesController],
  providers: [
    DatabaseFileStore,
    { provide: FILE_STORE, useExisting: DatabaseFileStore },
    LocalDiskFileStore,
    { provide: OBJECT_STORE, useExisting: LocalDiskFileStore },
  ],
  exports: [FILE_STORE, OBJECT_STORE],
})
export class StorageModule {}
