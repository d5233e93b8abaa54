import { JsonWebKey, KeyObject, createPublicKey, verify } from 'node:crypto';
import type { ErrorCode } from '@federacycle/contracts';
import { LICENCE_ALG, LICENCE_ISSUER, LICENCE_TYP, LicenceClaims, MAX_LICENCE_FIELD_LENGTH } from './licence-signer';

/**
 * Verifies any licence pasted in, defensively. Never throws for bad input; returns a status:
 *
 * 1. `malformed`: not 3 dot-separated canonical base64url parts, header not a JSON object, an
 *    unexpected header member (only alg, typ, kid are allowed; `crit`, `jwk`, `jku`, `x5u`… are
 *    refused, never followed), wrong `typ`, or (after a valid signature) claims of the wrong shape.
 * 2. `bad_algorithm`: header `alg` is anything but exactly `EdDSA` (`none`, `HS256`, `eddsa`…).
 * 3. `unknown_key`: no/unknown `kid`, or a resolved key that is not Ed25519.
 * 4. `bad_signature`: the Ed25519 signature does not verify (tampered header or payload).
 * 5. `revoked`: the injected `isRevoked(jti)` says so (checked before expiry: more informative).
 * 6. `expired`: `now >= exp` (RFC 7519: valid strictly before exp; no leeway on expiry).
 * 7. `not_yet_valid`: `nbf` more than `leewaySeconds` (default 60) in the future (clock skew).
 * 8. `valid`.
 * Claims are returned only once the signature is verified (statuses revoked, expired,
 * not_yet_valid, valid) so that nothing unauthenticated is ever displayed as a licence.
 */

export type LicenceStatus =
  | 'valid'
  | 'expired'
  | 'revoked'
  | 'not_yet_valid'
  | 'unknown_key'
  | 'bad_signature'
  | 'malformed'
  | 'bad_algorithm';

/** Stable error code for each non-valid status (for the verify endpoint and logs). */
export const LICENCE_STATUS_CODES = {
  expired: 'LICENCE_EXPIRED',
  revoked: 'LICENCE_REVOKED',
  not_yet_valid: 'LICENCE_NOT_YET_VALID',
  unknown_key: 'LICENCE_UNKNOWN_KEY',
  bad_signature: 'LICENCE_BAD_SIGNATURE',
  malformed: 'LICENCE_MALFORMED',
  bad_algorithm: 'LICENCE_BAD_ALGORITHM',
} as const satisfies Record<Exclude<LicenceStatus, 'valid'>, ErrorCode>;
export type LicenceVerificationCode = (typeof LICENCE_STATUS_CODES)[keyof typeof LICENCE_STATUS_CODES];

export interface LicenceVerification {
  status: LicenceStatus;
  /** absent when valid */
  code?: LicenceVerificationCode;
  /** English, human */
  message: string;
  /** the header kid, when one could be read */
  kid?: string;
  /** present only when the signature verified */
  claims?: LicenceClaims;
}

/** Anything that can map a kid to a public key: a `KeyRing`, or {@link publicKeyResolverFromJwks}. */
export interface PublicKeyResolver {
  publicKeyFor(kid: string): KeyObject | undefined;
}

export interface VerifyLicenceOptions {
  keys: PublicKeyResolver;
  now: Date;
  /** revocation lookup; omitted means nothing is revoked */
  isRevoked?: (jti: string) => boolean | Promise<boolean>;
  /** tolerance on `nbf`, in seconds (default 60) */
  leewaySeconds?: number;
}

/** Longest token looked at (a real licence is well under 1 KB). */
export const MAX_LICENCE_TOKEN_LENGTH = 8192;
const ED25519_SIGNATURE_BYTES = 64;
const ALLOWED_HEADER_MEMBERS = new Set(['alg', 'typ', 'kid']);
const B64URL = /^[A-Za-z0-9_-]*$/;

type Verdict = LicenceVerification;
const result = (status: Exclude<LicenceStatus, 'valid'>, message: string, extra: Partial<Verdict> = {}): Verdict => ({
  status,
  code: LICENCE_STATUS_CODES[status],
  message,
  ...extra,
});

/** Strict base64url: the alphabet only, no padding, and canonical (re-encodes to itself). */
function decodeB64url(part: string): Buffer | null {
  if (!B64URL.test(part) || part.length % 4 === 1) return null;
  const bytes = Buffer.from(part, 'base64url');
  return bytes.toString('base64url') === part ? bytes : null;
}

