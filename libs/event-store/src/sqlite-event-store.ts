import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { NewEvent, StoredEvent } from './envelope.js';
import { ConcurrencyError, EventStoreError } from './errors.js';
import {
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventStoreOptions,
  type ExpectedVersion,
  type ReadAllOptions,
  type ReadAllPage,
  type ReadStreamOptions,
  type StoredCommand,
  type SubscribeOptions,
  type Subscription,
} from './event-store.port.js';
import { originalAppendOf } from './command-fingerprint.js';
import {
  assertStreamId,
  prepareAppend,
  preparationContext,
  recordingInstant,
  type PreparationContext,
  type PreparedAppend,
} from './event-preparation.js';
import { UpcasterRegistry } from './upcasting.js';
import { ChangeSignal } from './change-signal.js';
import { createSubscription } from './subscription.js';
import { migrateSqlite } from './sqlite-schema.js';
import { pageLimit, readAllPages } from './read-all.js';
import { EventHasher, GENESIS_HASH, unchainedStreamError } from './chain-hash.js';
import type { ChainPage, ChainPageOptions, ChainRecord, Seal } from './tamper-evidence.port.js';
import { sealOfRow, toChainRecord, type SealRow } from './sql-chain-rows.js';

export interface SqliteEventStoreOptions extends EventStoreOptions {
  /** File path (parent directory created) or ':memory:'. Default ./data/clas.sqlite. */
  path?: string;
}

export const DEFAULT_SQLITE_PATH = './data/clas.sqlite';

/** Rows per multi-row INSERT: one statement crossing into C per chunk instead of per event. */
const INSERT_CHUNK = 100;
const COLUMNS_PER_ROW = 11;

const EVENT_COLUMNS = `global_position AS globalPosition, stream_id AS streamId, stream_version AS streamVersion,
  event_id AS eventId, type, schema_version AS schemaVersion, data, metadata,
  occurred_at AS occurredAt, recorded_at AS recordedAt`;

/** A stream read does not select stream_id (the caller's argument): one string less per row. */
const STREAM_EVENT_COLUMNS = `global_position, stream_version, event_id, type, schema_version, data, metadata, occurred_at, recorded_at`;

/** Module-level SQL: the statement cache is keyed by these very strings (hash computed once). */
const READ_STREAM = `SELECT ${STREAM_EVENT_COLUMNS} FROM events WHERE stream_id = ?`;
const READ_STREAM_ALL = `${READ_STREAM} ORDER BY stream_version`;
const READ_STREAM_RANGE = `${READ_STREAM} AND stream_version BETWEEN ? AND ? ORDER BY stream_version`;
const READ_STREAM_KNOWN_AT = `${READ_STREAM} AND stream_version BETWEEN ? AND ? AND recorded_at <= ? ORDER BY stream_version`;
const READ_ALL_PAGE = `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`;
const HEAD = 'SELECT coalesce(max(global_position), 0) AS p FROM events';
/** Tamper evidence: the rows exactly as stored, with their chain hashes. */
const CHAIN_COLUMNS = `global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, recorded_at, nullif(lower(hex(hash)), '')`;
const CHAIN_PAGE = `SELECT ${CHAIN_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`;
const CHAIN_RECORD = `SELECT ${CHAIN_COLUMNS} FROM events WHERE stream_id = ? AND stream_version = ?`;
const STREAM_TIP = 'SELECT stream_version AS version, hash FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1';
const SEAL_COLUMNS = 'seal_index, up_to, event_count, running_hash, previous_seal, sealed_at, key_id, signature';

interface CommandRow {
  stream_id: string;
  first_version: number;
  last_version: number;
}

/**
 * Event rows are read in raw mode (one array per row, EVENT_COLUMNS order) and turned into
 * StoredEvents by one object literal each: cheaper than better-sqlite3's named-row objects,
 * and every event gets the same hidden class (monomorphic property access in the folds).
 */
