/** Tunables of the identity module (defaults suit production; tests and benches override). */
export interface IdentityOptions {
  /** lifetime of a refresh token (one session row) */
  refreshTokenTtlSeconds: number;
  invitationTtlSeconds: number;
  passwordResetTtlSeconds: number;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');

export const DEFAULT_IDENTITY_OPTIONS: IdentityOptions = {
  refreshTokenTtlSeconds: 30 * 24 * 3600,
  invitationTtlSeconds: 7 * 24 * 3600,
  passwordResetTtlSeconds: 3600,
};
