import { KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { inspect } from 'node:util';
import * as path from 'node:path';

/**
 * The federation's licence signing keys (Ed25519, node:crypto).
 *
 * A ring holds exactly one active key (private + public), used to sign new licences, and any
 * number of retired public keys, kept so that licences signed before a rotation keep verifying
 * until they expire. Retired private keys are not kept: once rotated, a key can only verify.
 *
 * The private key never leaves this module except through {@link KeyRing.signWith} (a callback
 * receiving the KeyObject) and {@link generateLicenceKeyPem} (for the operator provisioning the
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

/** Module-private accessor for the PEM export used by {@link saveKeyRingToDirectory}. */
const EXPORT_FOR_STORAGE = Symbol('exportForStorage');

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

  /** Only reachable inside this module (the symbol is not exported): used to save the ring. */
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

// ---------------------------------------------------------------------------------------------
// Development: keys in a directory (.data/licence-keys/)
// ---------------------------------------------------------------------------------------------

/** Default development directory, relative to the working directory (git-ignored `.data/`). */
export const DEV_KEY_DIRECTORY = path.join('.data', 'licence-keys');

const MANIFEST = 'keyring.json';

interface Manifest {
  version: 1;
  activeKid: string;
  keys: Array<{
    kid: string;
    createdAt: string | null;
    retiredAt: string | null;
  }>;
}

const privateFile = (kid: string) => `${kid}.private.pem`;
const publicFile = (kid: string) => `${kid}.public.pem`;

async function writeAtomic(file: string, content: string, mode: number): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(tmp, content, { mode, flag: 'wx' });
  await fs.chmod(tmp, mode); // umask may have narrowed or (on some systems) ignored the mode
  await fs.rename(tmp, file);
}

/**
 * Writes the ring to `dir` (created with mode 0700): `keyring.json` (kids and dates),
 * `<kid>.public.pem` for every key and `<kid>.private.pem` (mode 0600) for the active key only.
 * Private key files of keys no longer active are deleted.
 */
export async function saveKeyRingToDirectory(ring: KeyRing, dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') await fs.chmod(dir, 0o700);
  const { active, retired } = ring[EXPORT_FOR_STORAGE]();
  await writeAtomic(path.join(dir, privateFile(active.kid)), active.privatePem, 0o600);
  for (const k of [active, ...retired]) {
    await writeAtomic(path.join(dir, publicFile(k.kid)), k.publicPem, 0o644);
  }
  const manifest: Manifest = {
    version: 1,
    activeKid: active.kid,
    keys: [active, ...retired].map((k) => ({
      kid: k.kid,
      createdAt: k.createdAt?.toISOString() ?? null,
      retiredAt: k.retiredAt?.toISOString() ?? null,
    })),
  };
  await writeAtomic(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, 0o644);
  const keep = new Set([MANIFEST, privateFile(active.kid), ...[active, ...retired].map((k) => publicFile(k.kid))]);
  for (const name of await fs.readdir(dir)) {
    if (name.endsWith('.private.pem') && !keep.has(name)) await fs.rm(path.join(dir, name), { force: true });
  }
}

const isOptionalDate = (v: unknown): boolean => v === null || (typeof v === 'string' && !Number.isNaN(Date.parse(v)));
const toDate = (v: string | null): Date | null => (v === null ? null : new Date(v));

function parseManifest(raw: string): Manifest {
  const data: unknown = JSON.parse(raw);
  const isKey = (k: unknown): k is Manifest['keys'][number] =>
    typeof k === 'object' &&
    k !== null &&
    typeof (k as Record<string, unknown>)['kid'] === 'string' &&
    isOptionalDate((k as Record<string, unknown>)['createdAt']) &&
    isOptionalDate((k as Record<string, unknown>)['retiredAt']);
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as Record<string, unknown>)['version'] !== 1 ||
    typeof (data as Record<string, unknown>)['activeKid'] !== 'string' ||
    !Array.isArray((data as Record<string, unknown>)['keys']) ||
    !((data as Record<string, unknown>)['keys'] as unknown[]).every(isKey)
  ) {
    throw new KeyRingError('KEY_RING_CORRUPT', 'keyring.json is not a valid key ring manifest.');
  }
  const manifest = data as Manifest;
  for (const k of manifest.keys) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(k.kid))
      throw new KeyRingError('KEY_RING_CORRUPT', 'keyring.json holds an invalid kid.');
  }
  return manifest;
}

/**
 * Loads the ring saved by {@link saveKeyRingToDirectory}. Refuses (like ssh) a private key file
 * readable by group or others on POSIX systems, and checks that every file matches its kid.
 * Returns `null` when the directory holds no key ring yet.
 */
export async function loadKeyRingFromDirectory(dir: string): Promise<KeyRing | null> {
  let raw: string;
  try {
    raw = await fs.readFile(path.join(dir, MANIFEST), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let manifest: Manifest;
  try {
    manifest = parseManifest(raw);
  } catch (err) {
    if (err instanceof KeyRingError) throw err;
    throw new KeyRingError('KEY_RING_CORRUPT', 'keyring.json is not valid JSON.');
  }
  const activeMeta = manifest.keys.find((k) => k.kid === manifest.activeKid);
  if (!activeMeta) throw new KeyRingError('KEY_RING_CORRUPT', 'keyring.json does not list its active key.');

  const privatePath = path.join(dir, privateFile(manifest.activeKid));
  if (process.platform !== 'win32') {
    const { mode } = await fs.stat(privatePath);
    if ((mode & 0o077) !== 0) {
      throw new KeyRingError(
        'KEY_FILE_PERMISSIONS',
        `${privatePath} is accessible by other users (mode ${(mode & 0o777).toString(8)}); run chmod 600 on it.`,
      );
    }
  }
  let activePrivateKey: KeyObject;
  try {
    activePrivateKey = createPrivateKey({
      key: await fs.readFile(privatePath, 'utf8'),
      format: 'pem',
    });
  } catch {
    throw new KeyRingError('KEY_INVALID', `${privatePath} is not a valid PEM private key.`);
  }
  const retired: Array<{
    publicKey: KeyObject;
    createdAt: Date | null;
    retiredAt: Date | null;
  }> = [];
  for (const k of manifest.keys) {
    if (k.kid === manifest.activeKid) continue;
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey({
        key: await fs.readFile(path.join(dir, publicFile(k.kid)), 'utf8'),
        format: 'pem',
      });
    } catch {
      throw new KeyRingError('KEY_INVALID', `Public key file of ${k.kid} is missing or invalid.`);
    }
    if (computeKid(publicKey) !== k.kid)
      throw new KeyRingError('KEY_RING_CORRUPT', `Public key file of ${k.kid} does not match its kid.`);
    retired.push({
      publicKey,
      createdAt: toDate(k.createdAt),
      retiredAt: toDate(k.retiredAt),
    });
  }
  const ring = KeyRing.fromKeys({
    activePrivateKey,
    activeCreatedAt: toDate(activeMeta.createdAt),
    retired,
  });
  if (ring.activeKid !== manifest.activeKid)
    throw new KeyRingError('KEY_RING_CORRUPT', 'The private key does not match the active kid.');
  return ring;
}

/**
 * Development start-up: loads the ring from `dir`, or generates and saves one on first start.
 */
export async function loadOrCreateKeyRing(dir: string = DEV_KEY_DIRECTORY, now: Date = new Date()): Promise<KeyRing> {
  const existing = await loadKeyRingFromDirectory(dir);
  if (existing) return existing;
  const ring = KeyRing.generate(now);
  await saveKeyRingToDirectory(ring, dir);
  return ring;
}
