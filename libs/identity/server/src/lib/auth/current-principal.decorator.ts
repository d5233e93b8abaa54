// Moved to the platform (every domain's controllers use them); identity keeps its old import path.
export { CurrentPrincipal, coopOf, type AuthenticatedRequest, type Caller } from '@federacycle/platform-http';
