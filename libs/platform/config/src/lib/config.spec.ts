import { ConfigError, loadConfig } from './config';

const base = {
  DATABASE_URL: 'postgres://fc_app:pw@127.0.0.1:5432/federacycle',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

describe('loadConfig', () => {
  it('fills defaults for a minimal development environment', () => {
    const config = loadConfig(base);
    expect(config.apiPort).toBe(3000);
    expect(config.databaseOwnerUrl).toBe(base.DATABASE_URL);
    expect(config.corsOrigins).toEqual([]);
    expect([config.mapTileUrl, config.mapTileAttribution]).toEqual(['', '']);
  });

  it('takes a map tile URL template with its attribution', () => {
    const config = loadConfig({
      ...base,
      MAP_TILE_URL: 'https://{s}.tile.example.org/{z}/{x}/{y}.png',
      MAP_TILE_ATTRIBUTION: '© OpenStreetMap contributors',
    });
    expect([config.mapTileUrl, config.mapTileAttribution]).toEqual([
      'https://{s}.tile.example.org/{z}/{x}/{y}.png',
      '© OpenStreetMap contributors',
    ]);
  });

  it.each([
    [{ DATABASE_URL: undefined }, 'DATABASE_URL: is missing'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL: is not a valid URL'],
    [{ DATABASE_URL: 'mysql://x@h/db' }, 'DATABASE_URL: must start with postgres:'],
    [{ REDIS_URL: 'http://h' }, 'REDIS_URL: must start with redis:'],
    [{ API_PORT: '70000' }, 'API_PORT: must be a port number'],
    [{ API_PORT: 'abc' }, 'API_PORT: must be a port number'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET: must be at least 32'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET: is missing'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: must be one of'],
    [{ CORS_ORIGINS: 'nope' }, 'CORS_ORIGINS: "nope" is not an origin'],
    [{ BODY_LIMIT_BYTES: '-1' }, 'BODY_LIMIT_BYTES: must be a positive whole number'],
    [{ MAP_TILE_URL: 'ftp://tiles/{z}/{x}/{y}' }, 'MAP_TILE_URL: must start with https:'],
    [{ MAP_TILE_URL: 'https://tile.example.org/tiles.png' }, 'MAP_TILE_URL: must contain {z}, {x} and {y}'],
    [{ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'yes' }, 'WEBHOOKS_ALLOW_PRIVATE_TARGETS: must be true or false'],
    [
      {
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        WEBHOOK_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      },
      'WEBHOOKS_ALLOW_PRIVATE_TARGETS: cannot be true in production',
    ],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }, 'WEBHOOK_SECRET_KEY: is missing'],
    [{ WEBHOOK_SECRET_KEY: 'c2hvcnQ=' }, 'WEBHOOK_SECRET_KEY: must be 32 random bytes in base64'],
  ])('rejects %j with one line naming the variable', (override, message) => {
    expect(() => loadConfig({ ...base, ...override })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...override })).toThrow(message);
  });
});
