/** Tunables of the identity module (defaults suit production; tests and benches override). */
export interface IdentityOptions {
  /** lifetime of a refresh token (one session row) */
  refreshTokenTtlSeconds: number;
  invitationTtlSeconds: number;
  passwordResetTtlSeconds: number;
  /**
   * How long the guard may reuse a session lookup in this process (0 = look up on every
   * request). A revocation made by this process clears its entry at once; one made by
   * another process takes effect within this delay.
   */
  principalCacheMs: number;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');

export const DEFAULT_IDENTITY_OPTIONS: IdentityOptions = {
  refreshTokenTtlSeconds: 30 * 24 * 3600,
  invitationTtlSeconds: 7 * 24 * 3600,
  passwordResetTtlSeconds: 3600,
  principalCacheMs: 0,
};

/** Reads the optional IDENTITY_PRINCIPAL_CACHE_MS override from the environment. */
export function identityOptionsFromEnv(env: Record<string, string | undefined> = process.env): IdentityOptions {
  const raw = env['IDENTITY_PRINCIPAL_CACHE_MS'];
  const cache = raw === undefined || raw.trim() === '' ? DEFAULT_IDENTITY_OPTIONS.principalCacheMs : Number(raw);
  if (!Number.isInteger(cache) || cache < 0 || cache > 60_000) {
    throw new Error(
      `IDENTITY_PRINCIPAL_CACHE_MS: must be a whole number of milliseconds between 0 and 60000 (got "${raw}")`,
    );
  }
  return { ...DEFAULT_IDENTITY_OPTIONS, principalCacheMs: cache };
}
