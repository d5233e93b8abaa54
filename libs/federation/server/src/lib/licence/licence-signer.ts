import { randomUUID, sign } from 'node:crypto';
import { KeyRing } from './key-ring';

/**
 * Issues licences: compact JWS (RFC 7515) signed with EdDSA/Ed25519 (RFC 8037) by the active
 * key of the ring. Header `{alg:'EdDSA', typ:'fc-licence+jws', kid}`; payload
 * {@link LicenceClaims} with NumericDate times (seconds since the epoch).
 */

export const LICENCE_ISSUER = 'federacycle';
export const LICENCE_TYP = 'fc-licence+jws';
export const LICENCE_ALG = 'EdDSA';

/** Default licence validity, in calendar years. */
export const DEFAULT_LICENCE_VALIDITY_YEARS = 1;

/** Bounds on the coop fields carried in a licence. */
export const MAX_LICENCE_FIELD_LENGTH = 200;

export interface LicenceCoop {
  id: string;
  name: string;
  legalForm: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** normalised registration number */
  registration: string;
}

export interface LicenceHeader {
  alg: typeof LICENCE_ALG;
  typ: typeof LICENCE_TYP;
  kid: string;
}

export interface LicenceClaims {
  iss: typeof LICENCE_ISSUER;
  /** the coop id */
  sub: string;
  coop: LicenceCoop;
  iat: number;
  nbf: number;
  exp: number;
  /** licence id, the handle for revocation */
  jti: string;
}

export interface IssuedLicence {
  token: string;
  kid: string;
  claims: LicenceClaims;
  issuedAt: Date;
  expiresAt: Date;
}

export interface SignLicenceInput {
  coop: LicenceCoop;
  issuedAt: Date;
  /** defaults to {@link addYears}(issuedAt, 1) */
  expiresAt?: Date;
  /** defaults to a random UUID */
  jti?: string;
}

/**
 * `date` plus `years` calendar years in UTC. 29 February maps to 1 March in a non-leap year
 * (JavaScript's `setUTCFullYear` overflow), i.e. never shorter than 365 days.
 */
export function addYears(date: Date, years: number): Date {
  const d = new Date(date.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

const toNumericDate = (d: Date): number => Math.floor(d.getTime() / 1000);
const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

function checkCoop(coop: LicenceCoop): void {
  for (const key of ['id', 'name', 'legalForm', 'country', 'registration'] as const) {
    const v = coop[key];
    if (typeof v !== 'string' || v.trim().length === 0 || v.length > MAX_LICENCE_FIELD_LENGTH) {
      throw new TypeError(
        `Licence coop.${key} must be a non-empty string of at most ${MAX_LICENCE_FIELD_LENGTH} characters.`,
      );
    }
  }
}

/** Signs a new licence with the ring's active key. Throws on invalid input (a programming error). */
export function signLicence(ring: KeyRing, input: SignLicenceInput): IssuedLicence {
  checkCoop(input.coop);
  const issuedAt = input.issuedAt;
  const expiresAt = input.expiresAt ?? addYears(issuedAt, DEFAULT_LICENCE_VALIDITY_YEARS);
  if (Number.isNaN(issuedAt.getTime()) || Number.isNaN(expiresAt.getTime()))
    throw new RangeError('Invalid licence dates.');
  if (toNumericDate(expiresAt) <= toNumericDate(issuedAt))
    throw new RangeError('A licence must expire after it is issued.');
  const { id, name, legalForm, country, registration } = input.coop;
  const claims: LicenceClaims = {
    iss: LICENCE_ISSUER,
    sub: id,
    coop: { id, name, legalForm, country, registration },
    iat: toNumericDate(issuedAt),
    nbf: toNumericDate(issuedAt),
    exp: toNumericDate(expiresAt),
    jti: input.jti ?? randomUUID(),
  };
  return ring.signWith((privateKey, kid) => {
    const header: LicenceHeader = { alg: LICENCE_ALG, typ: LICENCE_TYP, kid };
    const signingInput = `${b64url(header)}.${b64url(claims)}`;
    const signature = sign(null, Buffer.from(signingInput, 'ascii'), privateKey).toString('base64url');
    return {
      token: `${signingInput}.${signature}`,
      kid,
      claims,
      issuedAt: new Date(claims.iat * 1000),
      expiresAt: new Date(claims.exp * 1000),
    };
  });
}

/**
 * Renews a licence: a new licence (new jti, current active key) for the same coop, optionally
 * with updated coop details (e.g. a new name). So that renewing early loses nothing, the new
 * expiry is one validity period after the later of `now` and the previous expiry. The previous
 * licence is not revoked; it simply expires (revoke it separately if needed).
 */
export function renewLicence(
  ring: KeyRing,
  previous: LicenceClaims,
  now: Date,
  options: {
    coop?: Partial<Omit<LicenceCoop, 'id'>>;
    validityYears?: number;
  } = {},
): IssuedLicence {
  const start = new Date(Math.max(now.getTime(), previous.exp * 1000));
  return signLicence(ring, {
    coop: { ...previous.coop, ...options.coop, id: previous.coop.id },
    issuedAt: now,
    expiresAt: addYears(start, options.validityYears ?? DEFAULT_LICENCE_VALIDITY_YEARS),
  });
}
