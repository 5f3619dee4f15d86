import { describe, expect, it } from '@jest/globals';
import { ConfigError, describeConfig, loadConfig, localApiUrl } from './config.js';

describe('configuration (issue 3: refused with a clear message)', () => {
  it('defaults to the embedded SQLite store', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ eventStore: 'sqlite', sqlitePath: './data/clas.sqlite', port: 3000, maxEventBytes: 1_048_576 });
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ CLAS_EVENT_STORE: 'mongo', PORT: 'eighty' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'CLAS_EVENT_STORE="mongo" must be one of sqlite, postgres, eventstoredb',
      'PORT="eighty" must be an integer between 1 and 65535',
    ]);
  });

  it('requires a PostgreSQL URL for the postgres store and hides its password when printed', () => {
    expect(() => loadConfig({ CLAS_EVENT_STORE: 'postgres' })).toThrow(/CLAS_DATABASE_URL is required/);
    const c = loadConfig({ CLAS_EVENT_STORE: 'postgres', CLAS_DATABASE_URL: 'postgresql://clas:secret@db:5432/clas' });
    expect(describeConfig(c).databaseUrl).toBe('postgresql://clas:***@db:5432/clas');
  });

  it('has no built-in token secret: CLAS_JWT_SECRET when set (≥ 32 characters, never printed), otherwise null — generated into the data directory', () => {
    expect(loadConfig({}).jwtSecret).toBeNull();
    expect(loadConfig({ NODE_ENV: 'production' }).jwtSecret).toBeNull();
    expect(describeConfig(loadConfig({})).jwtSecret).toBeNull();
    expect(() => loadConfig({ CLAS_JWT_SECRET: 'short' })).toThrow(/CLAS_JWT_SECRET must be at least 32 characters/);
    const set = loadConfig({ NODE_ENV: 'production', CLAS_JWT_SECRET: 'x'.repeat(40) });
    expect(set.jwtSecret).toBe('x'.repeat(40));
    expect(describeConfig(set).jwtSecret).toBe('***');
    expect(JSON.stringify(describeConfig(set))).not.toContain('x'.repeat(40));
  });

  it('keeps generated secrets beside the SQLite log unless CLAS_DATA_DIR says otherwise', () => {
    expect(loadConfig({}).dataDir).toBe('./data');
    expect(loadConfig({ CLAS_SQLITE_PATH: '/var/lib/clas/log.sqlite' }).dataDir).toBe('/var/lib/clas');
    expect(loadConfig({ CLAS_SQLITE_PATH: '/var/lib/clas/log.sqlite', CLAS_DATA_DIR: '/etc/clas' }).dataDir).toBe('/etc/clas');
    expect(loadConfig({ CLAS_SQLITE_PATH: ':memory:' }).dataDir).toBe('./data');
    expect(
      loadConfig({ CLAS_EVENT_STORE: 'postgres', CLAS_DATABASE_URL: 'postgresql://db/clas', CLAS_SQLITE_PATH: '/unused/log.sqlite' })
        .dataDir,
    ).toBe('./data');
  });

  it('token lifetime: 12h by default, CLAS_TOKEN_MAX_TTL between 1m and 30d in the --ttl spellings', () => {
    expect(loadConfig({}).tokenMaxTtlSeconds).toBe(12 * 3600);
    expect(loadConfig({ CLAS_TOKEN_MAX_TTL: '8h' }).tokenMaxTtlSeconds).toBe(8 * 3600);
    expect(loadConfig({ CLAS_TOKEN_MAX_TTL: '900' }).tokenMaxTtlSeconds).toBe(900);
    for (const bad of ['0', 'forever', '-1h', '30s', '31d', '8 hours']) {
      expect(() => loadConfig({ CLAS_TOKEN_MAX_TTL: bad })).toThrow(
        `CLAS_TOKEN_MAX_TTL=${JSON.stringify(bad)} must be a duration like 3600s, 30m, 8h or 7d, between 1m and 30d`,
      );
    }
  });

  it('failed authentications: 10 per minute per address by default; CLAS_TRUST_PROXY counts proxy hops', () => {
    expect(loadConfig({})).toMatchObject({ authFailures: { maxFailures: 10, windowSeconds: 60 }, trustProxy: 0 });
    expect(loadConfig({ CLAS_AUTH_FAILURE_LIMIT: '3', CLAS_AUTH_FAILURE_WINDOW: '15m', CLAS_TRUST_PROXY: '1' })).toMatchObject({
      authFailures: { maxFailures: 3, windowSeconds: 900 },
      trustProxy: 1,
    });
    expect(() => loadConfig({ CLAS_AUTH_FAILURE_LIMIT: '0' })).toThrow(
      'CLAS_AUTH_FAILURE_LIMIT="0" must be an integer between 1 and 1000000',
    );
    expect(() => loadConfig({ CLAS_AUTH_FAILURE_WINDOW: '2d' })).toThrow(
      'CLAS_AUTH_FAILURE_WINDOW="2d" must be a duration like 3600s, 30m, 8h or 7d, between 1s and 1d',
    );
    expect(() => loadConfig({ CLAS_TRUST_PROXY: 'true' })).toThrow('CLAS_TRUST_PROXY="true" must be an integer between 0 and 10');
  });

  it('listens on loopback unless HOST opens it; prints a URL a local client can use', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    for (const host of ['0.0.0.0', '::', '::1', '10.0.0.7', 'api.internal', 'localhost'])
      expect(loadConfig({ HOST: host }).host).toBe(host);
    for (const bad of ['http://0.0.0.0', 'a b', '0.0.0.0:3000', '-api'])
      expect(() => loadConfig({ HOST: bad })).toThrow(`HOST=${JSON.stringify(bad)} must be an IP address`);
    expect(localApiUrl(loadConfig({}))).toBe('http://127.0.0.1:3000');
    expect(localApiUrl(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }))).toBe('http://127.0.0.1:8080');
    expect(localApiUrl(loadConfig({ HOST: '::' }))).toBe('http://[::1]:3000');
    expect(localApiUrl(loadConfig({ HOST: 'api.internal' }))).toBe('http://api.internal:3000');
  });

  it('keeps personal data in its own SQLite file by default', () => {
    expect(loadConfig({}).personalDataPath).toBe('./data/clas-personal.sqlite');
    expect(loadConfig({ CLAS_PERSONAL_DATA_PATH: '/var/clas/people.sqlite' }).personalDataPath).toBe('/var/clas/people.sqlite');
  });

  it('keeps read models in their own SQLite file by default, or in PostgreSQL, and hides the password', () => {
    expect(loadConfig({}).readDb).toBe('./data/clas-read.sqlite');
    const c = loadConfig({ CLAS_READ_DB: 'postgresql://clas:secret@db:5432/read' });
    expect(c.readDb).toBe('postgresql://clas:secret@db:5432/read');
    expect(describeConfig(c).readDb).toBe('postgresql://clas:***@db:5432/read');
    expect(() => loadConfig({ CLAS_READ_DB: 'mysql://db/read' })).toThrow(/CLAS_READ_DB must be a SQLite file path or a postgres/);
  });

  it('runs the projector in the API by default; external leaves it to apps/projector; anything else is refused', () => {
    expect(loadConfig({}).projector).toBe('embedded');
    expect(loadConfig({ CLAS_PROJECTOR: 'external' }).projector).toBe('external');
    expect(() => loadConfig({ CLAS_PROJECTOR: 'sometimes' })).toThrow(/CLAS_PROJECTOR must be embedded or external/);
  });
});

