// Moved to the platform (every domain's list routes use it); identity keeps its old import path.
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageQueryDto, pageOf } from '@federacycle/platform-http';
