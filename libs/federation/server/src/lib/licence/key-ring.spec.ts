import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inspect } from 'node:util';
import { KID_LENGTH, KeyRing, KeyRingError, computeKid } from './key-ring';
import { loadKeyRingFromDirectory, loadOrCreateKeyRing, saveKeyRingToDirectory } from './key-ring-directory';
import { generateLicenceKeyPem, keyRingFromPem } from './key-ring-pem';

const t0 = new Date('2026-01-01T00:00:00Z');
const privatePemOf = (ring: KeyRing) => ring.signWith((k) => k.export({ format: 'pem', type: 'pkcs8' }).toString());

describe('computeKid', () => {
  it('is the truncated RFC 7638 thumbprint', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const x = publicKey.export({ format: 'jwk' }).x;
    const full = createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest();
    expect(computeKid(publicKey)).toBe(full.subarray(0, 16).toString('base64url'));
    expect(computeKid(publicKey)).toHaveLength(KID_LENGTH);
  });

  it('matches the RFC 8037 appendix A.3 thumbprint (first 16 bytes)', () => {
    const publicKey = createPublicKey({
      key: {
        kty: 'OKP',
        crv: 'Ed25519',
        x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
      },
      format: 'jwk',
    });
    const expectedFull = Buffer.from('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k', 'base64url');
    expect(computeKid(publicKey)).toBe(expectedFull.subarray(0, 16).toString('base64url'));
  });

  it('refuses non-Ed25519 keys', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => computeKid(publicKey)).toThrow(KeyRingError);
  });
});

