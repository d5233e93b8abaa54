import { ApiProperty } from '@nestjs/swagger';
import type { StorefrontView } from '@federacycle/contracts';

export class StorefrontViewDto implements StorefrontView {
  @ApiProperty() published!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt!: string | null;
}
