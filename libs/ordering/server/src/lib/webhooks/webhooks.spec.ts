import { coopCycleEventName, nativeOfCoopCycleEvent } from './webhook-bodies';
import { checkWebhookTarget, forbiddenAddress, parseWebhookUrl, type Resolver } from './webhook-target';
import { decryptSecret, encryptSecret, newWebhookSecret } from './webhook-secrets';
import { signatureHeaders, verifyFederacycleSignature } from './webhook-signature';
import { webhookRetryDelay, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_DELAYS_MS } from './webhooks.jobs';

const resolvesTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('the SSRF guard of webhook targets', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.9.9.9', 'loopback'],
    ['10.0.0.8', 'private'],
    ['172.16.4.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.251', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:10.0.0.1', 'private'],
    ['2002:0a00:0001::1', '6to4'],
  ])('refuses %s (%s)', (address, range) => {
    expect(forbiddenAddress(address)).toBe(range);
  });

  it.each(['93.184.215.14', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111'])(
    'accepts the public address %s',
    (address) => {
      expect(forbiddenAddress(address)).toBeNull();
    },
  );

  it('refuses a host when any of its addresses is internal, and pins the call to the checked one', async () => {
    const mixed = await checkWebhookTarget('https://shop.example/hook', false, resolvesTo('93.184.215.14', '10.0.0.1'));
    expect(mixed).toMatchObject({ code: 'WEBHOOK_TARGET_FORBIDDEN' });
    const ok = await checkWebhookTarget('https://shop.example/hook', false, resolvesTo('93.184.215.14'));
    expect(ok).toMatchObject({ address: '93.184.215.14', family: 4 });
    const literal = await checkWebhookTarget('https://[::1]:8443/hook', false, resolvesTo('93.184.215.14'));
    expect(literal).toMatchObject({ code: 'WEBHOOK_TARGET_FORBIDDEN' });
    const unresolved = await checkWebhookTarget('https://nowhere.example/', false, async () => {
      throw new Error('ENOTFOUND');
    });
    expect(unresolved).toMatchObject({ code: 'WEBHOOK_HOST_UNRESOLVED' });
  });

  it('wants https, no credentials and no fragment; plain http and private addresses only when allowed', async () => {
    expect(parseWebhookUrl('http://shop.example/hook', false)).toMatchObject({ code: 'WEBHOOK_URL_INVALID' });
    expect(parseWebhookUrl('https://a:b@shop.example/hook', false)).toMatchObject({ code: 'WEBHOOK_URL_INVALID' });
    expect(parseWebhookUrl('https://shop.example/hook#x', false)).toMatchObject({ code: 'WEBHOOK_URL_INVALID' });
    expect(parseWebhookUrl('javascript:alert(1)', true)).toMatchObject({ code: 'WEBHOOK_URL_INVALID' });
    expect(parseWebhookUrl('http://shop.example/hook', true)).toBeInstanceOf(URL);
    expect(await checkWebhookTarget('http://127.0.0.1:9/hook', true)).toMatchObject({ address: '127.0.0.1' });
  });
});

describe('webhook secrets and signatures', () => {
  it('encrypts secrets at rest (the wrong key fails) and signs so that the documented check verifies', () => {
    const key = Buffer.alloc(32, 7);
    const secret = newWebhookSecret();
    const sealed = encryptSecret(key, secret);
    expect(sealed.toString('latin1')).not.toContain(secret);
    expect(decryptSecret(key, sealed)).toBe(secret);
    expect(() => decryptSecret(Buffer.alloc(32, 8), sealed)).toThrow();

    const body = '{"type":"delivery.completed"}';
    const now = 1_800_000_000;
    const headers = signatureHeaders('native', [secret], now, body);
    const sig = headers['X-Federacycle-Signature'] as string;
    expect(verifyFederacycleSignature(secret, sig, String(now), body, now)).toBe(true);
    expect(verifyFederacycleSignature(secret, sig, String(now), `${body} `, now)).toBe(false);
    // too old: a replayed capture is refused
    expect(verifyFederacycleSignature(secret, sig, String(now), body, now + 301)).toBe(false);
    expect(headers['X-CoopCycle-Signature']).toBeUndefined();
    expect(signatureHeaders('coopcycle', [secret], now, body)['X-CoopCycle-Signature']).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('retries over at least 24 hours', () => {
    const total = WEBHOOK_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(11);
    expect([1, 2, 10, 11].map(webhookRetryDelay)).toEqual([60_000, 300_000, 21_600_000, 21_600_000]);
  });
});

describe("CoopCycle's webhook names", () => {
  it('maps its events to the native ones both ways, and knows none of the rest', () => {
    expect(nativeOfCoopCycleEvent('delivery.picked')).toBe('delivery.picked_up');
    expect(nativeOfCoopCycleEvent('delivery.completed')).toBe('delivery.completed');
    expect(nativeOfCoopCycleEvent('order.created')).toBeNull();
    expect(nativeOfCoopCycleEvent('toString')).toBeNull();
    expect(nativeOfCoopCycleEvent('__proto__')).toBeNull();
    expect(coopCycleEventName('delivery.picked_up')).toBe('delivery.picked');
    expect(coopCycleEventName('delivery.cancelled')).toBeNull();
  });
});
