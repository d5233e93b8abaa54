/**
 * Configuration read once at boot from the environment and validated as a whole.
 * A bad value stops the process with one line naming the variable: see `ConfigError`.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  /** the application role: not owner, not superuser, no BYPASSRLS */
  databaseUrl: string;
  /** the owner role: runs migrations */
  databaseOwnerUrl: string;
  /** connections per process in the application pool */
  databasePoolSize: number;
  /** how long a request waits for a free pool connection before it is answered 503 */
  databaseConnectTimeoutMs: number;
  redisUrl: string;
  /** prefix of every BullMQ key: lets tests share one Redis */
  queuePrefix: string;
  apiHost: string;
  apiPort: number;
  workerPort: number;
  publicUrl: string;
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  accessTokenTtlSeconds: number;
  /** the first delay after repeated failed sign-ins of one account; doubles per failure, capped at 5 minutes */
  signInBackoffMs: number;
  corsOrigins: string[];
  bodyLimitBytes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  dataDir: string;
  smtpUrl: string | null;
  mailFrom: string;
  /** directory of the built console served next to the API; null disables it */
  consoleDir: string | null;
  licenceSigningKey: string | null;
  /**
   * the console maps' tile URL template (`https://tile.example.org/{z}/{x}/{y}.png`); empty: no
   * tiles, the maps draw their shapes on a plain background
   */
  mapTileUrl: string;
  /** the attribution the tile provider asks for (shown in the map's corner) */
  mapTileAttribution: string;
  /**
   * webhooks may target loopback, private and link-local addresses and plain http (tests and
   * development with a local receiver); refused in production
   */
  webhooksAllowPrivateTargets: boolean;
  /** the 32-byte key (base64) that encrypts webhook secrets at rest (AES-256-GCM) */
  webhookSecretKey: Buffer;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function required(env: Env, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') throw new ConfigError(name, 'is missing');
  return value.trim();
}

