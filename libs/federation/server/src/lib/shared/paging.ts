import { ApiProperty } from '@nestjs/swagger';

// `?limit=&offset=` is the platform's, as on every list endpoint
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageQueryDto, pageOf } from '@federacycle/platform-http';

/** The `{ items, total }` envelope of a list (the item type is given per route). */
export class PageTotalDto {
  @ApiProperty({ description: 'rows matching the filters, all pages together' }) total!: number;
}