describe('KeyRing', () => {
  it('generates an active key that signs and verifies', () => {
    const ring = KeyRing.generate(t0);
    const data = Buffer.from('hello');
    const signature = ring.signWith((k) => sign(null, data, k));
    const pub = ring.publicKeyFor(ring.activeKid);
    expect(pub).toBeDefined();
    expect(pub && verify(null, data, pub, signature)).toBe(true);
    expect(ring.keys()).toEqual([{ kid: ring.activeKid, active: true, createdAt: t0, retiredAt: null }]);
  });

  it('rotates: new active kid, old key retired and still resolvable', () => {
    const ring = KeyRing.generate(t0);
    const old = ring.activeKid;
    const t1 = new Date('2026-06-01T00:00:00Z');
    const next = ring.rotate(t1);
    expect(next).not.toBe(old);
    expect(ring.activeKid).toBe(next);
    expect(ring.publicKeyFor(old)).toBeDefined();
    expect(ring.keys().map((k) => [k.kid, k.active, k.retiredAt])).toEqual([
      [next, true, null],
      [old, false, t1],
    ]);
    expect(ring.publicKeyFor('nope')).toBeUndefined();
  });

  it('prunes retired keys whose licences must all have expired', () => {
    const ring = KeyRing.generate(t0);
    const old = ring.activeKid;
    ring.rotate(t0);
    const year = 366 * 24 * 3600 * 1000;
    expect(ring.pruneRetired(new Date(t0.getTime() + year), year)).toEqual([]);
    expect(ring.pruneRetired(new Date(t0.getTime() + year + 1), year)).toEqual([old]);
    expect(ring.publicKeyFor(old)).toBeUndefined();
  });

  it('never prunes a retired key whose retirement date is unknown', () => {
    const active = generateLicenceKeyPem();
    const retired = generateLicenceKeyPem();
    const ring = keyRingFromPem({
      activePrivateKeyPem: active.privateKeyPem,
      retiredPublicKeysPem: retired.publicKeyPem,
    });
    expect(ring.keys()[1]).toEqual({
      kid: retired.kid,
      active: false,
      createdAt: null,
      retiredAt: null,
    });
    expect(ring.pruneRetired(new Date('2100-01-01T00:00:00Z'), 1)).toEqual([]);
    expect(ring.publicKeyFor(retired.kid)).toBeDefined();
  });

  it('publishes only public material in the JWKS', () => {
    const ring = KeyRing.generate(t0);
    ring.rotate(new Date('2026-02-01T00:00:00Z'));
    const jwks = ring.toJwks();
    expect(jwks.keys).toHaveLength(2);
    expect(jwks.keys[0].kid).toBe(ring.activeKid);
    for (const jwk of jwks.keys) {
      expect(Object.keys(jwk).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
      expect(jwk).toMatchObject({
        kty: 'OKP',
        crv: 'Ed25519',
        use: 'sig',
        alg: 'EdDSA',
      });
      expect(jwk).not.toHaveProperty('d');
      expect(
        computeKid(
          createPublicKey({
            key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
            format: 'jwk',
          }),
        ),
      ).toBe(jwk.kid);
    }
    const d = ring.signWith((k) => k.export({ format: 'jwk' }).d) as string;
    expect(JSON.stringify(jwks)).not.toContain(d);
  });

  it('never serialises or prints the private key', () => {
    const ring = KeyRing.generate(t0);
    const d = ring.signWith((k) => k.export({ format: 'jwk' }).d) as string;
    const pemBody = privatePemOf(ring).split('\n')[1];
    for (const text of [
      JSON.stringify(ring),
      inspect(ring, { depth: 10, showHidden: true }),
      String(ring),
      `${JSON.stringify({ ring })}`,
    ]) {
      expect(text).not.toContain(d);
      expect(text).not.toContain(pemBody);
      expect(text).not.toContain('PRIVATE KEY');
    }
    expect(inspect(ring)).toContain(ring.activeKid);
  });

  it('fromKeys refuses a public or non-Ed25519 active key and dedups retired keys', () => {
    const ed = generateKeyPairSync('ed25519');
    expect(() => KeyRing.fromKeys({ activePrivateKey: ed.publicKey })).toThrow(
      expect.objectContaining({ code: 'KEY_NOT_PRIVATE' }),
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => KeyRing.fromKeys({ activePrivateKey: rsa.privateKey })).toThrow(
      expect.objectContaining({ code: 'KEY_NOT_ED25519' }),
    );
    const other = generateKeyPairSync('ed25519');
    const ring = KeyRing.fromKeys({
      activePrivateKey: ed.privateKey,
      retired: [{ publicKey: ed.publicKey }, { publicKey: other.publicKey }, { publicKey: other.privateKey }],
    });
    expect(ring.keys()).toHaveLength(2);
  });
});

describe('keyRingFromPem (production secret)', () => {
  it('loads the active private key and retired public keys', () => {
    const active = generateLicenceKeyPem();
    const r1 = generateLicenceKeyPem();
    const r2 = generateLicenceKeyPem();
    const ring = keyRingFromPem({
      activePrivateKeyPem: active.privateKeyPem,
      retiredPublicKeysPem: `${r1.publicKeyPem}\n${r2.publicKeyPem}`,
    });
    expect(ring.activeKid).toBe(active.kid);
    expect(ring.keys().map((k) => k.kid)).toEqual([active.kid, r1.kid, r2.kid]);
  });

  it('accepts escaped newlines from env files', () => {
    const active = generateLicenceKeyPem();
    const ring = keyRingFromPem({
      activePrivateKeyPem: active.privateKeyPem.replace(/\n/g, '\\n'),
    });
    expect(ring.activeKid).toBe(active.kid);
  });

  it('never echoes the secret in errors', () => {
    const secret = '-----BEGIN PRIVATE KEY-----\nTOP-SECRET-GARBAGE\n-----END PRIVATE KEY-----';
    let message = '';
    try {
      keyRingFromPem({ activePrivateKeyPem: secret });
    } catch (err) {
      expect(err).toBeInstanceOf(KeyRingError);
      message = (err as Error).message;
    }
    expect(message).not.toBe('');
    expect(message).not.toContain('TOP-SECRET');
  });

  it('rejects a non-Ed25519 secret', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() =>
      keyRingFromPem({
        activePrivateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      }),
    ).toThrow(expect.objectContaining({ code: 'KEY_NOT_ED25519' }));
  });

  it('rejects an invalid retired key', () => {
    const active = generateLicenceKeyPem();
    expect(() =>
      keyRingFromPem({
        activePrivateKeyPem: active.privateKeyPem,
        retiredPublicKeysPem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
      }),
    ).toThrow(expect.objectContaining({ code: 'KEY_INVALID' }));
  });
});

