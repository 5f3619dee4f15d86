import { isIP } from 'node:net';
import { dirname } from 'node:path';
import { formatDuration, parseDurationSeconds } from './duration.js';

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
  /** Interface the API listens on (HOST): loopback unless the deployer opens it, e.g. 0.0.0.0 in a container. */
  host: string;
  port: number;
  maxEventBytes: number;
  /** Body size limit of the HTTP API, in bytes. */
  maxBodyBytes: number;
  /**
   * HS256 secret that signs the API's bearer tokens (CLAS_JWT_SECRET); null when unset: the
   * secret is then generated at the first start into the data directory (jwt-secret.ts).
   */
  jwtSecret: string | null;
  /** CLAS_TOKEN_MAX_TTL: a token must carry `exp`, at most this many seconds after its `iat`. */
  tokenMaxTtlSeconds: number;
  /** Failed authentications allowed per client address and window before 429 (in memory, per process). */
  authFailures: { maxFailures: number; windowSeconds: number };
  /** CLAS_TRUST_PROXY: how many reverse proxies in front of the API set X-Forwarded-For (0: none, the peer is the client). */
  trustProxy: number;
  /** SQLite file of the personal data (names, contacts) kept outside the log (domain.md §8). */
  personalDataPath: string;
  /** Read-model database (CLAS_READ_DB): a SQLite file path, or a postgres:// URL. */
  readDb: string;
  /**
   * CLAS_PROJECTOR: `embedded` (default) — the API runs the projector in-process when it gets the
   * read database's writer lock without waiting, else it only reads; `external` — the API only
   * reads what an `apps/projector` writes.
   */
  projector: 'embedded' | 'external';
  /**
   * CLAS_DATA_DIR: where secrets generated at the first start are kept (mode 0600), see secret-file.ts.
   * Default: the directory of the SQLite log, so a log moved to a volume takes its secrets along.
   */
  dataDir: string;
  /** CLAS_SEAL_KEY_PATH: Ed25519 private key (PEM) that signs seals; default <dataDir>/seal-key.pem, generated at the first start (seal-key.ts). */
  sealKeyPath: string;
  /** CLAS_SEAL_INTERVAL_MS: how often the API seals the log in the background (default 60 000). */
  sealIntervalMs: number;
  /** Webhooks to other systems (issue 13 §4, README "Webhooks"). */
  webhooks: WebhookConfig;
}

