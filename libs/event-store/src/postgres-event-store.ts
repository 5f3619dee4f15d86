import pg from 'pg';
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
import { DEFAULT_POSTGRES_SCHEMA, assertSchemaName, migrate, notifyChannel } from './postgres-schema.js';
import { pageLimit, readAllPages } from './read-all.js';
import { encodeEvents, unchainedStreamError } from './chain-hash.js';
import type { ChainPage, ChainPageOptions, ChainRecord, Seal } from './tamper-evidence.port.js';
import { sealOfRow, toChainRecord, type SealRow } from './sql-chain-rows.js';

export interface PostgresEventStoreOptions extends EventStoreOptions {
  /** postgresql://user@host:port/db */
  url: string;
  /** Schema holding the tables (default clas_event_store); tests use a throw-away one. */
  schema?: string;
  /** Pool size (default 10). */
  poolSize?: number;
}

/** Only rows of transactions older than every running one: see postgres-schema.ts. */
// A scalar subquery is an InitPlan: the snapshot is taken once per query, not once per row.
const VISIBLE = 'transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))';

/** Tamper evidence: the rows exactly as stored (json columns as their text), with their chain hashes. */
const CHAIN_COLUMNS = `global_position, stream_id, stream_version, event_id, type, schema_version, data::text, metadata::text, occurred_at, recorded_at, encode(hash, 'hex')`;
const SEAL_COLUMNS = 'seal_index, up_to, event_count, running_hash, previous_seal, sealed_at, key_id, signature';

const EVENT_COLUMNS = `global_position AS "globalPosition", stream_id AS "streamId", stream_version AS "streamVersion",
  event_id AS "eventId", type, schema_version AS "schemaVersion", data, metadata,
  occurred_at AS "occurredAt", recorded_at AS "recordedAt"`;

/** Connection-level failures: the store is unreachable, not the request wrong. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', '57P01', '57P02', '57P03']);

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  message: string;
}

/** bigint arrives as a string (it may exceed 2^53); positions stay far below, so Number is exact. */
function toStoredEvents(rows: Record<string, unknown>[]): StoredEvent[] {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    row.globalPosition = Number(row.globalPosition);
  }
  return rows as unknown as StoredEvent[];
}

/**
 * PostgreSQL event store. Appends are one call of the `append_events` function (one round
 * trip, one transaction, all rows in one INSERT … SELECT FROM unnest). Readers of the global
 * log filter on the snapshot's xmin so concurrent writers can never make them skip an event.
 */
export class PostgresEventStore implements EventStore {
  readonly schema: string;
  private readonly pool: pg.Pool;
  private readonly url: string;
  private readonly s: string;
  private readonly context: PreparationContext;
  private readonly upcasters: UpcasterRegistry;
  private readonly signal = new ChangeSignal();
  private readonly pollIntervalMs: number;
  private readonly subscriptions = new Set<Subscription>();
  private listener: pg.Client | null = null;
  private listenerStarting: Promise<void> | null = null;
  private closed = false;

  private constructor(options: PostgresEventStoreOptions) {
    this.schema = options.schema ?? DEFAULT_POSTGRES_SCHEMA;
    assertSchemaName(this.schema);
    this.s = `"${this.schema}"`;
    this.url = options.url;
    this.pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client's error (server restart) must not crash the process; the next query reports it.
    this.pool.on('error', () => undefined);
    this.context = preparationContext(options);
    this.upcasters = new UpcasterRegistry(options.upcasters);
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
  }

  /** Connects and creates the schema if needed. */
  static async start(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    try {
      await migrate(store.pool, store.schema);
    } catch (error) {
      await store.pool.end().catch(() => undefined);
      throw store.unavailable(error);
    }
    return store;
  }

  private unavailable(error: unknown): unknown {
    const code = (error as PgError).code;
    if (code !== undefined && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) {
      return new EventStoreError('STORE_UNAVAILABLE', `PostgreSQL unavailable: ${(error as Error).message}`);
    }
    return error;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreError('STORE_UNAVAILABLE', 'event store is closed');
  }

