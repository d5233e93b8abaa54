import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Coop } from '@federacycle/platform-database';

/**
 * A coop's file (tenant row: coop_id first in every key, RLS forced): the bytes in the row, with
 * their type, SHA-256 (the ETag) and size. Files never change: a new upload is a new row.
 */
@Entity({ name: 'stored_files' })
@Check('stored_files_content_type_check', `content_type ~ '^[a-z]+/[a-z0-9.+-]+$'`)
@Check('stored_files_sha256_check', `sha256 ~ '^[0-9a-f]{64}$'`)
@Check('stored_files_size_check', 'size between 1 and 10485760')
@Check('stored_files_bytes_check', 'octet_length(bytes) = size')
export class StoredFile {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'stored_files_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ type: 'bytea' })
  bytes!: Buffer;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
