import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface SecretFile {
  path: string;
  /** The file's content, trimmed. */
  value: string;
  /** True when this call generated the file. */
  created: boolean;
}

/** Owner read/write only: a secret readable by other accounts of the machine is no secret. */
const SECRET_MODE = 0o600;

/**
 * A secret kept in the data directory (the JWT secret, the seal signing key): generated at the
 * first start so the system runs with no configuration and no publicly known secret, then read
 * on every later start by every process (API, CLI, projector) that shares the directory.
 *
 * Creation is atomic: the secret is written to a private temporary file, then hard-linked to
 * its name, which fails if another process created it first (two processes starting together
 * both end up reading the same secret, never a half-written one). An existing file whose mode
 * lets group or others read it is tightened to 0600.
 */
export function readOrCreateSecretFile(path: string, generate: () => string): SecretFile {
  try {
    return { path, value: readSecret(path), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = join(dirname(path), `.${randomBytes(8).toString('hex')}.tmp`);
  writeFileSync(temporary, `${generate()}\n`, { mode: SECRET_MODE, flag: 'wx' });
  try {
    linkSync(temporary, path);
    return { path, value: readSecret(path), created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { path, value: readSecret(path), created: false };
  } finally {
    unlinkSync(temporary);
  }
}

function readSecret(path: string): string {
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, SECRET_MODE);
  const value = readFileSync(path, 'utf8').trim();
  if (value === '') throw new Error(`${path} is empty: delete it to generate a new secret, or write one into it`);
  return value;
}

/** 32 random bytes as base64url: 256 bits, the size RFC 7518 asks of an HS256 key. */
export const randomSecret = (): string => randomBytes(32).toString('base64url');
