import { request, type ClientRequest, type IncomingMessage } from 'node:http';

export interface SseFrame {
  id: string | null;
  event: string;
  data: unknown;
}

/**
 * A test client of a Server-Sent Events route: keeps every frame it receives and resolves
 * `next(predicate)` when one matches (no clock involved: the test's timeout bounds the wait).
 */
export class SseClient {
  readonly frames: SseFrame[] = [];
  status = 0;
  contentType = '';
  private waiters: { match: (f: SseFrame) => boolean; resolve: (f: SseFrame) => void }[] = [];
  private req: ClientRequest | null = null;
  private res: IncomingMessage | null = null;

  /** Connects and resolves once the stream is `ready` (subscribed), or with the refusal's status. */
  static async open(baseUrl: string, path: string, token: string): Promise<SseClient> {
    const client = new SseClient();
    await client.connect(baseUrl, path, token);
    return client;
  }

  private connect(baseUrl: string, path: string, token: string): Promise<void> {
    return new Promise((resolve, reject) => {
      let ready = false;
      const req = request(new URL(path, baseUrl), {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream', 'Accept-Encoding': 'gzip' },
      });
      this.req = req;
      req.on('error', (error) => (ready ? undefined : reject(error)));
      req.on('response', (res) => {
        this.res = res;
        this.status = res.statusCode ?? 0;
        this.contentType = String(res.headers['content-type'] ?? '');
        res.setEncoding('utf8');
        if (this.status !== 200) {
          res.resume();
          res.on('end', () => resolve());
          return;
        }
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const frame = parseFrame(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
            if (!frame) continue;
            this.frames.push(frame);
            if (frame.event === 'ready' && !ready) {
              ready = true;
              resolve();
            }
            for (const waiter of [...this.waiters]) {
              if (waiter.match(frame)) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                waiter.resolve(frame);
              }
            }
          }
        });
      });
      req.end();
    });
  }

  /** The first frame (received already or to come) that matches. */
  next(match: (f: SseFrame) => boolean): Promise<SseFrame> {
    const seen = this.frames.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** everything received, as one text (to look for ids that must not be there) */
  text(): string {
    return JSON.stringify(this.frames);
  }

  close(): void {
    this.res?.destroy();
    this.req?.destroy();
  }
}

function parseFrame(block: string): SseFrame | null {
  let event = 'message';
  let id: string | null = null;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':') || line === '') continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  return { id, event, data: JSON.parse(data.join('\n')) as unknown };
}
