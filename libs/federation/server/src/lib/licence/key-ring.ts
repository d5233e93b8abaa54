import { KeyObject, createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { EXPORT_FOR_STORAGE } from './key-ring-storage-access';

/**
 * The federation's licence signing keys (Ed25519, node:crypto).
 *
 * A ring holds exactly one active key (private + public), used to sign new licences, and any
 * number of retired public keys, kept so that licences signed before a rotation keep verifying
 * until they expire. Retired private keys are not kept: once rotated, a key can only verify.
 *
 * The private key never leaves this module except through {@link KeyRing.signWith} (a callback
 * receiving the KeyObject), {@link generateLicenceKeyPem}
 * and the directory storage of development (key-ring-directory.ts) (for the operator provisioning the
 * production secret). `JSON.stringify`, `util.inspect` and `toJwks` show public data only.
 */

/** JSON Web Key of an Ed25519 public key, as published in the JWKS. */
export interface LicencePublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  use: 'sig';
  alg: 'EdDSA';
}

export interface Jwks {
  keys: LicencePublicJwk[];
}

/** Public metadata of a key of the ring. */
export interface KeyInfo {
  kid: string;
  /** whether this key signs new licences (exactly one per ring) */
  active: boolean;
  /** `null` when unknown (keys loaded from a PEM secret) */
  createdAt: Date | null;
  /**
   * when the key stopped signing; `null` for the active key, and for a retired key whose
   * retirement date is unknown (such a key is never pruned)
   */
  retiredAt: Date | null;
}

interface RingKey extends KeyInfo {
  publicKey: KeyObject;
}

/** Configuration problems with keys; the message never contains key material. */
export class KeyRingError extends Error {
  constructor(
    readonly code: 'KEY_NOT_ED25519' | 'KEY_INVALID' | 'KEY_FILE_PERMISSIONS' | 'KEY_RING_CORRUPT' | 'KEY_NOT_PRIVATE',
    message: string,
  ) {
    super(message);
    this.name = 'KeyRingError';
  }
}

/** Length of a key id: the first 16 bytes of the RFC 7638 thumbprint, base64url (22 chars, 128 bits). */
export const KID_LENGTH = 22;

function assertEd25519(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new KeyRingError(
      'KEY_NOT_ED25519',
      `Licence keys must be Ed25519 (got ${key.asymmetricKeyType ?? key.type}).`,
    );
  }
}

/** The base64url `x` (raw 32-byte public key) of an Ed25519 public key. */
function publicX(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new KeyRingError('KEY_INVALID', 'Not an OKP public key.');
  return jwk.x;
}

/**
 * Key id of an Ed25519 public key: the RFC 7638 JWK thumbprint (SHA-256 over the canonical JSON
 * `{"crv":"Ed25519","kty":"OKP","x":"…"}`, members in lexicographic order, no whitespace),
 * truncated to its first 16 bytes and base64url-encoded. 128 bits keep ids short and unique.
 */
export function computeKid(publicKey: KeyObject): string {
  assertEd25519(publicKey);
  const canonical = `{"crv":"Ed25519","kty":"OKP","x":"${publicX(publicKey)}"}`;
  return createHash('sha256').update(canonical, 'utf8').digest().subarray(0, 16).toString('base64url');
}

function toPublicJwk(key: RingKey): LicencePublicJwk {
  return {
    kty: 'OKP',
    crv: 'Ed25519',
    x: publicX(key.publicKey),
    kid: key.kid,
    use: 'sig',
    alg: 'EdDSA',
  };
}

export class KeyRing {
  private activeKey: RingKey & { privateKey: KeyObject };
  private retired: RingKey[];

  private constructor(active: RingKey & { privateKey: KeyObject }, retired: RingKey[]) {
    this.activeKey = active;
    this.retired = retired;
  }

  /** A ring with a freshly generated active key and no retired keys. */
  static generate(now: Date = new Date()): KeyRing {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return new KeyRing(
      {
        kid: computeKid(publicKey),
        privateKey,
        publicKey,
        active: true,
        createdAt: now,
        retiredAt: null,
      },
      [],
    );
  }

