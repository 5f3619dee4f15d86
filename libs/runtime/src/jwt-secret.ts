import { join } from 'node:path';
import { type ClasConfig, ConfigError, MIN_JWT_SECRET_LENGTH } from './config.js';
import { randomSecret, readOrCreateSecretFile } from './secret-file.js';

/** The file, in CLAS_DATA_DIR, that holds the generated secret when CLAS_JWT_SECRET is unset. */
export const JWT_SECRET_FILE = 'jwt-secret';

export interface JwtSecret {
  value: string;
  /** Where it came from, for the start-up log line (never the value). */
  source: 'CLAS_JWT_SECRET' | 'file';
  /** The file, when source is 'file'. */
  path: string | null;
  /** True when this call generated the file. */
  created: boolean;
}

export const jwtSecretPath = (config: ClasConfig): string => join(config.dataDir, JWT_SECRET_FILE);

/**
 * The secret that signs and verifies the API's tokens. CLAS_JWT_SECRET when set; otherwise a
 * random 256-bit secret generated at the first start into the data directory (mode 0600) and
 * read there afterwards by the API, `clas token` and `clas demo`: no secret is ever public, and
 * `npm start` still needs no configuration. Problems are ConfigErrors naming the variable
 * (exit code 2): an unwritable directory, an empty or too short file.
 */
export function resolveJwtSecret(config: ClasConfig): JwtSecret {
  if (config.jwtSecret !== null) return { value: config.jwtSecret, source: 'CLAS_JWT_SECRET', path: null, created: false };
  const path = jwtSecretPath(config);
  let file;
  try {
    file = readOrCreateSecretFile(path, randomSecret);
  } catch (error) {
    throw new ConfigError([
      `CLAS_DATA_DIR=${JSON.stringify(config.dataDir)}: cannot read or create the token secret ${path}: ${(error as Error).message}; make the directory writable, or set CLAS_JWT_SECRET`,
    ]);
  }
  if (file.value.length < MIN_JWT_SECRET_LENGTH) {
    throw new ConfigError([
      `${path} (the token secret in CLAS_DATA_DIR) must hold at least ${MIN_JWT_SECRET_LENGTH} characters: delete it to generate a new one`,
    ]);
  }
  return { value: file.value, source: 'file', path, created: file.created };
}
