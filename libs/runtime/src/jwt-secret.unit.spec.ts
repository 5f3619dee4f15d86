import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { JWT_SECRET_FILE, resolveJwtSecret } from './jwt-secret.js';

const dir = () => mkdtempSync(join(tmpdir(), 'clas-jwt-'));

describe('the token secret: never a public one', () => {
  it('uses CLAS_JWT_SECRET when set, and then writes nothing', () => {
    const dataDir = join(dir(), 'never-created');
    const secret = resolveJwtSecret(loadConfig({ CLAS_JWT_SECRET: 's'.repeat(40), CLAS_DATA_DIR: dataDir }));
    expect(secret).toEqual({ value: 's'.repeat(40), source: 'CLAS_JWT_SECRET', path: null, created: false });
    expect(existsSync(dataDir)).toBe(false);
  });

  it('otherwise generates a random 256-bit secret at the first start (mode 0600), beside the SQLite log, and reads the same one afterwards', () => {
    const logDir = join(dir(), 'var', 'clas');
    const config = loadConfig({ CLAS_SQLITE_PATH: join(logDir, 'clas.sqlite') });
    const first = resolveJwtSecret(config);
    expect(first).toMatchObject({ source: 'file', path: join(logDir, JWT_SECRET_FILE), created: true });
    expect(first.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(first.path!).mode & 0o777).toBe(0o600);
    expect(resolveJwtSecret(config)).toEqual({ ...first, created: false });
    // Another data directory, another secret: nothing is shared by default between installations.
    expect(resolveJwtSecret(loadConfig({ CLAS_DATA_DIR: dir() })).value).not.toBe(first.value);
  });

  it('refuses a secret file shorter than 32 characters, naming it, and leaves it as it is', () => {
    const dataDir = dir();
    const path = join(dataDir, JWT_SECRET_FILE);
    writeFileSync(path, 'too-short\n', { mode: 0o600 });
    expect(() => resolveJwtSecret(loadConfig({ CLAS_DATA_DIR: dataDir }))).toThrow(ConfigError);
    expect(() => resolveJwtSecret(loadConfig({ CLAS_DATA_DIR: dataDir }))).toThrow(
      `${path} (the token secret in CLAS_DATA_DIR) must hold at least 32 characters`,
    );
    expect(readFileSync(path, 'utf8')).toBe('too-short\n');
  });

  it('names CLAS_DATA_DIR when the directory cannot hold the secret', () => {
    const notADirectory = join(dir(), 'a-file');
    writeFileSync(notADirectory, '');
    expect(() => resolveJwtSecret(loadConfig({ CLAS_DATA_DIR: notADirectory }))).toThrow(
      new RegExp(
        `^invalid configuration:\\n  - CLAS_DATA_DIR="${notADirectory}": cannot read or create the token secret .*set CLAS_JWT_SECRET$`,
      ),
    );
  });
});
