export * from './lib/file-store.port';
export * from './lib/database-file-store';
export * from './lib/stored-file.entity';
export * from './lib/image-sniffer';
export * from './lib/files.controller';
export * from './lib/storage.module';
export * from './lib/local-disk-file-store';
export * from './lib/image-upload.interceptor';
