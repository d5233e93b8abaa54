import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { KeyRing, KeyRingError, computeKid } from './key-ring';
import { EXPORT_FOR_STORAGE } from './key-ring-storage-access';

/**
 * Development storage of the licence key ring: PEM files and a manifest in a directory
 * (`.data/licence-keys/`), the private key readable by its owner only. Production takes the key
 * from the LICENCE_SIGNING_KEY secret instead (key-ring-pem.ts).
 */

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
