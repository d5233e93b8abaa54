import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '@federacycle/platform-config';
import { registerDispatchGauges } from '@federacycle/dispatch-server';
import { ApiErrorFilter, PreconditionExpressAdapter, hostOf } from '@federacycle/platform-http';
import { Database } from '@federacycle/platform-database';
import { Metrics, PinoNestLogger, createLogger, registerPlatformGauges } from '@federacycle/platform-observability';
import { PARTNER_API_KEY_SCHEME, PARTNER_TOKEN_SCHEME } from '@federacycle/ordering-server';
import { AppModule } from './app.module';
import {
  JSON_TYPES,
  OAUTH_TOKEN_PATH,
  httpMetrics,
  limitJsonDepth,
  requestContext,
  requireJsonBodies,
} from './http-middleware';

const NOT_CONSOLE = /^\/(api|health|metrics|\.well-known)(\/|$)/;

/** Bodies smaller than this leave uncompressed: gzip would cost more than it saves. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * The console's build output named by content (Angular: main-HASH.js, chunk-HASH.js,
 * polyfills-HASH.js, styles-HASH.css, media/font-HASH.woff2): a new build has new names, so
 * browsers may keep these for a year without asking again.
 */
export const HASHED_ASSET = /-[A-Z0-9]{8,}\.(?:js|mjs|css|woff2?|ttf|otf|eot|svg|png|jpe?g|gif|webp|avif|ico)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Builds the API (used by main.ts, the integration tests and the benchmarks). */
export async function createApiApp(config: AppConfig): Promise<INestApplication> {
  const logger = createLogger('api', config.logLevel);
  const metrics = new Metrics('api');
  const adapter = new PreconditionExpressAdapter();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, metrics), adapter, {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
    abortOnError: false,
  });
  adapter.useDatabase(app.get(Database));
  app.enableShutdownHooks();
  // The API enqueues nothing itself (the outbox relay does), so it reports the outbox lag only.
  registerPlatformGauges(metrics, app.get(Database), []);
  // deliveries by state and created by source, across coops (counts read at scrape time)
  registerDispatchGauges(metrics, app.get(Database));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // API answers are per caller and never revalidated; hashing every body for an ETag costs CPU for
  // nothing (the console's static files keep theirs: serve-static makes its own)
  app.set('etag', false);
  app.use(requestContext);
  app.use(httpMetrics(metrics));
  // gzip/deflate/br as the client accepts, above 1 kB, for compressible types only (not the
  // export zip, not images); the console's JavaScript is most of what it saves
  app.use(compression({ threshold: COMPRESSION_THRESHOLD_BYTES }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Angular Material and Swagger UI inject styles at run time
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: false });
  app.use(requireJsonBodies);
  app.use(express.json({ limit: config.bodyLimitBytes, strict: true, type: JSON_TYPES }));
  // the OAuth2 token endpoints' forms (RFC 6749): flat fields, small
  const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 20 });
  app.use((req: Request, res: Response, next: NextFunction) =>
    OAUTH_TOKEN_PATH.test(req.path) ? form(req, res, next) : next(),
  );
  // a body nested thousands of levels deep is refused (400) before validation walks it
  app.use(limitJsonDepth());
  // Body-parser errors happen before Nest's pipeline: render them like every other error.
  const filter = new ApiErrorFilter();
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    filter.catch(error, hostOf(res));
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Federacycle API')
      .setDescription(
        'Multi-tenant platform of the bike-courier cooperatives. Every route declares its permission in x-permission.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addApiKey(
        {
          type: 'apiKey',
          in: 'header',
          name: 'X-Api-Key',
          description: 'a partner API key (fcp_live_…); also accepted as Authorization: Bearer fcp_live_…',
        },
        PARTNER_API_KEY_SCHEME,
      )
      .addOAuth2(
        {
          type: 'oauth2',
          description: 'partner access tokens (1 h) from the client-credentials grant',
          flows: {
            clientCredentials: {
              tokenUrl: '/api/partner/oauth2/token',
              scopes: {
                deliveries: 'create, read and cancel deliveries',
                'deliveries:read': 'read deliveries',
                webhooks: 'manage webhook subscriptions',
              },
            },
          },
        },
        PARTNER_TOKEN_SCHEME,
      )
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });

  const consoleDir = config.consoleDir ? resolve(config.consoleDir) : null;
  if (consoleDir && existsSync(join(consoleDir, 'index.html'))) {
    // registered before Nest's routes: API paths skip the file lookup altogether
    // hashed files for a year (immutable); everything else (index.html, i18n, favicon) is
    // revalidated at each use (ETag / Last-Modified answer 304), so a deploy shows at once
    const files = express.static(consoleDir, {
      index: false,
      setHeaders: (res, path) => res.setHeader('Cache-Control', HASHED_ASSET.test(path) ? IMMUTABLE : 'no-cache'),
    });
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (NOT_CONSOLE.test(req.path)) return next();
      files(req, res, next);
    });
    app.use((req: Request, res: Response, next: NextFunction) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_CONSOLE.test(req.path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(consoleDir, 'index.html'));
    });
  }
  return app;
}
