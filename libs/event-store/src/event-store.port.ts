import type { EventMetadata, NewEvent, StoredEvent } from './envelope.js';
import type { TamperEvidentLog } from './tamper-evidence.port.js';

/** A stream version (0-based, the version of its last event), or a state of the stream. */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface AppendOptions {
  /**
   * Restore-from-export path only: keep each event's original `recordedAt` (given here,
   * by eventId) and mark `metadata.restored = true`. Never used by commands.
   */
  restoreRecordedAt?: ReadonlyMap<string, string>;
  /**
   * Latest acceptable recording instant (ISO). A caller that decided on `now()` (the Caf's
   * reception instant, R-LIFE-RECEIPT) says until when that decision holds; if the store's
   * clock has passed it when the append is recorded, the append is refused with
   * RecordedTooLateError and nothing is written, so the caller decides again.
   */
  recordedNotAfter?: string;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append (version of its last event). */
  nextExpectedVersion: number;
  /** Global positions of the appended events, in order. */
  positions: number[];
  eventIds: string[];
  /** True when this append was an idempotent retry that wrote nothing. */
  duplicate: boolean;
}

/** The append that executed a commandId (one row of the store's command index, with its events). */
export interface StoredCommand {
  commandId: string;
  streamId: string;
  /** Versions of the append's first and last events. */
  firstVersion: number;
  lastVersion: number;
  eventIds: string[];
  positions: number[];
  /** Metadata of the append's first event: actor, commandType, payloadHash (command-fingerprint.ts). */
  metadata: EventMetadata;
}

export interface ReadStreamOptions {
  fromVersion?: number;
  toVersion?: number;
  /** Only events whose recordedAt ≤ this ISO instant (time travel: "knownAt"). */
  recordedUpTo?: string;
}

export interface ReadAllOptions {
  /** Exclusive global position; 0 (default) reads from the start. */
  after?: number;
  /** Maximum number of events returned overall (default: unbounded for readAll). */
  limit?: number;
  /** Batch size used internally (default 1000). */
  pageSize?: number;
  types?: readonly string[];
  streamPrefix?: string;
}

export interface ReadAllPage {
  events: StoredEvent[];
  /** Position to pass as `after` for the next page (last scanned position). */
  nextAfter: number;
  /** True when no event after nextAfter was visible at read time. */
  isEnd: boolean;
}

export interface SubscribeOptions {
  after?: number;
  filter?: { types?: readonly string[]; streamPrefix?: string };
  pageSize?: number;
}

/** Catch-up then live. Pulling from the iterator is the backpressure. */
export interface Subscription extends AsyncIterable<StoredEvent> {
  close(): Promise<void>;
}

/** Every adapter also keeps the log tamper-evident: chain hashes and seals (tamper-evidence.port.ts). */
export interface EventStore extends TamperEvidentLog {
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult>;
  /** Unknown stream → empty array. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /**
   * The append that executed this commandId, or null: lets a caller tell a retry from a reused
   * key *before* deciding (the append itself refuses a reused key with COMMAND_ID_REUSED).
   */
  findCommand(commandId: string): Promise<StoredCommand | null>;
  /** Current version of a stream, or -1 when it does not exist. */
  streamVersion(streamId: string): Promise<number>;
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>;
  readAllPage(options?: ReadAllOptions): Promise<ReadAllPage>;
  subscribe(options?: SubscribeOptions): Subscription;
  /** Highest global position visible to readers (0 when empty). */
  headPosition(): Promise<number>;
  /**
   * The instant an append made now would be recorded at (ISO, from the store's clock: the one
   * that stamps `recordedAt`). Command handlers judge deadlines and "not in the future" on it.
   */
  now(): string;
  /** Store reachable? Used by GET /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Ports: time and ids come from outside so tests control them. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/**
 * Turns one stored shape of an event into the next one, at read time (stored events are
 * never rewritten). Keyed by (type, fromSchemaVersion); the store applies upcasters in a
 * chain until none matches, so v1 → v2 → v3 needs one upcaster per step.
 */
export interface Upcaster {
  type: string;
  fromSchemaVersion: number;
  /**
   * Returns the event one step newer. It must change `schemaVersion` (usually +1) or
   * `type`, otherwise the chain would never end (the store refuses such a loop).
   */
  upcast(event: StoredEvent): StoredEvent;
}

/** Options shared by every adapter. */
export interface EventStoreOptions {
  /** Source of `recordedAt` (default: systemClock). */
  clock?: Clock;
  /** Maximum size in UTF-8 bytes of an event's serialised data + metadata (default 1 MiB). */
  maxEventBytes?: number;
  upcasters?: readonly Upcaster[];
  /** Live subscriptions re-read at least this often, for writers the store is not told about. */
  pollIntervalMs?: number;
}

export const DEFAULT_MAX_EVENT_BYTES = 1_048_576;