export interface WebhookConfig {
  /** CLAS_WEBHOOKS=on|off (default on): whether the API process runs the dispatcher. Subscriptions are accepted either way. */
  enabled: boolean;
  /** CLAS_WEBHOOK_DB: the delivery log and the secrets, a SQLite file or a postgres:// URL; default the log's PostgreSQL database, else <dataDir>/clas-webhooks.sqlite (':memory:' beside an in-memory log). */
  db: string;
  /** CLAS_WEBHOOK_POLL_MS: pause between scans of the log when idle (default 1000). */
  pollMs: number;
  /** CLAS_WEBHOOK_TIMEOUT_MS: a receiver that has not answered by then has failed the attempt (default 10 000). */
  requestTimeoutMs: number;
  /** CLAS_WEBHOOK_RETRY_INITIAL_MS (10 000), CLAS_WEBHOOK_RETRY_MAX_MS (3 600 000), CLAS_WEBHOOK_MAX_ATTEMPTS (12). */
  retry: { initialDelayMs: number; maxDelayMs: number; maxAttempts: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const KINDS: readonly EventStoreKind[] = ['sqlite', 'postgres', 'eventstoredb'];

/** RFC 7518 §3.2: an HS256 key must be at least 256 bits. */
export const MIN_JWT_SECRET_LENGTH = 32;
/** A working day: a token leaked in a log or a screenshot is dead by the next morning. */
const DEFAULT_TOKEN_MAX_TTL = 12 * 3600;
const MIN_TOKEN_MAX_TTL = 60;
const MAX_TOKEN_MAX_TTL = 30 * 86_400;
const DEFAULT_AUTH_FAILURES = { maxFailures: 10, windowSeconds: 60 };
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

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

function duration(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  problems: string[],
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = parseDurationSeconds(raw);
  if (value === null || value < min || value > max) {
    problems.push(
      `${name}=${JSON.stringify(raw)} must be a duration like 3600s, 30m, 8h or 7d, between ${formatDuration(min)} and ${formatDuration(max)}`,
    );
    return fallback;
  }
  return value;
}

function nonNegativeInt(env: NodeJS.ProcessEnv, name: string, problems: string[], max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return 0;
  if (!/^\d+$/.test(raw) || Number(raw) > max) {
    problems.push(`${name}=${JSON.stringify(raw)} must be an integer between 0 and ${max}`);
    return 0;
  }
  return Number(raw);
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
    else if (!/^esdb(\+discover)?:\/\//.test(esdbUrl))
      problems.push('CLAS_ESDB_URL must be an esdb:// or esdb+discover:// connection string');
  }
  const host = env.HOST?.trim() || '127.0.0.1';
  if (isIP(host) === 0 && !HOST_NAME.test(host))
    problems.push(`HOST=${JSON.stringify(host)} must be an IP address (127.0.0.1, 0.0.0.0, ::) or a host name`);
  const port = positiveInt(env, 'PORT', 3000, problems, 65535);
  const maxEventBytes = positiveInt(env, 'CLAS_MAX_EVENT_BYTES', 1_048_576, problems);
  const maxBodyBytes = positiveInt(env, 'CLAS_MAX_BODY_BYTES', 1_048_576, problems);
  const rawSecret = env.CLAS_JWT_SECRET?.trim() || '';
  if (rawSecret && rawSecret.length < MIN_JWT_SECRET_LENGTH)
    problems.push(`CLAS_JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters`);
  const tokenMaxTtlSeconds = duration(env, 'CLAS_TOKEN_MAX_TTL', DEFAULT_TOKEN_MAX_TTL, problems, MIN_TOKEN_MAX_TTL, MAX_TOKEN_MAX_TTL);
  const authFailures = {
    maxFailures: positiveInt(env, 'CLAS_AUTH_FAILURE_LIMIT', DEFAULT_AUTH_FAILURES.maxFailures, problems, 1_000_000),
    windowSeconds: duration(env, 'CLAS_AUTH_FAILURE_WINDOW', DEFAULT_AUTH_FAILURES.windowSeconds, problems, 1, 86_400),
  };
  const trustProxy = nonNegativeInt(env, 'CLAS_TRUST_PROXY', problems, 10);
  const personalDataPath = env.CLAS_PERSONAL_DATA_PATH?.trim() || './data/clas-personal.sqlite';
  const readDb = env.CLAS_READ_DB?.trim() || './data/clas-read.sqlite';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(readDb) && !/^postgres(ql)?:\/\//.test(readDb)) {
    problems.push(`CLAS_READ_DB must be a SQLite file path or a postgres:// or postgresql:// URL`);
  }
  const projector = env.CLAS_PROJECTOR?.trim() || 'embedded';
  if (projector !== 'embedded' && projector !== 'external') problems.push('CLAS_PROJECTOR must be embedded or external');
  const dataDir = env.CLAS_DATA_DIR?.trim() || (kind === 'sqlite' && sqlitePath !== ':memory:' ? dirname(sqlitePath) : './data');
  const sealKeyPath = env.CLAS_SEAL_KEY_PATH?.trim() || `${dataDir.replace(/\/+$/, '')}/seal-key.pem`;
  const sealIntervalMs = positiveInt(env, 'CLAS_SEAL_INTERVAL_MS', 60_000, problems);
  // Beside a PostgreSQL log, in its database: every API instance then shares one delivery log (and one dispatcher).
  const defaultWebhookDb =
    kind === 'postgres' && databaseUrl
      ? databaseUrl
      : kind === 'sqlite' && sqlitePath === ':memory:'
        ? ':memory:'
        : `${dataDir.replace(/\/+$/, '')}/clas-webhooks.sqlite`;
  const webhooks = webhookConfig(env, defaultWebhookDb, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    eventStore: kind as EventStoreKind,
    sqlitePath,
    databaseUrl,
    esdbUrl,
    host,
    port,
    maxEventBytes,
    maxBodyBytes,
    jwtSecret: rawSecret || null,
    tokenMaxTtlSeconds,
    authFailures,
    trustProxy,
    personalDataPath,
    readDb,
    projector: projector as ClasConfig['projector'],
    dataDir,
    sealKeyPath,
    sealIntervalMs,
    webhooks,
  };
}

function webhookConfig(env: NodeJS.ProcessEnv, defaultDb: string, problems: string[]): WebhookConfig {
  const switchValue = (env.CLAS_WEBHOOKS?.trim() || 'on').toLowerCase();
  if (switchValue !== 'on' && switchValue !== 'off') problems.push(`CLAS_WEBHOOKS=${JSON.stringify(env.CLAS_WEBHOOKS)} must be on or off`);
  const db = env.CLAS_WEBHOOK_DB?.trim() || defaultDb;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(db) && !/^postgres(ql)?:\/\//.test(db))
    problems.push('CLAS_WEBHOOK_DB must be a SQLite file path (or :memory:) or a postgres:// or postgresql:// URL');
  const initialDelayMs = positiveInt(env, 'CLAS_WEBHOOK_RETRY_INITIAL_MS', 10_000, problems);
  const maxDelayMs = positiveInt(env, 'CLAS_WEBHOOK_RETRY_MAX_MS', 3_600_000, problems);
  if (maxDelayMs < initialDelayMs) problems.push('CLAS_WEBHOOK_RETRY_MAX_MS must not be below CLAS_WEBHOOK_RETRY_INITIAL_MS');
  return {
    enabled: switchValue !== 'off',
    db,
    pollMs: positiveInt(env, 'CLAS_WEBHOOK_POLL_MS', 1_000, problems),
    requestTimeoutMs: positiveInt(env, 'CLAS_WEBHOOK_TIMEOUT_MS', 10_000, problems),
    retry: { initialDelayMs, maxDelayMs, maxAttempts: positiveInt(env, 'CLAS_WEBHOOK_MAX_ATTEMPTS', 12, problems, 100) },
  };
}

/** How a client on the same machine reaches the API: a wildcard HOST (0.0.0.0, ::) answers on loopback too. */
export function localApiUrl(config: Pick<ClasConfig, 'host' | 'port'>): string {
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host === '::' ? '::1' : config.host;
  return `http://${isIP(host) === 6 ? `[${host}]` : host}:${config.port}`;
}

/** What is printed at start: never a password. */
export function describeConfig(config: ClasConfig): Record<string, unknown> {
  return {
    ...config,
    databaseUrl: config.databaseUrl ? config.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : null,
    esdbUrl: config.esdbUrl ? config.esdbUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : null,
    sqlitePath: config.eventStore === 'sqlite' ? config.sqlitePath : undefined,
    // Null: generated into (or read from) the data directory, see jwt-secret.ts.
    jwtSecret: config.jwtSecret === null ? null : '***',
    readDb: config.readDb.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    webhooks: { ...config.webhooks, db: config.webhooks.db.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') },
  };
}