function optional(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

function url(env: Env, name: string, protocols: string[], fallback?: string): string {
  const raw = fallback === undefined ? required(env, name) : optional(env, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL (expected ${protocols[0]}//...)`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.join(' or ')}// (got ${parsed.protocol}//)`);
  }
  if (!parsed.hostname) throw new ConfigError(name, 'has no host');
  return raw;
}

function port(env: Env, name: string, fallback: number): number {
  const raw = optional(env, name, String(fallback));
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(name, `must be a port number between 0 and 65535 (got "${raw}")`);
  }
  return value;
}

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = optional(env, name, String(fallback));
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError(name, `must be a positive whole number (got "${raw}")`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = optional(env, name, fallback);
  if (!(values as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${values.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

const DEV_JWT_SECRET = 'development-only-secret-change-me-0123456789';
/** development and tests only: production must set its own WEBHOOK_SECRET_KEY */
const DEV_WEBHOOK_SECRET_KEY = 'ZGV2ZWxvcG1lbnQtb25seS13ZWJob29rLWtleS0wMDA=';

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = optional(env, name, String(fallback));
  if (raw !== 'true' && raw !== 'false') throw new ConfigError(name, `must be true or false (got "${raw}")`);
  return raw === 'true';
}

function webhookKey(env: Env, nodeEnv: AppConfig['nodeEnv']): Buffer {
  const raw =
    nodeEnv === 'production'
      ? required(env, 'WEBHOOK_SECRET_KEY')
      : optional(env, 'WEBHOOK_SECRET_KEY', DEV_WEBHOOK_SECRET_KEY);
  if (nodeEnv === 'production' && raw === DEV_WEBHOOK_SECRET_KEY) {
    throw new ConfigError('WEBHOOK_SECRET_KEY', 'must be changed from the development default in production');
  }
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32 || key.toString('base64') !== raw) {
    throw new ConfigError('WEBHOOK_SECRET_KEY', 'must be 32 random bytes in base64 (openssl rand -base64 32)');
  }
  return key;
}

/** Reads and validates the whole configuration; throws the first `ConfigError`. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const apiPort = port(env, 'API_PORT', 3000);
  const jwtSecret =
    nodeEnv === 'production' ? required(env, 'JWT_SECRET') : optional(env, 'JWT_SECRET', DEV_JWT_SECRET);
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  if (nodeEnv === 'production' && jwtSecret === DEV_JWT_SECRET) {
    throw new ConfigError('JWT_SECRET', 'must be changed from the development default in production');
  }
  const corsOrigins = optional(env, 'CORS_ORIGINS', '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of corsOrigins) {
    try {
      new URL(origin);
    } catch {
      throw new ConfigError('CORS_ORIGINS', `"${origin}" is not an origin like https://console.example.org`);
    }
  }
  const mapTileUrl = optional(env, 'MAP_TILE_URL', '');
  if (mapTileUrl !== '') {
    url({ MAP_TILE_URL: mapTileUrl.replace(/[{}]/g, '') }, 'MAP_TILE_URL', ['https:', 'http:']);
    if (!['{z}', '{x}', '{y}'].every((part) => mapTileUrl.includes(part))) {
      throw new ConfigError(
        'MAP_TILE_URL',
        'must contain {z}, {x} and {y}, e.g. https://tile.example.org/{z}/{x}/{y}.png',
      );
    }
  }
  const webhooksAllowPrivateTargets = bool(env, 'WEBHOOKS_ALLOW_PRIVATE_TARGETS', false);
  if (webhooksAllowPrivateTargets && nodeEnv === 'production') {
    throw new ConfigError(
      'WEBHOOKS_ALLOW_PRIVATE_TARGETS',
      'cannot be true in production (webhooks would reach internal hosts)',
    );
  }
  const smtp = optional(env, 'SMTP_URL', '');
  if (smtp !== '') url(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  return {
    nodeEnv,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    databaseOwnerUrl: url(env, 'DATABASE_OWNER_URL', ['postgres:', 'postgresql:'], env['DATABASE_URL'] ?? ''),
    databasePoolSize: positiveInt(env, 'DATABASE_POOL_SIZE', 20),
    databaseConnectTimeoutMs: positiveInt(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5000),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    queuePrefix: optional(env, 'QUEUE_PREFIX', 'fc'),
    apiHost: optional(env, 'API_HOST', '127.0.0.1'),
    apiPort,
    workerPort: port(env, 'WORKER_PORT', 3001),
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:'], `http://localhost:${apiPort}`),
    jwtSecret,
    jwtIssuer: optional(env, 'JWT_ISSUER', 'federacycle'),
    jwtAudience: optional(env, 'JWT_AUDIENCE', 'federacycle-api'),
    accessTokenTtlSeconds: positiveInt(env, 'ACCESS_TOKEN_TTL_SECONDS', 900),
    signInBackoffMs: positiveInt(env, 'SIGN_IN_BACKOFF_MS', 1000),
    corsOrigins,
    bodyLimitBytes: positiveInt(env, 'BODY_LIMIT_BYTES', 1_048_576),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    dataDir: optional(env, 'DATA_DIR', '.data'),
    smtpUrl: smtp === '' ? null : smtp,
    mailFrom: optional(env, 'MAIL_FROM', 'Federacycle <no-reply@federacycle.localhost>'),
    consoleDir: optional(env, 'CONSOLE_DIR', '') || null,
    licenceSigningKey: optional(env, 'LICENCE_SIGNING_KEY', '') || null,
    mapTileUrl,
    mapTileAttribution: optional(env, 'MAP_TILE_ATTRIBUTION', ''),
    webhooksAllowPrivateTargets,
    webhookSecretKey: webhookKey(env, nodeEnv),
  };
}

/**
 * Boot helper for mains: loads the config or prints one line and exits non-zero.
 * No stack trace: the person starting the app needs the variable, not our call stack.
 */
export function loadConfigOrExit(app: string, env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${app}: configuration error: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
}
