import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget } from './webhook-target';

/** What one call gave: the status (null: no answer), how long, why it failed, the answer's start. */
export interface CallOutcome {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Characters of the answer kept in the log; the rest is read and dropped. */
export const RESPONSE_EXCERPT_CHARS = 500;
/** Bytes of the answer read at most (then the connection is closed). */
const RESPONSE_READ_LIMIT = 64 * 1024;

/** Connects to the checked address whatever the resolver would say now (no DNS rebinding). */
function pinnedLookup(target: CheckedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

/**
 * POSTs the body to the checked target: TLS verifies the URL's host name (SNI and certificate),
 * the socket goes to the address checked; no redirect is followed (a 3xx is a failure); the whole
 * call is cut at `timeoutMs`; 2xx is success.
 */
export function postWebhook(
  target: CheckedTarget,
  body: string,
  headers: Record<string, string>,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
): Promise<CallOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<CallOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const request = client.request(
      target.url,
      {
        method: 'POST',
        lookup: pinnedLookup(target),
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Federacycle-Webhooks/1',
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          if (read < RESPONSE_READ_LIMIT) chunks.push(chunk);
          read += chunk.length;
          if (read >= RESPONSE_READ_LIMIT) response.destroy();
        });
        const done = () => {
          const status = response.statusCode ?? null;
          const text = Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_EXCERPT_CHARS);
          const ok = status !== null && status >= 200 && status < 300;
          finish({
            statusCode: status,
            error: ok ? null : `the endpoint answered ${status}`,
            responseExcerpt: text === '' ? null : text,
          });
        };
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      request.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      finish({
        statusCode: null,
        error: (error.code ? `${error.code}: ` : '') + error.message.slice(0, 400),
        responseExcerpt: null,
      });
    });
    request.end(body);
  });
}