  private async query<R extends pg.QueryResultRow>(text: string, values: unknown[], name?: string): Promise<R[]> {
    try {
      const result = await this.pool.query<R>(name === undefined ? { text, values } : { name: `${this.schema}:${name}`, text, values });
      return result.rows;
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events, expected, options, this.context);
    if (prepared.events.length === 0) return this.emptyAppend(prepared);
    // append_events hashes E(e1)…E(en) after the previous hash it reads in its transaction.
    const chain = encodeEvents(prepared.streamId, prepared.events);
    const values = [
      prepared.streamId,
      prepared.expected === 'any' ? -2 : prepared.expected,
      prepared.events.map((e) => e.eventId),
      prepared.events.map((e) => e.type),
      prepared.events.map((e) => e.schemaVersion),
      prepared.events.map((e) => e.data),
      prepared.events.map((e) => e.metadata),
      prepared.events.map((e) => e.occurredAt),
      prepared.events.map((e) => e.recordedAt),
      prepared.commandIds,
      prepared.probeEventId,
      chain,
    ];
    // 'any' may lose a race for the next version to a concurrent writer; it just retries.
    for (let attempt = 0; ; attempt++) {
      try {
        const [row] = await this.query<{ o_current: number; o_positions: string[] }>(
          `SELECT o_current, o_positions FROM ${this.s}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          values,
          'append',
        );
        // Other processes hear of it through NOTIFY; this one needs no round trip.
        this.signal.notify();
        return {
          streamId,
          nextExpectedVersion: row!.o_current + prepared.events.length,
          positions: row!.o_positions.map(Number),
          eventIds: prepared.events.map((e) => e.eventId),
          duplicate: false,
        };
      } catch (error) {
        const pgError = error as PgError;
        if (pgError.code === 'CLAS1') {
          throw new ConcurrencyError(streamId, expected, Number(pgError.detail));
        }
        if (pgError.code === 'CLAS3') throw unchainedStreamError(streamId, Number(pgError.detail));
        if (pgError.code === 'CLAS2') {
          const original = await this.findOriginalAppend(prepared);
          if (original !== null) return original;
          throw new EventStoreError('INVALID_EVENT', `eventId ${prepared.probeEventId} is already stored by another append`, { streamId });
        }
        if (pgError.code === '23505') {
          if (pgError.constraint === 'events_stream_version_key') {
            if (prepared.expected === 'any' && attempt < 10) continue;
            // A twin of this command took the version first: it is the original, not a conflict.
            const original = prepared.commandIds.length > 0 ? await this.findOriginalAppend(prepared) : null;
            if (original !== null) return original;
            throw new ConcurrencyError(streamId, expected, await this.streamVersion(streamId));
          }
          // A concurrent twin of this append committed first.
          const original = await this.findOriginalAppend(prepared);
          if (original !== null) return original;
          throw new EventStoreError('INVALID_EVENT', `an eventId of this append is already stored: ${pgError.message}`, { streamId });
        }
        throw error;
      }
    }
  }

  private async emptyAppend(prepared: PreparedAppend): Promise<AppendResult> {
    const current = await this.streamVersion(prepared.streamId);
    if (prepared.expected !== 'any' && prepared.expected !== current) {
      throw new ConcurrencyError(prepared.streamId, prepared.expected === -1 ? 'no_stream' : prepared.expected, current);
    }
    return { streamId: prepared.streamId, nextExpectedVersion: current, positions: [], eventIds: [], duplicate: false };
  }

  /**
   * The result of the append this one retries (same command or same event ids), or null.
   * A stored commandId reused by another command is refused (COMMAND_ID_REUSED).
   */
  private async findOriginalAppend(prepared: PreparedAppend): Promise<AppendResult | null> {
    for (let i = 0; i < prepared.commandIds.length; i++) {
      const stored = await this.storedCommand(prepared.commandIds[i]!);
      if (stored !== null) return originalAppendOf(stored, { streamId: prepared.streamId, metadata: prepared.commandMetadata[i]! });
    }
    if (prepared.probeEventId === null) return null;
    const ids = prepared.events.map((e) => e.eventId);
    const rows = await this.query<{ event_id: string; stream_id: string; stream_version: number }>(
      `SELECT event_id, stream_id, stream_version FROM ${this.s}.events WHERE event_id = ANY ($1)`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.event_id, row]));
    const first = byId.get(ids[0]!);
    // A retry carries exactly the ids of the original append, in order, on the same stream.
    const consistent =
      first !== undefined &&
      ids.every((id, i) => {
        const row = byId.get(id);
        return row !== undefined && row.stream_id === prepared.streamId && row.stream_version === first.stream_version + i;
      });
    if (!consistent) return null;
    return this.appendResultOf(prepared.streamId, first.stream_version, first.stream_version + ids.length - 1);
  }

  /** One round trip: the command's row joined with its events (no xmin filter: a writer reads its own writes). */
  private async storedCommand(commandId: string): Promise<StoredCommand | null> {
    const rows = await this.query<{
      stream_id: string;
      first_version: number;
      last_version: number;
      global_position: string;
      event_id: string;
      metadata: StoredCommand['metadata'];
    }>(
      `SELECT c.stream_id, c.first_version, c.last_version, e.global_position, e.event_id, e.metadata
         FROM ${this.s}.commands c
         JOIN ${this.s}.events e ON e.stream_id = c.stream_id AND e.stream_version BETWEEN c.first_version AND c.last_version
        WHERE c.command_id = $1 ORDER BY e.stream_version`,
      [commandId],
      'find_command',
    );
    const first = rows[0];
    if (first === undefined) return null;
    return {
      commandId,
      streamId: first.stream_id,
      firstVersion: first.first_version,
      lastVersion: first.last_version,
      eventIds: rows.map((row) => row.event_id),
      positions: rows.map((row) => Number(row.global_position)),
      metadata: first.metadata,
    };
  }

  async findCommand(commandId: string): Promise<StoredCommand | null> {
    this.assertOpen();
    return this.storedCommand(commandId);
  }

  private async appendResultOf(streamId: string, firstVersion: number, lastVersion: number): Promise<AppendResult> {
    const rows = await this.query<{ global_position: string; event_id: string }>(
      `SELECT global_position, event_id FROM ${this.s}.events
        WHERE stream_id = $1 AND stream_version BETWEEN $2 AND $3 ORDER BY stream_version`,
      [streamId, firstVersion, lastVersion],
    );
    return {
      streamId,
      nextExpectedVersion: lastVersion,
      positions: rows.map((row) => Number(row.global_position)),
      eventIds: rows.map((row) => row.event_id),
      duplicate: true,
    };
  }

  /**
   * No xmin filter here: a stream's order is its versions, and a command handler must read
   * its own writes at once.
   */
  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    assertStreamId(streamId);
    const plain = options.fromVersion === undefined && options.toVersion === undefined && options.recordedUpTo === undefined;
    // The common whole-stream read gets its own statement: a generic plan with optional
    // bounds was measurably slower than the plain index range.
    const rows = plain
      ? await this.query<Record<string, unknown>>(
          `SELECT ${EVENT_COLUMNS} FROM ${this.s}.events WHERE stream_id = $1 ORDER BY stream_version`,
          [streamId],
          'read_stream_all',
        )
      : await this.query<Record<string, unknown>>(
          `SELECT ${EVENT_COLUMNS} FROM ${this.s}.events
            WHERE stream_id = $1 AND stream_version BETWEEN $2 AND $3 AND ($4::text IS NULL OR recorded_at <= $4)
            ORDER BY stream_version`,
          [streamId, options.fromVersion ?? 0, options.toVersion ?? 2_147_483_647, options.recordedUpTo ?? null],
          'read_stream',
        );
    return this.upcasters.applyAll(toStoredEvents(rows));
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    assertStreamId(streamId);
    const [row] = await this.query<{ v: number | null }>(
      `SELECT max(stream_version) AS v FROM ${this.s}.events WHERE stream_id = $1`,
      [streamId],
      'stream_version',
    );
    return row?.v ?? -1;
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    return readAllPages((page) => this.readAllPage(page), options);
  }

  async readAllPage(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    this.assertOpen();
    const after = options.after ?? 0;
    const limit = pageLimit(options);
    const filtered = options.types !== undefined || options.streamPrefix !== undefined;
    if (!filtered) {
      // The visible rows are a prefix of the position order, so a short page is the end.
      const rows = await this.query<Record<string, unknown>>(
        `SELECT ${EVENT_COLUMNS} FROM ${this.s}.events WHERE global_position > $1 AND ${VISIBLE}
          ORDER BY global_position LIMIT $2`,
        [after, limit + 1],
        'read_all',
      );
      const isEnd = rows.length <= limit;
      if (!isEnd) rows.length = limit;
      const events = toStoredEvents(rows);
      const nextAfter = events.length > 0 ? events[events.length - 1]!.globalPosition : after;
      return { events: this.upcasters.applyAll(events), nextAfter, isEnd };
    }
    // Filtered: bound the scan by the visible head read first, so a short page may skip
    // to that head without passing over an event that became visible meanwhile.
    const head = await this.headPosition();
    if (options.types !== undefined && options.types.length === 0) return { events: [], nextAfter: Math.max(after, head), isEnd: true };
    const rows = await this.query<Record<string, unknown>>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.s}.events
        WHERE global_position > $1 AND global_position <= $2
          AND ($3::text[] IS NULL OR type = ANY ($3)) AND ($4::text IS NULL OR starts_with(stream_id, $4))
        ORDER BY global_position LIMIT $5`,
      [after, head, options.types ?? null, options.streamPrefix ?? null, limit + 1],
      'read_all_filtered',
    );
    const isEnd = rows.length <= limit;
    if (!isEnd) rows.length = limit;
    const events = toStoredEvents(rows);
    const nextAfter = isEnd ? Math.max(after, head) : events[events.length - 1]!.globalPosition;
    return { events: this.upcasters.applyAll(events), nextAfter, isEnd };
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const subscription = createSubscription(
      {
        // LISTEN is in place before each read, so an append committed after the read is
        // always notified (a failed LISTEN leaves the poll fallback).
        readAllPage: async (page) => {
          await this.ensureListener();
          return this.readAllPage(page);
        },
        signal: this.signal,
        pollIntervalMs: this.pollIntervalMs,
      },
      options,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * One LISTEN connection per store wakes every subscription. If it cannot connect or
   * drops, subscriptions still advance through the poll fallback; the next subscribe retries.
   */
  private ensureListener(): Promise<void> {
    if (this.listener !== null) return Promise.resolve();
    if (this.listenerStarting !== null) return this.listenerStarting;
    const client = new pg.Client({ connectionString: this.url });
    const drop = (): void => {
      if (this.listener === client) this.listener = null;
      client.end().catch(() => undefined);
    };
    client.on('notification', () => this.signal.notify());
    client.on('error', drop);
    this.listenerStarting = (async () => {
      try {
        await client.connect();
        await client.query(`LISTEN "${notifyChannel(this.schema)}"`);
        if (this.closed) {
          await client.end();
          return;
        }
        this.listener = client;
      } catch {
        drop();
      } finally {
        this.listenerStarting = null;
      }
    })();
    return this.listenerStarting;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const [row] = await this.query<{ p: string | null }>(
      `SELECT max(global_position) AS p FROM ${this.s}.events WHERE ${VISIBLE}`,
      [],
      'head_position',
    );
    return Number(row?.p ?? 0);
  }

  now(): string {
    return recordingInstant(this.context);
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.query('SELECT 1', []);
  }

  /** Rows as arrays (no per-row objects): the verifier reads the log at full speed. */
  private async arrayRows(name: string, text: string, values: unknown[]): Promise<unknown[][]> {
    try {
      return (await this.pool.query<unknown[]>({ name: `${this.schema}:${name}`, text, values, rowMode: 'array' })).rows;
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  async readChainPage(options: ChainPageOptions = {}): Promise<ChainPage> {
    this.assertOpen();
    const after = options.after ?? 0;
    const limit = pageLimit({ after, limit: options.limit });
    // The visible prefix only, as readAllPage: a seal never covers a position that could still appear below it.
    const rows = await this.arrayRows(
      'chain_page',
      `SELECT ${CHAIN_COLUMNS} FROM ${this.s}.events WHERE global_position > $1 AND ${VISIBLE} ORDER BY global_position LIMIT $2`,
      [after, limit + 1],
    );
    const isEnd = rows.length <= limit;
    if (!isEnd) rows.length = limit;
    const records = rows.map(toChainRecord);
    return { records, nextAfter: records.at(-1)?.globalPosition ?? after, isEnd };
  }

  async readChainRecord(streamId: string, streamVersion: number): Promise<ChainRecord | null> {
    this.assertOpen();
    const [row] = await this.arrayRows(
      'chain_record',
      `SELECT ${CHAIN_COLUMNS} FROM ${this.s}.events WHERE stream_id = $1 AND stream_version = $2`,
      [streamId, streamVersion],
    );
    return row === undefined ? null : toChainRecord(row);
  }

  async readSeals(options: { after?: number; limit?: number } = {}): Promise<Seal[]> {
    this.assertOpen();
    const rows = await this.query<SealRow>(
      `SELECT ${SEAL_COLUMNS} FROM ${this.s}.seals WHERE seal_index > $1 ORDER BY seal_index LIMIT $2`,
      [options.after ?? 0, options.limit ?? 1000],
      'read_seals',
    );
    return rows.map(sealOfRow);
  }

  async lastSeal(options: { below?: number } = {}): Promise<Seal | null> {
    this.assertOpen();
    const [row] = await this.query<SealRow>(
      `SELECT ${SEAL_COLUMNS} FROM ${this.s}.seals WHERE up_to < $1 ORDER BY seal_index DESC LIMIT 1`,
      [options.below ?? Number.MAX_SAFE_INTEGER],
      'last_seal',
    );
    return row === undefined ? null : sealOfRow(row);
  }

  async appendSeal(seal: Seal): Promise<boolean> {
    this.assertOpen();
    // The primary key on seal_index settles two racing sealers: the loser inserts nothing.
    const rows = await this.query(
      `INSERT INTO ${this.s}.seals (${SEAL_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (seal_index) DO NOTHING RETURNING seal_index`,
      [seal.index, seal.upTo, seal.events, seal.runningHash, seal.previous, seal.sealedAt, seal.keyId, seal.signature],
      'append_seal',
    );
    return rows.length === 1;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.closed = true;
    if (this.listenerStarting !== null) await this.listenerStarting;
    const listener = this.listener;
    this.listener = null;
    if (listener !== null) await listener.end().catch(() => undefined);
    await this.pool.end();
  }
}
