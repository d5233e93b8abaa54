import { verify } from 'node:crypto';
import { KeyRing } from './key-ring';
import { LICENCE_TYP, LicenceCoop, addYears, renewLicence, signLicence } from './licence-signer';

const coop: LicenceCoop = {
  id: 'c0ffee00-0000-4000-8000-000000000001',
  name: 'Rayon Vert',
  legalForm: 'fr_scop_sarl',
  country: 'FR',
  registration: '732829320',
};
const issuedAt = new Date('2026-03-15T12:00:00.750Z');
const decode = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('addYears', () => {
  it('adds calendar years in UTC', () => {
    expect(addYears(new Date('2026-03-15T12:00:00Z'), 1).toISOString()).toBe('2027-03-15T12:00:00.000Z');
    expect(addYears(new Date('2028-02-29T00:00:00Z'), 1).toISOString()).toBe('2029-03-01T00:00:00.000Z');
  });
});

describe('signLicence', () => {
  const ring = KeyRing.generate();

  it('produces a compact EdDSA JWS with the documented header and claims', () => {
    const issued = signLicence(ring, { coop, issuedAt, jti: 'lic-1' });
    const [h, p, s] = issued.token.split('.');
    expect(decode(h)).toEqual({
      alg: 'EdDSA',
      typ: LICENCE_TYP,
      kid: ring.activeKid,
    });
    expect(decode(p)).toEqual({
      iss: 'federacycle',
      sub: coop.id,
      coop,
      iat: Math.floor(issuedAt.getTime() / 1000),
      nbf: Math.floor(issuedAt.getTime() / 1000),
      exp: Math.floor(new Date('2027-03-15T12:00:00Z').getTime() / 1000),
      jti: 'lic-1',
    });
    const pub = ring.publicKeyFor(ring.activeKid);
    expect(pub && verify(null, Buffer.from(`${h}.${p}`), pub, Buffer.from(s, 'base64url'))).toBe(true);
    expect(issued.kid).toBe(ring.activeKid);
    expect(issued.expiresAt.toISOString()).toBe('2027-03-15T12:00:00.000Z');
    expect(issued.issuedAt.toISOString()).toBe('2026-03-15T12:00:00.000Z');
  });

  it('defaults to a random jti and honours an explicit expiry', () => {
    const a = signLicence(ring, {
      coop,
      issuedAt,
      expiresAt: new Date('2026-04-01T00:00:00Z'),
    });
    const b = signLicence(ring, { coop, issuedAt });
    expect(a.claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.claims.jti).not.toBe(b.claims.jti);
    expect(a.expiresAt.toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });

  it('does not copy extra coop properties into the licence', () => {
    const sneaky = { ...coop, password: 'hunter2' } as LicenceCoop;
    expect(signLicence(ring, { coop: sneaky, issuedAt }).token).not.toContain(
      Buffer.from('hunter2').toString('base64url').slice(0, 6),
    );
    expect(signLicence(ring, { coop: sneaky, issuedAt }).claims.coop).toEqual(coop);
  });

  it('refuses bad input', () => {
    expect(() => signLicence(ring, { coop: { ...coop, name: ' ' }, issuedAt })).toThrow(TypeError);
    expect(() =>
      signLicence(ring, {
        coop: { ...coop, registration: 'x'.repeat(201) },
        issuedAt,
      }),
    ).toThrow(TypeError);
    expect(() => signLicence(ring, { coop, issuedAt, expiresAt: issuedAt })).toThrow(RangeError);
    expect(() => signLicence(ring, { coop, issuedAt: new Date('nope') })).toThrow(RangeError);
  });

  it('signs with the new key after a rotation', () => {
    const r = KeyRing.generate();
    const before = signLicence(r, { coop, issuedAt });
    r.rotate();
    const after = signLicence(r, { coop, issuedAt });
    expect(after.kid).toBe(r.activeKid);
    expect(after.kid).not.toBe(before.kid);
  });
});

describe('renewLicence', () => {
  const ring = KeyRing.generate();
  const previous = signLicence(ring, {
    coop,
    issuedAt: new Date('2026-01-10T00:00:00Z'),
  }).claims; // expires 2027-01-10

  it('renewing early extends from the previous expiry', () => {
    const renewed = renewLicence(ring, previous, new Date('2026-12-01T00:00:00Z'));
    expect(renewed.expiresAt.toISOString()).toBe('2028-01-10T00:00:00.000Z');
    expect(renewed.issuedAt.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(renewed.claims.jti).not.toBe(previous.jti);
    expect(renewed.claims.coop).toEqual(coop);
  });

  it('renewing late starts from now, and may update coop details but never the id', () => {
    const renewed = renewLicence(ring, previous, new Date('2027-02-01T00:00:00Z'), {
      coop: { name: 'Rayon Vert SCOP', id: 'other' } as Partial<LicenceCoop>,
    });
    expect(renewed.expiresAt.toISOString()).toBe('2028-02-01T00:00:00.000Z');
    expect(renewed.claims.coop.name).toBe('Rayon Vert SCOP');
    expect(renewed.claims.coop.id).toBe(coop.id);
    expect(renewed.claims.sub).toBe(coop.id);
  });
});