type EventRow = [number, string, number, string, string, number, string, string, string, string];

/** STREAM_EVENT_COLUMNS: EVENT_COLUMNS without stream_id. */
type StreamEventRow = [number, number, string, string, number, string, string, string, string];

function toStreamEvents(streamId: string, rows: StreamEventRow[]): StoredEvent[] {
  const events = new Array<StoredEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    events[i] = {
      globalPosition: row[0],
      streamId,
      streamVersion: row[1],
      eventId: row[2],
      type: row[3],
      schemaVersion: row[4],
      data: JSON.parse(row[5]),
      metadata: JSON.parse(row[6]),
      occurredAt: row[7],
      recordedAt: row[8],
    } as StoredEvent;
  }
  return events;
}

function toStoredEvents(rows: EventRow[]): StoredEvent[] {
  const events = new Array<StoredEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    events[i] = {
      globalPosition: row[0],
      streamId: row[1],
      streamVersion: row[2],
      eventId: row[3],
      type: row[4],
      schemaVersion: row[5],
      data: JSON.parse(row[6]),
      metadata: JSON.parse(row[7]),
      occurredAt: row[8],
      recordedAt: row[9],
    } as StoredEvent;
  }
  return events;
}

/**
 * Embedded event store on one SQLite file. SQLite has one writer at a time and every
 * append runs in a BEGIN IMMEDIATE transaction that takes the next positions from
 * max(global_position): positions are handed out in commit order, so a reader (WAL gives
 * it a committed snapshot) never sees a position appear below one it has already read.
 */
export class SqliteEventStore implements EventStore {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly context: PreparationContext;
  private readonly upcasters: UpcasterRegistry;
  private readonly signal = new ChangeSignal();
  private readonly pollIntervalMs: number;
  private readonly subscriptions = new Set<Subscription>();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly eventStatements = new Map<string, Database.Statement>();
  /** Multi-row INSERTs by row count. */
  private readonly inserts = new Map<number, Database.Statement>();
  private readonly appendTransaction: (prepared: PreparedAppend) => AppendResult;
  private readonly hasher = new EventHasher();
  private closed = false;

  constructor(options: SqliteEventStoreOptions = {}) {
    this.path = options.path ?? DEFAULT_SQLITE_PATH;
    if (this.path !== ':memory:' && !this.path.startsWith('file:')) mkdirSync(dirname(this.path), { recursive: true });
    this.db = new Database(this.path);
    this.db.pragma('journal_mode = WAL');
    // FULL: a committed append survives power loss (WAL + NORMAL could lose the last ones).
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    // Checkpoint the WAL every ~40 MB instead of ~4 MB: each checkpoint costs an extra fsync
    // of the main file, and an append writes a few more pages than a bare insert (the
    // event-id and commands indexes). Durability is unchanged: every commit still fsyncs the WAL.
    this.db.pragma('wal_autocheckpoint = 10000');
    migrateSqlite(this.db);
    this.context = preparationContext(options);
    this.upcasters = new UpcasterRegistry(options.upcasters);
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    // IMMEDIATE takes the write lock up front, so a concurrent writer in another process
    // waits (busy_timeout) instead of failing half-way through.
    const transaction = this.db.transaction((prepared: PreparedAppend) => this.appendInTransaction(prepared));
    this.appendTransaction = (prepared) => transaction.immediate(prepared);
  }

