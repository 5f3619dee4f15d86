import { describe, expect, it } from '@jest/globals';
import { ConfigError, describeConfig, loadConfig } from './config.js';

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
      'CLAS_EVENT_STORE="mongo" must be one of sqlite, postgres',
      'PORT="eighty" must be an integer between 1 and 65535',
    ]);
  });

  it('requires a PostgreSQL URL for the postgres store and hides its password when printed', () => {
    expect(() => loadConfig({ CLAS_EVENT_STORE: 'postgres' })).toThrow(/CLAS_DATABASE_URL is required/);
    const c = loadConfig({ CLAS_EVENT_STORE: 'postgres', CLAS_DATABASE_URL: 'postgresql://clas:secret@db:5432/clas' });
    expect(describeConfig(c).databaseUrl).toBe('postgresql://clas:***@db:5432/clas');
  });
});
