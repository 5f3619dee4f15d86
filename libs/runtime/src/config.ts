/**
 * Configuration is read once at start-up from the environment, validated, and printed
 * (architecture.md). Invalid values are refused with a message naming the variable.
 */
export type EventStoreKind = 'sqlite' | 'postgres' | 'eventstoredb';

export interface ClasConfig {
  eventStore: EventStoreKind;
  sqlitePath: string;
  databaseUrl: string | null;
  /** esdb://host:2113?tls=false or esdb+discover://…; required when eventStore = 'eventstoredb'. */
  esdbUrl: string | null;
  port: number;
  maxEventBytes: number;
  /** Body size limit of the HTTP API, in bytes. */
  maxBodyBytes: number;
  /** HS256 secret that signs the API's bearer tokens (CLAS_JWT_SECRET). */
  jwtSecret: string;
  /** 'development-default' when CLAS_JWT_SECRET was not set: start-up prints a warning. */
  jwtSecretSource: 'env' | 'development-default';
  /** SQLite file of the personal data (names, contacts) kept outside the log (domain.md §8). */
  personalDataPath: string;
  /** Read-model database (CLAS_READ_DB): a SQLite file path, or a postgres:// URL. */
  readDb: string;
  /** CLAS_DATA_DIR: where secrets generated at the first start are kept (mode 0600), see secret-file.ts. */
  dataDir: string;
  /** CLAS_SEAL_KEY_PATH: Ed25519 private key (PEM) that signs seals; default <dataDir>/seal-key.pem, generated at the first start (seal-key.ts). */
  sealKeyPath: string;
  /** CLAS_SEAL_INTERVAL_MS: how often the API seals the log in the background (default 60 000). */
  sealIntervalMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const KINDS: readonly EventStoreKind[] = ['sqlite', 'postgres', 'eventstoredb'];

/**
 * Used only outside production so `npm start` works with zero setup; anyone who reads this
 * file can forge tokens with it, hence the warning at start and the refusal in production.
 */
export const DEVELOPMENT_JWT_SECRET = 'clas-development-secret-do-not-use-in-production';
/** RFC 7518 §3.2: an HS256 key must be at least 256 bits. */
const MIN_JWT_SECRET_LENGTH = 32;

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[], max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value <= 0 || value > max) {
    problems.push(`${name}=${JSON.stringify(raw)} must be an integer between 1 and ${max}`);
    return fallback;
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ClasConfig {
  const problems: string[] = [];
  const kind = (env.CLAS_EVENT_STORE ?? 'sqlite').trim();
  if (!KINDS.includes(kind as EventStoreKind)) {
    problems.push(`CLAS_EVENT_STORE=${JSON.stringify(kind)} must be one of ${KINDS.join(', ')}`);
  }
  const sqlitePath = env.CLAS_SQLITE_PATH?.trim() || './data/clas.sqlite';
  const databaseUrl = env.CLAS_DATABASE_URL?.trim() || null;
  if (kind === 'postgres') {
    if (!databaseUrl) problems.push('CLAS_DATABASE_URL is required when CLAS_EVENT_STORE=postgres');
    else if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push(`CLAS_DATABASE_URL must be a postgres:// or postgresql:// URL`);
  }
  const esdbUrl = env.CLAS_ESDB_URL?.trim() || null;
  if (kind === 'eventstoredb') {
    if (!esdbUrl) problems.push('CLAS_ESDB_URL is required when CLAS_EVENT_STORE=eventstoredb');
    else if (!/^esdb(\+discover)?:\/\//.test(esdbUrl)) problems.push('CLAS_ESDB_URL must be an esdb:// or esdb+discover:// connection string');
  }
  const port = positiveInt(env, 'PORT', 3000, problems, 65535);
  const maxEventBytes = positiveInt(env, 'CLAS_MAX_EVENT_BYTES', 1_048_576, problems);
  const maxBodyBytes = positiveInt(env, 'CLAS_MAX_BODY_BYTES', 1_048_576, problems);
  const rawSecret = env.CLAS_JWT_SECRET?.trim() || '';
  if (!rawSecret && env.NODE_ENV === 'production') problems.push('CLAS_JWT_SECRET is required when NODE_ENV=production');
  else if (rawSecret && rawSecret.length < MIN_JWT_SECRET_LENGTH) problems.push(`CLAS_JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters`);
  const personalDataPath = env.CLAS_PERSONAL_DATA_PATH?.trim() || './data/clas-personal.sqlite';
  const readDb = env.CLAS_READ_DB?.trim() || './data/clas-read.sqlite';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(readDb) && !/^postgres(ql)?:\/\//.test(readDb)) {
    problems.push(`CLAS_READ_DB must be a SQLite file path or a postgres:// or postgresql:// URL`);
  }
  const dataDir = env.CLAS_DATA_DIR?.trim() || './data';
  const sealKeyPath = env.CLAS_SEAL_KEY_PATH?.trim() || `${dataDir.replace(/\/+$/, '')}/seal-key.pem`;
  const sealIntervalMs = positiveInt(env, 'CLAS_SEAL_INTERVAL_MS', 60_000, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    eventStore: kind as EventStoreKind,
    sqlitePath,
    databaseUrl,
    esdbUrl,
    port,
    maxEventBytes,
    maxBodyBytes,
    jwtSecret: rawSecret || DEVELOPMENT_JWT_SECRET,
    jwtSecretSource: rawSecret ? 'env' : 'development-default',
    personalDataPath,
    readDb,
    dataDir,
    sealKeyPath,
    sealIntervalMs,
  };
}

/** What is printed at start: never a password. */
export function describeConfig(config: ClasConfig): Record<string, unknown> {
  return {
    ...config,
    databaseUrl: config.databaseUrl ? config.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : null,
    esdbUrl: config.esdbUrl ? config.esdbUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : null,
    sqlitePath: config.eventStore === 'sqlite' ? config.sqlitePath : undefined,
    jwtSecret: '***',
    readDb: config.readDb.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
  };
}
