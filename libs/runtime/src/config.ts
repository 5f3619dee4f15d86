/**
 * Configuration is read once at start-up from the environment, validated, and printed
 * (architecture.md). Invalid values are refused with a message naming the variable.
 */
export type EventStoreKind = 'sqlite' | 'postgres';

export interface ClasConfig {
  eventStore: EventStoreKind;
  sqlitePath: string;
  databaseUrl: string | null;
  port: number;
  maxEventBytes: number;
  /** Body size limit of the HTTP API, in bytes. */
  maxBodyBytes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const KINDS: readonly EventStoreKind[] = ['sqlite', 'postgres'];

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
  const port = positiveInt(env, 'PORT', 3000, problems, 65535);
  const maxEventBytes = positiveInt(env, 'CLAS_MAX_EVENT_BYTES', 1_048_576, problems);
  const maxBodyBytes = positiveInt(env, 'CLAS_MAX_BODY_BYTES', 1_048_576, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return { eventStore: kind as EventStoreKind, sqlitePath, databaseUrl, port, maxEventBytes, maxBodyBytes };
}

/** What is printed at start: never a password. */
export function describeConfig(config: ClasConfig): Record<string, unknown> {
  return {
    ...config,
    databaseUrl: config.databaseUrl ? config.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : null,
    sqlitePath: config.eventStore === 'sqlite' ? config.sqlitePath : undefined,
  };
}
