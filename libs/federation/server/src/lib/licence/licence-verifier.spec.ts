import { generateKeyPairSync, sign } from 'node:crypto';
import { KeyRing } from './key-ring';
import { LicenceCoop, signLicence } from './licence-signer';
import {
  LICENCE_STATUS_CODES,
  MAX_LICENCE_TOKEN_LENGTH,
  publicKeyResolverFromJwks,
  verifyLicence,
} from './licence-verifier';

const coop: LicenceCoop = {
  id: 'coop-1',
  name: 'Rayon Vert',
  legalForm: 'fr_scop_sarl',
  country: 'FR',
  registration: '732829320',
};
const issuedAt = new Date('2026-01-01T00:00:00Z');
const during = new Date('2026-06-01T00:00:00Z');
const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const decode = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('verifyLicence', () => {
  const ring = KeyRing.generate(issuedAt);
  const issued = signLicence(ring, { coop, issuedAt, jti: 'jti-1' });
  const [h, p, s] = issued.token.split('.');
  const opts = { keys: ring, now: during };
  /** re-signs arbitrary header/payload with the ring's active key */
  const forge = (header: unknown, payload: unknown) => {
    const input = `${b64(header)}.${b64(payload)}`;
    return ring.signWith((k) => `${input}.${sign(null, Buffer.from(input), k).toString('base64url')}`);
  };

  it('valid', async () => {
    const result = await verifyLicence(issued.token, opts);
    expect(result).toMatchObject({
      status: 'valid',
      kid: ring.activeKid,
      claims: issued.claims,
    });
    expect(result.code).toBeUndefined();
    expect(result.message).toContain('Rayon Vert');
  });

  it('tolerates whitespace and line breaks from pasting', async () => {
    const wrapped = `  ${issued.token.slice(0, 40)}\n${issued.token.slice(40)}\n`;
    expect((await verifyLicence(wrapped, opts)).status).toBe('valid');
  });

  it('tampered payload → bad_signature, no claims', async () => {
    const payload = decode(p);
    const tampered = `${h}.${b64({ ...payload, exp: (payload['exp'] as number) + 10 * 365 * 86400 })}.${s}`;
    const result = await verifyLicence(tampered, opts);
    expect(result).toMatchObject({
      status: 'bad_signature',
      code: 'LICENCE_BAD_SIGNATURE',
    });
    expect(result.claims).toBeUndefined();
  });

  it('tampered header → bad_signature', async () => {
    const header = decode(h);
    // same members, different serialisation: the signature covers the exact bytes
    const tampered = `${b64(JSON.stringify({ typ: header['typ'], alg: header['alg'], kid: header['kid'] }))}.${p}.${s}`;
    expect((await verifyLicence(tampered, opts)).status).toBe('bad_signature');
  });

  it('tampered signature → bad_signature', async () => {
    const sig = Buffer.from(s, 'base64url');
    sig[10] ^= 1;
    expect((await verifyLicence(`${h}.${p}.${sig.toString('base64url')}`, opts)).status).toBe('bad_signature');
    expect((await verifyLicence(`${h}.${p}.${s.slice(0, 20)}`, opts)).status).toBe('bad_signature');
  });

  it.each([['none'], ['HS256'], ['RS256'], ['ES256'], ['eddsa'], ['Ed25519'], [''], [null], [['EdDSA']]])(
    'alg %j → bad_algorithm',
    async (alg) => {
      const header = { alg, typ: 'fc-licence+jws', kid: ring.activeKid };
      for (const token of [`${b64(header)}.${p}.`, `${b64(header)}.${p}.${s}`]) {
        const result = await verifyLicence(token, opts);
        expect(result).toMatchObject({
          status: 'bad_algorithm',
          code: 'LICENCE_BAD_ALGORITHM',
        });
        expect(result.claims).toBeUndefined();
      }
    },
  );

  it('missing alg → bad_algorithm', async () => {
    expect((await verifyLicence(`${b64({ typ: 'fc-licence+jws', kid: ring.activeKid })}.${p}.${s}`, opts)).status).toBe(
      'bad_algorithm',
    );
  });

  it('HS256 signed with the public key as secret (key confusion) → bad_algorithm', async () => {
    const header = { alg: 'HS256', typ: 'fc-licence+jws', kid: ring.activeKid };
    expect((await verifyLicence(`${b64(header)}.${p}.${s}`, opts)).status).toBe('bad_algorithm');
  });

  it('wrong kid → unknown_key', async () => {
    const result = await verifyLicence(
      forge({ alg: 'EdDSA', typ: 'fc-licence+jws', kid: 'not-a-known-kid' }, decode(p)),
      opts,
    );
    expect(result).toMatchObject({
      status: 'unknown_key',
      code: 'LICENCE_UNKNOWN_KEY',
      kid: 'not-a-known-kid',
    });
    expect(result.claims).toBeUndefined();
  });

  it('missing kid → unknown_key', async () => {
    expect((await verifyLicence(forge({ alg: 'EdDSA', typ: 'fc-licence+jws' }, decode(p)), opts)).status).toBe(
      'unknown_key',
    );
  });

  it('licence signed by a stranger with our kid → bad_signature', async () => {
    const stranger = generateKeyPairSync('ed25519');
    const input = `${h}.${p}`;
    const token = `${input}.${sign(null, Buffer.from(input), stranger.privateKey).toString('base64url')}`;
    expect((await verifyLicence(token, opts)).status).toBe('bad_signature');
  });

  it('a resolver returning a non-Ed25519 key → unknown_key', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(
      (
        await verifyLicence(issued.token, {
          now: during,
          keys: { publicKeyFor: () => rsa.publicKey },
        })
      ).status,
    ).toBe('unknown_key');
  });

  it.each([
    ['extra header member crit', { alg: 'EdDSA', typ: 'fc-licence+jws', kid: 'K', crit: ['exp'] }],
    ['embedded jwk', { alg: 'EdDSA', typ: 'fc-licence+jws', kid: 'K', jwk: { kty: 'OKP' } }],
    [
      'jku',
      {
        alg: 'EdDSA',
        typ: 'fc-licence+jws',
        kid: 'K',
        jku: 'https://evil.example/jwks',
      },
    ],
    ['wrong typ', { alg: 'EdDSA', typ: 'JWT', kid: 'K' }],
    ['missing typ', { alg: 'EdDSA', kid: 'K' }],
    ['numeric kid', { alg: 'EdDSA', typ: 'fc-licence+jws', kid: 42 }],
  ])('%s → malformed', async (_name, header) => {
    const h2 = {
      ...header,
      kid: header.kid === 'K' ? ring.activeKid : header.kid,
    };
    expect((await verifyLicence(forge(h2, decode(p)), opts)).status).toBe('malformed');
  });

  it.each([
    ['empty string', ''],
    ['whitespace', '   '],
    ['garbage', 'hello world'],
    ['two parts', 'abc.def'],
    ['four parts', 'a.b.c.d'],
    ['empty header', '.abc.def'],
    ['non base64url header', '***.abc.def'],
    ['padded base64', `${b64({ alg: 'EdDSA' })}==.abc.def`],
    ['header not JSON', `${b64('not json')}.abc.def`],
    ['header JSON array', `${b64('["EdDSA"]')}.abc.def`],
    ['header JSON null', `${b64('null')}.abc.def`],
    ['too long', `${'a'.repeat(MAX_LICENCE_TOKEN_LENGTH)}.b.c`],
  ])('%s → malformed', async (_name, token) => {
    const result = await verifyLicence(token, opts);
    expect(result).toMatchObject({
      status: 'malformed',
      code: 'LICENCE_MALFORMED',
    });
    expect(result.claims).toBeUndefined();
  });

  it.each([[undefined], [null], [42], [{ token: 'x' }]])('non-string %j → malformed', async (token) => {
    expect((await verifyLicence(token, opts)).status).toBe('malformed');
  });

  it('non-canonical base64url (altered trailing bits) is refused', async () => {
    // flipping the unused low bits of the last char decodes to the same bytes with plain Buffer
    const last = h[h.length - 1];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const variant = alphabet[alphabet.indexOf(last) ^ 1];
    const token = `${h.slice(0, -1)}${variant}.${p}.${s}`;
    expect(['malformed', 'bad_signature']).toContain((await verifyLicence(token, opts)).status);
    expect((await verifyLicence(token, opts)).status).not.toBe('valid');
  });

  it('validly signed but wrong claims shape → malformed', async () => {
    const payload = decode(p);
    for (const bad of [
      { ...payload, iss: 'someone-else' },
      { ...payload, exp: 'tomorrow' },
      { ...payload, sub: 'coop-2' },
      { ...payload, coop: null },
      { ...payload, coop: { ...coop, name: '' } },
      { ...payload, exp: payload['nbf'] },
      'just a string',
    ]) {
      const result = await verifyLicence(forge(decode(h), bad), opts);
      expect(result.status).toBe('malformed');
      expect(result.claims).toBeUndefined();
    }
  });

  it('expired (injected clock): valid until exp exclusive', async () => {
    const exp = issued.expiresAt.getTime();
    expect(
      (
        await verifyLicence(issued.token, {
          keys: ring,
          now: new Date(exp - 1000),
        })
      ).status,
    ).toBe('valid');
    const atExp = await verifyLicence(issued.token, {
      keys: ring,
      now: new Date(exp),
    });
    expect(atExp).toMatchObject({
      status: 'expired',
      code: 'LICENCE_EXPIRED',
      claims: issued.claims,
    });
    expect(atExp.message).toContain('2027-01-01');
  });

  it('not yet valid beyond the leeway', async () => {
    const early = new Date(issuedAt.getTime() - 30_000);
    expect((await verifyLicence(issued.token, { keys: ring, now: early })).status).toBe('valid');
    const tooEarly = new Date(issuedAt.getTime() - 61_000);
    expect((await verifyLicence(issued.token, { keys: ring, now: tooEarly })).status).toBe('not_yet_valid');
    expect(
      (
        await verifyLicence(issued.token, {
          keys: ring,
          now: early,
          leewaySeconds: 0,
        })
      ).status,
    ).toBe('not_yet_valid');
  });

  it('revoked via the injected lookup (sync or async), even when also expired', async () => {
    const seen: string[] = [];
    const isRevoked = (jti: string) => {
      seen.push(jti);
      return jti === 'jti-1';
    };
    expect(await verifyLicence(issued.token, { ...opts, isRevoked })).toMatchObject({
      status: 'revoked',
      code: 'LICENCE_REVOKED',
      claims: issued.claims,
    });
    expect(seen).toEqual(['jti-1']);
    expect(
      (
        await verifyLicence(issued.token, {
          ...opts,
          isRevoked: async () => true,
        })
      ).status,
    ).toBe('revoked');
    expect(
      (
        await verifyLicence(issued.token, {
          keys: ring,
          now: new Date('2030-01-01T00:00:00Z'),
          isRevoked,
        })
      ).status,
    ).toBe('revoked');
    expect(
      (
        await verifyLicence(issued.token, {
          ...opts,
          isRevoked: async () => false,
        })
      ).status,
    ).toBe('valid');
  });

  it('does not consult revocation for unauthenticated tokens', async () => {
    const isRevoked = jest.fn(() => false);
    await verifyLicence(`${h}.${p}.${s.slice(0, -4)}AAAA`, {
      ...opts,
      isRevoked,
    });
    expect(isRevoked).not.toHaveBeenCalled();
  });

  it('rotation: old licences keep verifying, new ones use the new kid', async () => {
    const r = KeyRing.generate(issuedAt);
    const old = signLicence(r, { coop, issuedAt });
    const newKid = r.rotate(new Date('2026-02-01T00:00:00Z'));
    const fresh = signLicence(r, {
      coop,
      issuedAt: new Date('2026-02-02T00:00:00Z'),
    });
    expect(fresh.kid).toBe(newKid);
    expect(old.kid).not.toBe(newKid);
    expect(await verifyLicence(old.token, { keys: r, now: during })).toMatchObject({ status: 'valid', kid: old.kid });
    expect(await verifyLicence(fresh.token, { keys: r, now: during })).toMatchObject({ status: 'valid', kid: newKid });
    // ... until they expire
    expect(
      (
        await verifyLicence(old.token, {
          keys: r,
          now: new Date('2027-01-01T00:00:00Z'),
        })
      ).status,
    ).toBe('expired');
  });

  it('verifies against the published JWKS alone', async () => {
    const r = KeyRing.generate(issuedAt);
    const old = signLicence(r, { coop, issuedAt });
    r.rotate();
    const jwks = JSON.parse(JSON.stringify(r.toJwks())) as {
      keys: Array<Record<string, unknown>>;
    };
    expect(JSON.stringify(jwks)).not.toMatch(/"d"/);
    const resolver = publicKeyResolverFromJwks(jwks);
    expect((await verifyLicence(old.token, { keys: resolver, now: during })).status).toBe('valid');
    expect((await verifyLicence(issued.token, { keys: resolver, now: during })).status).toBe('unknown_key');
  });

  it('the JWKS resolver ignores private or foreign keys', () => {
    const ed = generateKeyPairSync('ed25519').privateKey.export({
      format: 'jwk',
    });
    const resolver = publicKeyResolverFromJwks({
      keys: [
        { ...ed, kid: 'with-d' },
        { kty: 'RSA', kid: 'rsa', n: 'x', e: 'AQAB' },
        { kty: 'OKP', crv: 'Ed25519', x: '!!', kid: 'broken' },
      ],
    });
    expect(resolver.publicKeyFor('with-d')).toBeUndefined();
    expect(resolver.publicKeyFor('rsa')).toBeUndefined();
    expect(resolver.publicKeyFor('broken')).toBeUndefined();
  });

  it('maps every non-valid status to a stable code', () => {
    expect(Object.values(LICENCE_STATUS_CODES).every((c) => /^LICENCE_[A-Z_]+$/.test(c))).toBe(true);
  });
});
