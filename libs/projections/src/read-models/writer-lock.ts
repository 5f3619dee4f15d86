import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { readDialectOf, type ReadDatabaseConfig } from './read-database.js';

/**
 * One writer per read database (README-read-models.md, "One writer"): two projectors, or a
 * projector and a rebuild, writing the same tables would interleave resets, rows and
 * checkpoints. Held for the writer's whole life and released by the operating system or the
 * server when its process dies, so a kill -9 never leaves a stale lock behind:
 * - PostgreSQL: a session advisory lock on a dedicated connection (not one of the pool's),
 *   keyed by the schema — the lock dies with the session;
 * - SQLite: an exclusive lock on a small sidecar database (`<file>-writer.lock`) held open in
 *   a transaction that never commits — the lock dies with the file descriptor.
 * A ':memory:' database is private to its process: nothing to lock.
 */
export interface WriterLock {
  /** What the lock is taken on (logged). */
  readonly resource: string;
  release(): Promise<void>;
}

export interface WriterLockOptions {
  /** Wait for the current writer to stop (a standby). Default: fail at once with ReadDatabaseBusyError. */
  wait?: boolean;
  /** While waiting: called at the first refusal, then every `reportEveryMs`, with who holds the lock when known. */
  onWait?: (busy: ReadDatabaseBusyError) => void;
  /** Polling interval while waiting (ms). Default 500. */
  pollMs?: number;
  /** Default 30 000. */
  reportEveryMs?: number;
  /** Aborting stops the wait: acquire() then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called if the lock is lost while held (PostgreSQL: the lock connection dropped). The writer must stop. */
  onLost?: (error: Error) => void;
}

/** Another process writes this read database. */
export class ReadDatabaseBusyError extends Error {
  constructor(
    readonly resource: string,
    readonly holder: string | null,
  ) {
    super(
      `the read database ${resource} is being written by another projector or rebuild${holder ? ` (${holder})` : ''}: only one writer at a time`,
    );
    this.name = 'ReadDatabaseBusyError';
  }
}

/** First key of the two-key advisory lock: "Clas" in ASCII, so other applications' locks never collide. */
const ADVISORY_CLASS = 0x436c6173;

/** Who we are, for the holder's description seen by the others. */
const selfDescription = (): string => `clas projector pid ${process.pid} on ${hostname()}`;

interface Attempt {
  /** The lock, or null when another writer holds it (with its description when known). */
  try(): Promise<WriterLock | { holder: string | null }>;
  resource: string;
  /** Releases what the attempts opened (the connection of a failed wait). */
  close(): Promise<void>;
}

function postgresAttempt(config: ReadDatabaseConfig, onLost: ((error: Error) => void) | undefined): Attempt {
  const schema = config.schema ?? 'public';
  const resource = `${config.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')} schema ${schema}`;
  let client: pg.Client | null = null;
  let held = false;
  const connect = async (): Promise<pg.Client> => {
    if (client !== null) return client;
    const opened = new pg.Client({ connectionString: config.url, application_name: selfDescription().slice(0, 63) });
    // An error on an idle client (server restart, network) would otherwise crash the process.
    opened.on('error', (error) => {
      if (held) onLost?.(new Error(`lost the read-database writer lock on ${resource}: ${error.message}`));
    });
    opened.on('end', () => {
      if (held) onLost?.(new Error(`lost the read-database writer lock on ${resource}: the lock connection closed`));
    });
    await opened.connect();
    client = opened;
    return opened;
  };
  const key = `clas-read-models-writer:${schema}`;
  return {
    resource,
    async try() {
      const c = await connect();
      const { rows } = await c.query<{ locked: boolean; k: string }>(
        'SELECT pg_try_advisory_lock($1::int4, hashtext($2) & 2147483647) AS locked, (hashtext($2) & 2147483647)::text AS k',
        [ADVISORY_CLASS, key],
      );
      if (rows[0]!.locked) {
        held = true;
        return {
          resource,
          release: async () => {
            held = false;
            // Closing the session releases the lock (an explicit unlock first, for a pooled server).
            await c.query('SELECT pg_advisory_unlock($1::int4, hashtext($2) & 2147483647)', [ADVISORY_CLASS, key]).catch(() => undefined);
            await c.end().catch(() => undefined);
            client = null;
          },
        };
      }
      const holders = await c.query<{ pid: number; application_name: string; client_addr: string | null; backend_start: Date }>(
        `SELECT a.pid, a.application_name, a.client_addr::text AS client_addr, a.backend_start
           FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND l.classid::int8 = $1 AND l.objid::int8 = $2 AND l.objsubid = 2`,
        [ADVISORY_CLASS, Number(rows[0]!.k)],
      );
      const h = holders.rows[0];
      return {
        holder: h
          ? `${h.application_name || 'a session'}, server pid ${h.pid}${h.client_addr ? ` from ${h.client_addr}` : ''}, since ${h.backend_start.toISOString()}`
          : null,
      };
    },
    async close() {
      if (client !== null && !held) await client.end().catch(() => undefined);
      client = null;
    },
  };
}

function sqliteAttempt(config: ReadDatabaseConfig): Attempt {
  const resource = `${config.url}-writer.lock`;
  return {
    resource,
    async try() {
      mkdirSync(dirname(resource), { recursive: true });
      const db = new Database(resource, { timeout: 0 });
      try {
        db.exec('BEGIN EXCLUSIVE');
      } catch (error) {
        db.close();
        if ((error as { code?: string }).code === 'SQLITE_BUSY') return { holder: null };
        throw error;
      }
      return {
        resource,
        release: async () => {
          if (db.open) db.close();
        },
      };
    },
    async close() {},
  };
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Takes the writer lock of the read database, waiting for it when `options.wait`. */
export async function acquireWriterLock(config: ReadDatabaseConfig, options: WriterLockOptions = {}): Promise<WriterLock> {
  if (config.url === ':memory:') return { resource: ':memory:', release: async () => undefined };
  const attempt = readDialectOf(config.url) === 'postgres' ? postgresAttempt(config, options.onLost) : sqliteAttempt(config);
  const pollMs = options.pollMs ?? 500;
  const reportEveryMs = options.reportEveryMs ?? 30_000;
  let lastReport = Number.NEGATIVE_INFINITY;
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      const result = await attempt.try();
      if ('release' in result) return result;
      const busy = new ReadDatabaseBusyError(attempt.resource, result.holder);
      if (options.wait !== true) throw busy;
      if (performance.now() - lastReport >= reportEveryMs) {
        lastReport = performance.now();
        options.onWait?.(busy);
      }
      await sleep(pollMs, options.signal);
    }
  } catch (error) {
    await attempt.close();
    throw error;
  }
}
