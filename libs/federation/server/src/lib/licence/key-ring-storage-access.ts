/**
 * The key ring's PEM export for its storage: a symbol shared by key-ring.ts and
 * key-ring-directory.ts only, never exported from the library (nothing else reaches the private key).
 */
export const EXPORT_FOR_STORAGE = Symbol('exportForStorage');
