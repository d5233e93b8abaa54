import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { MAX_WEBHOOK_URL_LENGTH } from '@federacycle/contracts';
import { ApiException } from '@federacycle/platform-http';

/**
 * The SSRF guard of webhook targets. A URL must be absolute https (http only when private targets
 * are allowed: tests, a local receiver in development), without credentials or fragment; its host
 * is resolved (every address) and every address must be public unicast: loopback, RFC 1918
 * private, fc00::/7, link-local, CGNAT (100.64/10), multicast, unspecified, broadcast, reserved and
 * the IPv6 transition ranges that embed IPv4 (6to4, Teredo, NAT64) are refused. It runs when a
 * subscription is saved and again before every call, and the call connects to the address checked
 * here (DNS rebinding cannot swap it in between). ipaddr.js classifies the addresses.
 */
export interface CheckedTarget {
  url: URL;
  /** the address the call must connect to */
  address: string;
  family: 4 | 6;
}

export type TargetProblem = {
  code: 'WEBHOOK_URL_INVALID' | 'WEBHOOK_TARGET_FORBIDDEN' | 'WEBHOOK_HOST_UNRESOLVED';
  message: string;
};

export type Resolver = (host: string) => Promise<Array<{ address: string; family: number }>>;

const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/** The URL as it will be stored, or why not (no DNS here). */
export function parseWebhookUrl(raw: string, allowPrivate: boolean): URL | TargetProblem {
  const invalid = (message: string): TargetProblem => ({ code: 'WEBHOOK_URL_INVALID', message });
  if (raw.length > MAX_WEBHOOK_URL_LENGTH)
    return invalid(`The URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return invalid('This is not a URL: write it in full, like https://shop.example.org/hooks/federacycle');
  }
  const schemes = allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) return invalid('The URL must start with https://');
  if (url.username || url.password) return invalid('The URL must not carry a user name or password');
  if (url.hash) return invalid('The URL must not have a #fragment');
  if (!url.hostname) return invalid('The URL has no host');
  return url;
}

/** Why an address may not be called, or null when it is public unicast. */
export function forbiddenAddress(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

/**
 * Resolves the URL's host and checks every address; answers the first to connect to. With
 * `allowPrivate` any address is accepted (still resolved, so the call is pinned the same way).
 */
export async function checkWebhookTarget(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
): Promise<CheckedTarget | TargetProblem> {
  const url = parseWebhookUrl(raw, allowPrivate);
  if (!(url instanceof URL)) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string; family: number }>;
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) {
      return { code: 'WEBHOOK_HOST_UNRESOLVED', message: `The host ${host} does not resolve: check its spelling` };
    }
  }
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const why = forbiddenAddress(address);
      if (why !== null) {
        return {
          code: 'WEBHOOK_TARGET_FORBIDDEN',
          message: `The host ${host} resolves to ${address} (${why}): webhooks only call public addresses`,
        };
      }
    }
  }
  const first = addresses[0] as { address: string; family: number };
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** For the routes: the checked target, or the 400 that says what is wrong with the URL. */
export async function requireWebhookTarget(
  raw: string,
  allowPrivate: boolean,
  resolve?: Resolver,
): Promise<CheckedTarget> {
  const checked = await checkWebhookTarget(raw, allowPrivate, resolve);
  if ('code' in checked) {
    throw new ApiException(400, checked.code, checked.message, [
      { field: 'url', code: checked.code, message: checked.message },
    ]);
  }
  return checked;
}