describe('key ring directory (development)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'fc-keys-')), 'licence-keys');
  });
  afterEach(async () => {
    await fs.rm(path.dirname(dir), { recursive: true, force: true });
  });

  it('returns null when nothing is saved yet', async () => {
    expect(await loadKeyRingFromDirectory(dir)).toBeNull();
  });

  it('generates at first start, then loads the same ring', async () => {
    const first = await loadOrCreateKeyRing(dir, t0);
    const second = await loadOrCreateKeyRing(dir);
    expect(second.activeKid).toBe(first.activeKid);
    expect(second.keys()).toEqual(first.keys());
    expect(privatePemOf(second)).toBe(privatePemOf(first));
  });

  const posix = process.platform === 'win32' ? it.skip : it;

  posix('writes the private key 0600 in a 0700 directory', async () => {
    const ring = await loadOrCreateKeyRing(dir, t0);
    expect((await fs.stat(dir)).mode & 0o777).toBe(0o700);
    expect((await fs.stat(path.join(dir, `${ring.activeKid}.private.pem`))).mode & 0o777).toBe(0o600);
  });

  posix('refuses a private key file readable by others', async () => {
    const ring = await loadOrCreateKeyRing(dir, t0);
    await fs.chmod(path.join(dir, `${ring.activeKid}.private.pem`), 0o644);
    await expect(loadKeyRingFromDirectory(dir)).rejects.toMatchObject({
      code: 'KEY_FILE_PERMISSIONS',
    });
  });

  it('persists a rotation and deletes the retired private key', async () => {
    const ring = await loadOrCreateKeyRing(dir, t0);
    const old = ring.activeKid;
    ring.rotate(new Date('2026-07-01T00:00:00Z'));
    await saveKeyRingToDirectory(ring, dir);
    const files = await fs.readdir(dir);
    expect(files.filter((f) => f.endsWith('.private.pem'))).toEqual([`${ring.activeKid}.private.pem`]);
    expect(files).toContain(`${old}.public.pem`);
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    const loaded = await loadKeyRingFromDirectory(dir);
    expect(loaded?.activeKid).toBe(ring.activeKid);
    expect(loaded?.keys()).toEqual(ring.keys());
    const manifest = await fs.readFile(path.join(dir, 'keyring.json'), 'utf8');
    expect(manifest).not.toContain('PRIVATE');
  });

  it('detects a corrupt manifest or a swapped public key file', async () => {
    const ring = await loadOrCreateKeyRing(dir, t0);
    const old = ring.activeKid;
    ring.rotate(new Date('2026-07-01T00:00:00Z'));
    await saveKeyRingToDirectory(ring, dir);
    await fs.writeFile(path.join(dir, `${old}.public.pem`), generateLicenceKeyPem().publicKeyPem);
    await expect(loadKeyRingFromDirectory(dir)).rejects.toMatchObject({
      code: 'KEY_RING_CORRUPT',
    });
    await fs.writeFile(path.join(dir, 'keyring.json'), '{not json');
    await expect(loadKeyRingFromDirectory(dir)).rejects.toMatchObject({
      code: 'KEY_RING_CORRUPT',
    });
    await fs.writeFile(
      path.join(dir, 'keyring.json'),
      JSON.stringify({
        version: 1,
        activeKid: '../../etc',
        keys: [{ kid: '../../etc', createdAt: 'x', retiredAt: null }],
      }),
    );
    await expect(loadKeyRingFromDirectory(dir)).rejects.toMatchObject({
      code: 'KEY_RING_CORRUPT',
    });
  });
});