  /**
   * Builds a ring from an active private key and retired public keys (KeyObjects).
   * Duplicate retired keys, and a retired key equal to the active one, are ignored.
   */
  static fromKeys(input: {
    activePrivateKey: KeyObject;
    activeCreatedAt?: Date | null;
    retired?: ReadonlyArray<{
      publicKey: KeyObject;
      createdAt?: Date | null;
      retiredAt?: Date | null;
    }>;
  }): KeyRing {
    const privateKey = input.activePrivateKey;
    if (privateKey.type !== 'private')
      throw new KeyRingError('KEY_NOT_PRIVATE', 'The active licence key must be a private key.');
    assertEd25519(privateKey);
    const publicKey = createPublicKey(privateKey);
    const activeKid = computeKid(publicKey);
    const seen = new Set<string>([activeKid]);
    const retired: RingKey[] = [];
    for (const r of input.retired ?? []) {
      const pub = r.publicKey.type === 'private' ? createPublicKey(r.publicKey) : r.publicKey;
      const kid = computeKid(pub);
      if (seen.has(kid)) continue;
      seen.add(kid);
      retired.push({
        kid,
        publicKey: pub,
        active: false,
        createdAt: r.createdAt ?? null,
        retiredAt: r.retiredAt ?? null,
      });
    }
    return new KeyRing(
      {
        kid: activeKid,
        privateKey,
        publicKey,
        active: true,
        createdAt: input.activeCreatedAt ?? null,
        retiredAt: null,
      },
      retired,
    );
  }

  /** Key id of the key that signs new licences. */
  get activeKid(): string {
    return this.activeKey.kid;
  }

  /** Public metadata of all keys, active first, then retired from the most recent. */
  keys(): KeyInfo[] {
    return [this.activeKey, ...this.retired].map(({ kid, active, createdAt, retiredAt }) => ({
      kid,
      active,
      createdAt,
      retiredAt,
    }));
  }

  /** Public key for `kid` (active or retired), or `undefined` when the kid is unknown. */
  publicKeyFor(kid: string): KeyObject | undefined {
    if (kid === this.activeKey.kid) return this.activeKey.publicKey;
    return this.retired.find((k) => k.kid === kid)?.publicKey;
  }

  /**
   * Runs `sign` with the active private key and its kid. The only way to use the private key;
   * callers must not keep or log it.
   */
  signWith<T>(sign: (privateKey: KeyObject, kid: string) => T): T {
    return sign(this.activeKey.privateKey, this.activeKey.kid);
  }

  /**
   * Generates a new active key; the previous active key becomes retired (public part only) and
   * keeps verifying. Returns the new kid. Persist the ring afterwards.
   */
  rotate(now: Date = new Date()): string {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const { kid, createdAt, publicKey: oldPublic } = this.activeKey;
    this.retired = [{ kid, active: false, createdAt, publicKey: oldPublic, retiredAt: now }, ...this.retired];
    this.activeKey = {
      kid: computeKid(publicKey),
      privateKey,
      publicKey,
      active: true,
      createdAt: now,
      retiredAt: null,
    };
    return this.activeKey.kid;
  }

  /**
   * Drops retired keys that can no longer have a valid licence: a key retired at R only signed
   * licences issued before R, which expire at most `maxLicenceLifetimeMs` later, so it can go once
   * `now > R + maxLicenceLifetimeMs` (add the grace period to keep showing "expired" rather than
   * "unknown key" during it). Returns the dropped kids.
   */
  pruneRetired(now: Date, maxLicenceLifetimeMs: number): string[] {
    const dropped = this.retired.filter(
      (k) => k.retiredAt !== null && k.retiredAt.getTime() + maxLicenceLifetimeMs < now.getTime(),
    );
    this.retired = this.retired.filter((k) => !dropped.includes(k));
    return dropped.map((k) => k.kid);
  }

  /** The JSON Web Key Set to publish: public keys only, active first. */
  toJwks(): Jwks {
    return { keys: [this.activeKey, ...this.retired].map(toPublicJwk) };
  }

  /** Never serialise key material by accident. */
  toJSON(): { activeKid: string; keys: KeyInfo[] } {
    return { activeKid: this.activeKid, keys: this.keys() };
  }

  [inspect.custom](): string {
    return `KeyRing { activeKid: '${this.activeKid}', retired: [${this.retired.map((k) => `'${k.kid}'`).join(', ')}] }`;
  }

  /** Only reachable through the package-internal symbol (not exported from the library): saves the ring. */
  [EXPORT_FOR_STORAGE](): {
    active: KeyInfo & { privatePem: string; publicPem: string };
    retired: Array<KeyInfo & { publicPem: string }>;
  } {
    const { kid, createdAt, privateKey, publicKey } = this.activeKey;
    return {
      active: {
        kid,
        active: true,
        createdAt,
        retiredAt: null,
        privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      },
      retired: this.retired.map((k) => ({
        kid: k.kid,
        active: false,
        createdAt: k.createdAt,
        retiredAt: k.retiredAt,
        publicPem: k.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      })),
    };
  }
}
