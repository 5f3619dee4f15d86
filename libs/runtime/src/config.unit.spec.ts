import { describe, expect, it } from '@jest/globals';
import { ConfigError, DEVELOPMENT_JWT_SECRET, describeConfig, loadConfig } from './config.js';

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

  it('signs tokens with a development secret only outside production, and never prints it', () => {
    const dev = loadConfig({});
    expect(dev.jwtSecretSource).toBe('development-default');
    expect(dev.jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
    expect(describeConfig(dev).jwtSecret).toBe('***');
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/CLAS_JWT_SECRET is required when NODE_ENV=production/);
    expect(() => loadConfig({ CLAS_JWT_SECRET: 'short' })).toThrow(/CLAS_JWT_SECRET must be at least 32 characters/);
    const prod = loadConfig({ NODE_ENV: 'production', CLAS_JWT_SECRET: 'x'.repeat(40) });
    expect(prod).toMatchObject({ jwtSecret: 'x'.repeat(40), jwtSecretSource: 'env' });
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
});

describe('seal configuration (issue 11 §5)', () => {
  it('keeps the seal key in the data directory and seals every minute by default', () => {
    expect(loadConfig({})).toMatchObject({ sealKeyPath: './data/seal-key.pem', sealIntervalMs: 60_000 });
    expect(loadConfig({ CLAS_DATA_DIR: '/var/lib/clas/' })).toMatchObject({ sealKeyPath: '/var/lib/clas/seal-key.pem' });
    expect(loadConfig({ CLAS_SEAL_KEY_PATH: '/etc/clas/seal.pem', CLAS_SEAL_INTERVAL_MS: '5000' })).toMatchObject({ sealKeyPath: '/etc/clas/seal.pem', sealIntervalMs: 5000 });
    expect(() => loadConfig({ CLAS_SEAL_INTERVAL_MS: '0' })).toThrow(/CLAS_SEAL_INTERVAL_MS="0" must be an integer between 1 and/);
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
