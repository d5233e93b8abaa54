// Moved to the platform (libs/platform/http tokens.ts): link tokens are every domain's.
export { hashToken, newToken, normalizeEmail } from '@federacycle/platform-http';
