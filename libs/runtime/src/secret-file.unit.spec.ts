import { describe, expect, it } from '@jest/globals';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomSecret, readOrCreateSecretFile } from './secret-file.js';

const dir = () => mkdtempSync(join(tmpdir(), 'clas-secret-'));

describe('secrets kept in the data directory', () => {
  it('generates the secret once, mode 0600, and reads the same one afterwards', () => {
    const path = join(dir(), 'nested', 'jwt-secret');
    const first = readOrCreateSecretFile(path, randomSecret);
    expect(first.created).toBe(true);
    expect(first.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = readOrCreateSecretFile(path, () => 'never used');
    expect(again).toEqual({ path, value: first.value, created: false });
  });

  it('keeps a secret written by an operator and tightens a readable file to 0600', () => {
    const path = join(dir(), 'jwt-secret');
    writeFileSync(path, 'an-operator-chosen-secret-of-sufficient-length\n');
    chmodSync(path, 0o644);
    expect(readOrCreateSecretFile(path, randomSecret).value).toBe('an-operator-chosen-secret-of-sufficient-length');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses an empty secret file instead of signing with nothing', () => {
    const path = join(dir(), 'jwt-secret');
    writeFileSync(path, '\n', { mode: 0o600 });
    expect(() => readOrCreateSecretFile(path, randomSecret)).toThrow(/is empty/);
    expect(readFileSync(path, 'utf8')).toBe('\n');
  });

  it('generates distinct 256-bit secrets', () => {
    expect(randomSecret()).not.toBe(randomSecret());
    expect(Buffer.from(randomSecret(), 'base64url')).toHaveLength(32);
  });
});