  /** A cached SELECT of EVENT_COLUMNS, in raw mode (rows as arrays, see toStoredEvents). */
  private eventStatement(sql: string): Database.Statement {
    let statement = this.eventStatements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql).raw(true);
      this.eventStatements.set(sql, statement);
    }
    return statement;
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreError('STORE_UNAVAILABLE', 'event store is closed');
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events, expected, options, this.context);
    let result: AppendResult;
    try {
      result = this.appendTransaction(prepared);
    } catch (error) {
      throw this.translate(error, prepared);
    }
    if (!result.duplicate && result.positions.length > 0) this.signal.notify();
    return result;
  }

  private translate(error: unknown, prepared: PreparedAppend): unknown {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      return new EventStoreError('INVALID_EVENT', `an eventId of this append is already stored: ${(error as Error).message}`, {
        streamId: prepared.streamId,
      });
    }
    if (code === 'SQLITE_BUSY') return new EventStoreError('STORE_UNAVAILABLE', (error as Error).message);
    return error;
  }

  private appendInTransaction(prepared: PreparedAppend): AppendResult {
    const { streamId, events, commandIds } = prepared;
    const original = this.findOriginalAppend(prepared);
    if (original !== null) return original;

    // The chain's previous hash is read with the version, inside the write lock.
    const tip = this.statement(STREAM_TIP).get(streamId) as { version: number; hash: Buffer | null } | undefined;
    const current = tip === undefined ? -1 : tip.version;
    if (prepared.expected !== 'any' && prepared.expected !== current) {
      throw new ConcurrencyError(streamId, prepared.expected === -1 ? 'no_stream' : prepared.expected, current);
    }
    const n = events.length;
    const positions: number[] = new Array(n);
    const eventIds: string[] = new Array(n);
    if (n === 0) return { streamId, nextExpectedVersion: current, positions, eventIds, duplicate: false };

    if (tip !== undefined && tip.hash === null) throw unchainedStreamError(streamId, current);
    const chainHash = this.hasher.hashAppend(tip === undefined ? GENESIS_HASH : tip.hash!, streamId, events);
    const head = (this.statement(HEAD).get() as { p: number }).p;
    for (let start = 0; start < n; start += INSERT_CHUNK) {
      const count = Math.min(INSERT_CHUNK, n - start);
      const params: unknown[] = new Array(count * COLUMNS_PER_ROW);
      let k = 0;
      for (let i = start; i < start + count; i++) {
        const event = events[i]!;
        const position = head + 1 + i;
        positions[i] = position;
        eventIds[i] = event.eventId;
        params[k++] = position;
        params[k++] = streamId;
        params[k++] = current + 1 + i;
        params[k++] = event.eventId;
        params[k++] = event.type;
        params[k++] = event.schemaVersion;
        params[k++] = event.data;
        params[k++] = event.metadata;
        params[k++] = event.occurredAt;
        params[k++] = event.recordedAt;
        // One hash per append, on its last event (chain-hash.ts).
        params[k++] = i === n - 1 ? chainHash : null;
      }
      this.insertStatement(count).run(params);
    }
    const nextExpectedVersion = current + n;
    for (const commandId of commandIds) {
      this.statement('INSERT INTO commands (command_id, stream_id, first_version, last_version) VALUES (?, ?, ?, ?)').run(
        commandId,
        streamId,
        current + 1,
        nextExpectedVersion,
      );
    }
    return { streamId, nextExpectedVersion, positions, eventIds, duplicate: false };
  }

  private insertStatement(rows: number): Database.Statement {
    let statement = this.inserts.get(rows);
    if (statement === undefined) {
      const values = new Array(rows).fill('(?,?,?,?,?,?,?,?,?,?,?)').join(',');
      statement = this.db.prepare(
        `INSERT INTO events (global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at, recorded_at, hash) VALUES ${values}`,
      );
      this.inserts.set(rows, statement);
    }
    return statement;
  }

  private currentVersion(streamId: string): number {
    const row = this.statement('SELECT stream_version AS v FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1').get(
      streamId,
    ) as { v: number } | undefined;
    return row === undefined ? -1 : row.v;
  }

  /**
   * The result of the append this one retries (same command or same event ids), or null.
   * A stored commandId reused by another command is refused (COMMAND_ID_REUSED).
   */
  private findOriginalAppend(prepared: PreparedAppend): AppendResult | null {
    for (let i = 0; i < prepared.commandIds.length; i++) {
      const stored = this.storedCommand(prepared.commandIds[i]!);
      if (stored !== null) return originalAppendOf(stored, { streamId: prepared.streamId, metadata: prepared.commandMetadata[i]! });
    }
    if (prepared.probeEventId === null) return null;
    const lookup = this.statement('SELECT stream_id AS s, stream_version AS v FROM events WHERE event_id = ?');
    const probe = lookup.get(prepared.probeEventId) as { s: string; v: number } | undefined;
    if (probe === undefined) return null;
    // A retry carries exactly the ids of the original append, in order, on the same stream.
    const found = prepared.events.map((event) => lookup.get(event.eventId) as { s: string; v: number } | undefined);
    const first = found[0];
    const consistent =
      first !== undefined && found.every((row, i) => row !== undefined && row.s === prepared.streamId && row.v === first.v + i);
    if (!consistent) {
      throw new EventStoreError('INVALID_EVENT', `eventId ${prepared.probeEventId} is already stored by another append`, {
        streamId: prepared.streamId,
        eventId: prepared.probeEventId,
      });
    }
    return this.appendResultOf(prepared.streamId, first.v, first.v + found.length - 1);
  }

  private storedCommand(commandId: string): StoredCommand | null {
    const command = this.statement('SELECT stream_id, first_version, last_version FROM commands WHERE command_id = ?').get(commandId) as
      CommandRow | undefined;
    if (command === undefined) return null;
    const rows = this.statement(
      'SELECT global_position AS p, event_id AS e, metadata AS m FROM events WHERE stream_id = ? AND stream_version BETWEEN ? AND ? ORDER BY stream_version',
    ).all(command.stream_id, command.first_version, command.last_version) as { p: number; e: string; m: string }[];
    return {
      commandId,
      streamId: command.stream_id,
      firstVersion: command.first_version,
      lastVersion: command.last_version,
      eventIds: rows.map((row) => row.e),
      positions: rows.map((row) => row.p),
      metadata: JSON.parse(rows[0]!.m),
    };
  }

  async findCommand(commandId: string): Promise<StoredCommand | null> {
    this.assertOpen();
    return this.storedCommand(commandId);
  }

  private appendResultOf(streamId: string, firstVersion: number, lastVersion: number): AppendResult {
    const rows = this.statement(
      'SELECT global_position AS p, event_id AS e FROM events WHERE stream_id = ? AND stream_version BETWEEN ? AND ? ORDER BY stream_version',
    ).all(streamId, firstVersion, lastVersion) as { p: number; e: string }[];
    return {
      streamId,
      nextExpectedVersion: lastVersion,
      positions: rows.map((row) => row.p),
      eventIds: rows.map((row) => row.e),
      duplicate: true,
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    assertStreamId(streamId);
    const bounded = options.fromVersion !== undefined || options.toVersion !== undefined;
    const rows = (
      options.recordedUpTo === undefined
        ? bounded
          ? this.eventStatement(READ_STREAM_RANGE).all(streamId, options.fromVersion ?? 0, options.toVersion ?? Number.MAX_SAFE_INTEGER)
          : this.eventStatement(READ_STREAM_ALL).all(streamId)
        : this.eventStatement(READ_STREAM_KNOWN_AT).all(
            streamId,
            options.fromVersion ?? 0,
            options.toVersion ?? Number.MAX_SAFE_INTEGER,
            options.recordedUpTo,
          )
    ) as StreamEventRow[];
    return this.upcasters.applyAll(toStreamEvents(streamId, rows));
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    assertStreamId(streamId);
    return this.currentVersion(streamId);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    return readAllPages((page) => this.readAllPage(page), options);
  }

  async readAllPage(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    this.assertOpen();
    const after = options.after ?? 0;
    const limit = pageLimit(options);
    const filtered = options.types !== undefined || options.streamPrefix !== undefined;
    // One row more than asked tells whether the page ends the visible log.
    if (!filtered) {
      const rows = this.eventStatement(READ_ALL_PAGE).all(after, limit + 1) as EventRow[];
      const isEnd = rows.length <= limit;
      if (!isEnd) rows.length = limit;
      const nextAfter = rows.length > 0 ? rows[rows.length - 1]![0] : after;
      return { events: this.upcasters.applyAll(toStoredEvents(rows)), nextAfter, isEnd };
    }
    // Filtered: scan up to the head read first, so a short page can skip to the head
    // without passing over an event committed meanwhile.
    const head = (this.statement(HEAD).get() as { p: number }).p;
    let sql = `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? AND global_position <= ?`;
    const params: unknown[] = [after, head];
    if (options.types !== undefined) {
      if (options.types.length === 0) return { events: [], nextAfter: Math.max(after, head), isEnd: true };
      sql += ` AND type IN (${options.types.map(() => '?').join(',')})`;
      params.push(...options.types);
    }
    if (options.streamPrefix !== undefined) {
      sql += ' AND substr(stream_id, 1, length(?)) = ?';
      params.push(options.streamPrefix, options.streamPrefix);
    }
    sql += ' ORDER BY global_position LIMIT ?';
    params.push(limit + 1);
    const rows = this.eventStatement(sql).all(params) as EventRow[];
    const isEnd = rows.length <= limit;
    if (!isEnd) rows.length = limit;
    const nextAfter = isEnd ? Math.max(after, head) : rows[rows.length - 1]![0];
    return { events: this.upcasters.applyAll(toStoredEvents(rows)), nextAfter, isEnd };
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription = createSubscription(
      { readAllPage: (page) => this.readAllPage(page), signal: this.signal, pollIntervalMs: this.pollIntervalMs },
      options,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return (this.statement(HEAD).get() as { p: number }).p;
  }

  now(): string {
    return recordingInstant(this.context);
  }

  async readChainPage(options: ChainPageOptions = {}): Promise<ChainPage> {
    this.assertOpen();
    const after = options.after ?? 0;
    const limit = pageLimit({ after, limit: options.limit });
    const rows = this.eventStatement(CHAIN_PAGE).all(after, limit + 1) as unknown[][];
    const isEnd = rows.length <= limit;
    if (!isEnd) rows.length = limit;
    const records = rows.map(toChainRecord);
    return { records, nextAfter: records.at(-1)?.globalPosition ?? after, isEnd };
  }

  async readChainRecord(streamId: string, streamVersion: number): Promise<ChainRecord | null> {
    this.assertOpen();
    const row = this.eventStatement(CHAIN_RECORD).get(streamId, streamVersion) as unknown[] | undefined;
    return row === undefined ? null : toChainRecord(row);
  }

  async readSeals(options: { after?: number; limit?: number } = {}): Promise<Seal[]> {
    this.assertOpen();
    const rows = this.statement(`SELECT ${SEAL_COLUMNS} FROM seals WHERE seal_index > ? ORDER BY seal_index LIMIT ?`).all(
      options.after ?? 0,
      options.limit ?? 1000,
    );
    return (rows as SealRow[]).map(sealOfRow);
  }

  async lastSeal(options: { below?: number } = {}): Promise<Seal | null> {
    this.assertOpen();
    const row = this.statement(`SELECT ${SEAL_COLUMNS} FROM seals WHERE up_to < ? ORDER BY seal_index DESC LIMIT 1`).get(
      options.below ?? Number.MAX_SAFE_INTEGER,
    );
    return row === undefined ? null : sealOfRow(row as SealRow);
  }

  async appendSeal(seal: Seal): Promise<boolean> {
    this.assertOpen();
    const result = this.statement(
      `INSERT INTO seals (${SEAL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (seal_index) DO NOTHING`,
    ).run(seal.index, seal.upTo, seal.events, seal.runningHash, seal.previous, seal.sealedAt, seal.keyId, seal.signature);
    return result.changes === 1;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.statement('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.closed = true;
    this.db.close();
  }
}
