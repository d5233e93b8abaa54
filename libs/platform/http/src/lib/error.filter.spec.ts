import type { ArgumentsHost } from '@nestjs/common';
import { ApiErrorFilter } from './error.filter';

/** What the filter writes on an express response. */
function fakeResponse() {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const response = {
    headersSent: false,
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  return { sent, host };
}

describe('ApiErrorFilter: what leaves for errors that are not ApiExceptions', () => {
  it('answers a saturated pool (no free connection in time) 503 SERVICE_UNAVAILABLE with Retry-After, not 500', () => {
    const { sent, host } = fakeResponse();
    new ApiErrorFilter().catch(new Error('timeout exceeded when trying to connect'), host);
    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(sent.headers['Retry-After']).toBe('2');
  });

  it('keeps any other unknown error a 500 INTERNAL without its message', () => {
    const { sent, host } = fakeResponse();
    new ApiErrorFilter().catch(new Error('secret internals'), host);
    expect(sent.status).toBe(500);
    expect(sent.body).toMatchObject({ code: 'INTERNAL' });
    expect(JSON.stringify(sent.body)).not.toContain('secret internals');
  });
});
