import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startApiTestApp, type ApiTestApp } from '../testing/api-test-app';

/** HTTP concerns of the API against real PostgreSQL and Redis: health, metrics, OpenAPI, bad input. */
describe('API platform concerns', () => {
  let api: ApiTestApp;
  let app: INestApplication;

  const consoleDir = mkdtempSync(join(tmpdir(), 'fc-console-'));
  writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>console</title>');
  // what an Angular build writes: names with a content hash, plus a few unhashed files
  const bundle = `export const routes = [${Array.from({ length: 400 }, (_, i) => `'route-${i}'`).join(', ')}];\n`;
  writeFileSync(join(consoleDir, 'main-4DKQ7ZWX.js'), bundle);
  writeFileSync(join(consoleDir, 'chunk-YB3NQ2TL.js'), bundle);
  writeFileSync(join(consoleDir, 'styles-QX5TSM2B.css'), `body { margin: 0; }\n${'.x { color: red; }\n'.repeat(200)}`);
  writeFileSync(join(consoleDir, 'favicon.ico'), 'icon');
  mkdirSync(join(consoleDir, 'assets', 'i18n'), { recursive: true });
  writeFileSync(join(consoleDir, 'assets', 'i18n', 'fr.json'), JSON.stringify({ hello: 'bonjour' }));

  beforeAll(async () => {
    api = await startApiTestApp({ BODY_LIMIT_BYTES: '2048', CONSOLE_DIR: consoleDir });
    app = api.app;
  });

  afterAll(async () => {
    await api.close();
  });

  it('is live and ready when PostgreSQL and Redis answer', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
  });

  it('exposes Prometheus metrics with the HTTP latency histogram and the outbox lag', async () => {
    await request(app.getHttpServer()).get('/health/live');
    const res = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/health\/live"/);
    expect(res.text).toMatch(/^outbox_lag_seconds\{service="api"\} 0$/m);
  });

  it('serves an OpenAPI document where every operation declares its permission', async () => {
    const res = await request(app.getHttpServer()).get('/api/openapi.json').expect(200);
    const operations = Object.values(
      res.body.paths as Record<string, Record<string, { 'x-permission'?: string }>>,
    ).flatMap((methods) => Object.values(methods));
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) expect(typeof operation['x-permission']).toBe('string');
    await request(app.getHttpServer()).get('/api/docs/').expect(200).expect('content-type', /html/);
  });

  it.each([
    ['malformed JSON', 'application/json', '{"email":', 400, 'MALFORMED_JSON'],
    ['an oversized body', 'application/json', JSON.stringify({ pad: 'x'.repeat(4096) }), 413, 'PAYLOAD_TOO_LARGE'],
    ['a non-JSON content type', 'text/plain', 'hello', 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ])('answers %s with a stable code and no stack trace', async (_name, type, body, status, code) => {
    const res = await request(app.getHttpServer()).post('/api/anything').set('content-type', type).send(body);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(typeof res.body.message).toBe('string');
    expect(res.body.requestId).toEqual(expect.any(String));
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers unknown routes with 404 ROUTE_NOT_FOUND and echoes a sane request id', async () => {
    const res = await request(app.getHttpServer())
      .get('/api/no-such-thing')
      .set('x-request-id', 'trace-123')
      .expect(404);
    expect(res.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', requestId: 'trace-123' });
    expect(res.headers['x-request-id']).toBe('trace-123');
    const evil = await request(app.getHttpServer()).get('/api/no-such-thing').set('x-request-id', 'bad id <script>');
    expect(evil.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the console for its routes and never shadows the API, health or well-known routes', async () => {
    await request(app.getHttpServer()).get('/').expect(200).expect('content-type', /html/);
    await request(app.getHttpServer()).get('/people/anything').expect(200).expect('content-type', /html/);
    const jwks = await request(app.getHttpServer()).get('/.well-known/jwks.json').expect(200);
    expect(jwks.body.keys).toEqual(expect.any(Array));
    await request(app.getHttpServer()).get('/api/unknown').expect(404).expect('content-type', /json/);
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
  });

  it('sets security headers', async () => {
    const res = await request(app.getHttpServer()).get('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('serves hashed console files for a year (immutable) and compressed; index.html and unhashed files revalidate', async () => {
    const http = () => request(app.getHttpServer());
    for (const path of ['/main-4DKQ7ZWX.js', '/chunk-YB3NQ2TL.js', '/styles-QX5TSM2B.css']) {
      const res = await http().get(path).set('Accept-Encoding', 'gzip');
      expect([path, res.status, res.headers['cache-control']]).toEqual([
        path,
        200,
        'public, max-age=31536000, immutable',
      ]);
      expect([path, res.headers['content-encoding']]).toEqual([path, 'gzip']);
    }
    const main = await http().get('/main-4DKQ7ZWX.js').set('Accept-Encoding', 'gzip');
    expect(main.text).toContain("'route-399'"); // decompressed by the client, intact
    for (const path of ['/', '/index.html', '/people/anything', '/assets/i18n/fr.json', '/favicon.ico']) {
      const res = await http().get(path);
      expect([path, res.status, res.headers['cache-control']]).toEqual([path, 200, 'no-cache']);
    }
    // a HEAD of a console page (link checkers, uptime probes) answers like its GET
    const head = await http().head('/people/anything');
    expect([head.status, head.headers['cache-control']]).toEqual([200, 'no-cache']);
  });

  it('compresses API answers above 8 kB only (console files above 1 kB)', async () => {
    const big = await request(app.getHttpServer()).get('/api/openapi.json').set('Accept-Encoding', 'gzip');
    expect([big.status, big.headers['content-encoding']]).toEqual([200, 'gzip']);
    expect(big.body.openapi).toEqual(expect.any(String));
    const small = await request(app.getHttpServer()).get('/health/live').set('Accept-Encoding', 'gzip');
    expect([small.status, small.headers['content-encoding']]).toEqual([200, undefined]);
    const none = await request(app.getHttpServer()).get('/api/openapi.json').set('Accept-Encoding', 'identity');
    expect(none.headers['content-encoding']).toBeUndefined();
  });

  it('refuses a JSON body nested deeper than 32 levels with 400 VALIDATION_FAILED, before anything walks it', async () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    for (const depth of [33, 900]) {
      const res = await request(app.getHttpServer())
        .post('/api/anything')
        .set('content-type', 'application/json')
        .send(`{"pad":${nested(depth - 1)}}`);
      expect([depth, res.status, res.body.code]).toEqual([depth, 400, 'VALIDATION_FAILED']);
      expect(res.body.message).toMatch(/nested more than 32 levels/);
    }
    const flat = await request(app.getHttpServer())
      .post('/api/anything')
      .set('content-type', 'application/json')
      .send(`{"pad":${nested(31)}}`);
    expect([flat.status, flat.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
  });
});