describe('seal configuration (issue 11 §5)', () => {
  it('keeps the seal key in the data directory and seals every minute by default', () => {
    expect(loadConfig({})).toMatchObject({ sealKeyPath: './data/seal-key.pem', sealIntervalMs: 60_000 });
    expect(loadConfig({ CLAS_DATA_DIR: '/var/lib/clas/' })).toMatchObject({ sealKeyPath: '/var/lib/clas/seal-key.pem' });
    expect(loadConfig({ CLAS_SEAL_KEY_PATH: '/etc/clas/seal.pem', CLAS_SEAL_INTERVAL_MS: '5000' })).toMatchObject({
      sealKeyPath: '/etc/clas/seal.pem',
      sealIntervalMs: 5000,
    });
    expect(() => loadConfig({ CLAS_SEAL_INTERVAL_MS: '0' })).toThrow(/CLAS_SEAL_INTERVAL_MS="0" must be an integer between 1 and/);
  });
});

describe('webhook configuration (issue 13 §4)', () => {
  it('runs the dispatcher by default, its delivery log beside the SQLite log (in memory beside an in-memory log)', () => {
    expect(loadConfig({}).webhooks).toEqual({
      enabled: true,
      db: './data/clas-webhooks.sqlite',
      pollMs: 1000,
      requestTimeoutMs: 10_000,
      retry: { initialDelayMs: 10_000, maxDelayMs: 3_600_000, maxAttempts: 12 },
    });
    expect(loadConfig({ CLAS_SQLITE_PATH: '/var/lib/clas/log.sqlite' }).webhooks.db).toBe('/var/lib/clas/clas-webhooks.sqlite');
    expect(loadConfig({ CLAS_SQLITE_PATH: ':memory:' }).webhooks.db).toBe(':memory:');
    expect(loadConfig({ CLAS_WEBHOOKS: 'off', CLAS_WEBHOOK_DB: '/tmp/w.sqlite', CLAS_WEBHOOK_MAX_ATTEMPTS: '3' }).webhooks).toMatchObject({
      enabled: false,
      db: '/tmp/w.sqlite',
      retry: { maxAttempts: 3 },
    });
  });

  it('refuses a bad switch, a URL for the delivery log, and a retry cap below the first delay', () => {
    expect(() => loadConfig({ CLAS_WEBHOOKS: 'maybe' })).toThrow(/CLAS_WEBHOOKS="maybe" must be on or off/);
    expect(() => loadConfig({ CLAS_WEBHOOK_DB: 'mysql://db/hooks' })).toThrow(/CLAS_WEBHOOK_DB must be a SQLite file path/);
  });

  it('keeps the delivery log in the PostgreSQL log database by default, and masks its password when printed', () => {
    const c = loadConfig({ CLAS_EVENT_STORE: 'postgres', CLAS_DATABASE_URL: 'postgresql://clas:pw@db:5432/clas' });
    expect(c.webhooks.db).toBe('postgresql://clas:pw@db:5432/clas');
    expect(describeConfig(c).webhooks).toMatchObject({ db: 'postgresql://clas:***@db:5432/clas' });
    expect(loadConfig({ CLAS_WEBHOOK_DB: 'postgres://h/hooks' }).webhooks.db).toBe('postgres://h/hooks');
    expect(() => loadConfig({ CLAS_WEBHOOK_RETRY_INITIAL_MS: '5000', CLAS_WEBHOOK_RETRY_MAX_MS: '1000' })).toThrow(
      /CLAS_WEBHOOK_RETRY_MAX_MS/,
    );
  });
});

describe('EventStoreDB configuration (issue 7)', () => {
  it('requires an esdb:// connection string and masks its password when printed', () => {
    expect(() => loadConfig({ CLAS_EVENT_STORE: 'eventstoredb' })).toThrow(/CLAS_ESDB_URL is required/);
    expect(() => loadConfig({ CLAS_EVENT_STORE: 'eventstoredb', CLAS_ESDB_URL: 'http://x' })).toThrow(/esdb:\/\//);
    const c = loadConfig({ CLAS_EVENT_STORE: 'eventstoredb', CLAS_ESDB_URL: 'esdb://admin:changeit@eventstore:2113?tls=false' });
    expect(c.esdbUrl).toBe('esdb://admin:changeit@eventstore:2113?tls=false');
    expect(describeConfig(c).esdbUrl).toBe('esdb://admin:***@eventstore:2113?tls=false');
  });
});