function parseJsonObject(bytes: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const isBoundedString = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= MAX_LICENCE_FIELD_LENGTH;
const isNumericDate = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Validates the shape of verified claims; returns a clean copy (unknown members dropped) or null. */
function toClaims(payload: Record<string, unknown>): LicenceClaims | null {
  const coop = payload['coop'];
  if (typeof coop !== 'object' || coop === null || Array.isArray(coop)) return null;
  const c = coop as Record<string, unknown>;
  const { iss, sub, iat, nbf, exp, jti } = {
    iss: payload['iss'],
    sub: payload['sub'],
    iat: payload['iat'],
    nbf: payload['nbf'],
    exp: payload['exp'],
    jti: payload['jti'],
  };
  const [id, name, legalForm, country, registration] = [
    c['id'],
    c['name'],
    c['legalForm'],
    c['country'],
    c['registration'],
  ];
  if (
    iss !== LICENCE_ISSUER ||
    !isBoundedString(sub) ||
    !isBoundedString(jti) ||
    !isNumericDate(iat) ||
    !isNumericDate(nbf) ||
    !isNumericDate(exp) ||
    exp <= nbf ||
    !isBoundedString(id) ||
    id !== sub ||
    !isBoundedString(name) ||
    !isBoundedString(legalForm) ||
    !isBoundedString(country) ||
    !isBoundedString(registration)
  ) {
    return null;
  }
  return {
    iss,
    sub,
    coop: { id, name, legalForm, country, registration },
    iat,
    nbf,
    exp,
    jti,
  };
}

/** Verifies a compact-JWS licence; see the module comment for the order of checks. */
export async function verifyLicence(token: unknown, options: VerifyLicenceOptions): Promise<LicenceVerification> {
  if (typeof token !== 'string') return result('malformed', 'A licence is a text token.');
  // pasted licences may be wrapped over several lines
  const compact = token.length <= MAX_LICENCE_TOKEN_LENGTH * 2 ? token.replace(/\s+/g, '') : token;
  if (compact.length === 0 || compact.length > MAX_LICENCE_TOKEN_LENGTH) {
    return result('malformed', 'This is not a licence (empty or too long).');
  }
  const parts = compact.split('.');
  if (parts.length !== 3) return result('malformed', 'A licence has three parts separated by dots.');
  const [headerPart, payloadPart, signaturePart] = parts;

  const headerBytes = headerPart.length > 0 ? decodeB64url(headerPart) : null;
  const header = headerBytes ? parseJsonObject(headerBytes) : null;
  if (!header) return result('malformed', 'The licence header is not valid base64url JSON.');
  if (header['alg'] !== LICENCE_ALG) {
    return result(
      'bad_algorithm',
      `The licence must be signed with EdDSA; its header says ${JSON.stringify(header['alg'] ?? null).slice(0, 40)}.`,
    );
  }
  if (Object.keys(header).some((k) => !ALLOWED_HEADER_MEMBERS.has(k))) {
    return result('malformed', 'The licence header has unexpected members.');
  }
  if (header['typ'] !== LICENCE_TYP) return result('malformed', `The licence header type must be ${LICENCE_TYP}.`);
  const kid = header['kid'];
  if (kid !== undefined && !isBoundedString(kid)) return result('malformed', 'The licence key id is not a string.');
  if (kid === undefined) return result('unknown_key', 'The licence names no signing key.');

  const publicKey = options.keys.publicKeyFor(kid);
  if (!publicKey || publicKey.type !== 'public' || publicKey.asymmetricKeyType !== 'ed25519') {
    return result('unknown_key', 'The licence was signed with a key the federation does not know.', { kid });
  }

  const signature = decodeB64url(signaturePart);
  if (!signature || signature.length !== ED25519_SIGNATURE_BYTES || decodeB64url(payloadPart) === null) {
    return result('bad_signature', 'The licence signature is invalid.', {
      kid,
    });
  }
  let verified = false;
  try {
    verified = verify(null, Buffer.from(`${headerPart}.${payloadPart}`, 'ascii'), publicKey, signature);
  } catch {
    verified = false;
  }
  if (!verified)
    return result(
      'bad_signature',
      'The licence signature is invalid: it was altered or not issued by the federation.',
      { kid },
    );

  const payload = parseJsonObject(decodeB64url(payloadPart) ?? Buffer.alloc(0));
  const claims = payload ? toClaims(payload) : null;
  if (!claims) return result('malformed', 'The licence content is not a Federacycle licence.', { kid });

  if (options.isRevoked && (await options.isRevoked(claims.jti))) {
    return result('revoked', `The licence of ${claims.coop.name} has been revoked by the federation.`, { kid, claims });
  }
  const nowSeconds = Math.floor(options.now.getTime() / 1000);
  if (nowSeconds >= claims.exp) {
    return result(
      'expired',
      `The licence of ${claims.coop.name} expired on ${new Date(claims.exp * 1000).toISOString()}.`,
      { kid, claims },
    );
  }
  if (claims.nbf > nowSeconds + (options.leewaySeconds ?? 60)) {
    return result(
      'not_yet_valid',
      `The licence of ${claims.coop.name} is valid from ${new Date(claims.nbf * 1000).toISOString()}.`,
      {
        kid,
        claims,
      },
    );
  }
  return {
    status: 'valid',
    message: `Valid licence of ${claims.coop.name} until ${new Date(claims.exp * 1000).toISOString()}.`,
    kid,
    claims,
  };
}

/**
 * A resolver over a published JWKS (e.g. fetched from the well-known URL by another service).
 * Only Ed25519 signing keys (`kty: OKP`, `crv: Ed25519`, no `d`) are taken; others are ignored.
 */
export function publicKeyResolverFromJwks(jwks: { keys: ReadonlyArray<Record<string, unknown>> }): PublicKeyResolver {
  const byKid = new Map<string, KeyObject>();
  for (const jwk of jwks.keys) {
    const { kty, crv, x, kid, d } = jwk;
    if (kty !== 'OKP' || crv !== 'Ed25519' || typeof x !== 'string' || typeof kid !== 'string' || d !== undefined)
      continue;
    try {
      byKid.set(kid, createPublicKey({ key: { kty, crv, x } as JsonWebKey, format: 'jwk' }));
    } catch {
      // skip an unusable key
    }
  }
  return { publicKeyFor: (kid) => byKid.get(kid) };
}
