import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseFileStore } from './database-file-store';
import { FILE_STORE } from './file-store.port';
import { FilesController } from './files.controller';
import { StoredFile } from './stored-file.entity';

export const STORAGE_ENTITIES = [StoredFile];

/** Files of the coops (FILE_STORE) and their route. Needs the host app's DatabaseModule. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(STORAGE_ENTITIES)],
  controllers: [FilesController],
  providers: [DatabaseFileStore, { provide: FILE_STORE, useExisting: DatabaseFileStore }],
  exports: [FILE_STORE],
})
export class StorageModule {}
