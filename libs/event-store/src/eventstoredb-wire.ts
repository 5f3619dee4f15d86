/**
 * The narrow slice of an EventStoreDB client the adapter needs. The real implementation
 * (`eventstoredb-client.ts`) is the only file that imports `@eventstore/db-client`, so moving
 * to `@kurrent/kurrentdb-client` (same gRPC protocol) is a change to that one file; the fake
 * (`testing/fake-eventstoredb-client.ts`) drives the adapter in unit tests, including dropped
 * subscriptions.
 */

/** A `$all` position: byte offsets of the event's commit and prepare records in the log. */
export interface EsdbPosition {
  commit: bigint;
  prepare: bigint;
}

/** EventStoreDB's expected revision: a 0-based revision, or a state of the stream. */
export type EsdbExpectedRevision = 'any' | 'no_stream' | bigint;

export interface EsdbEventData {
  /** A UUID: EventStoreDB deduplicates retried appends by it. */
  id: string;
  type: string;
  /** JSON values, serialised by the client. */
  data: unknown;
  metadata: unknown;
}

export interface EsdbRecordedEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  /** Server time of the write. */
  created: Date;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  /** Present on `$all` reads, and on stream reads from servers ≥ 22.6. */
  position: EsdbPosition | undefined;
}

export type EsdbReadFrom = 'start' | 'end' | EsdbPosition;

/** Server-side filter of a `$all` subscription: on the event type or on the stream name. */
export type EsdbFilter = { on: 'eventType'; regex: string } | { on: 'streamName'; prefixes: string[] };

export type EsdbSubscriptionItem =
  | { kind: 'event'; event: EsdbRecordedEvent }
  /** The subscription has delivered everything written before it started (server ≥ 23.10). */
  | { kind: 'caughtUp' }
  /** A filtered subscription has scanned up to here (events skipped by the filter included). */
  | { kind: 'checkpoint'; position: EsdbPosition };

export interface EsdbSubscriptionHandle extends AsyncIterable<EsdbSubscriptionItem> {
  close(): Promise<void>;
}

export interface EsdbClient {
  /** Resolves with the stream's revision after the write; rejects with the errors below. */
  append(
    streamId: string,
    events: readonly EsdbEventData[],
    expected: EsdbExpectedRevision,
    deadlineMs?: number,
  ): Promise<{ nextRevision: bigint }>;
  /** An unknown stream reads as []. */
  readStream(
    streamId: string,
    options: { from: bigint | 'start' | 'end'; maxCount: number; direction: 'forwards' | 'backwards' },
  ): Promise<EsdbRecordedEvent[]>;
  /** Forwards from a position includes the event at that position; backwards excludes it. */
  readAll(options: { from: EsdbReadFrom; maxCount: number; direction: 'forwards' | 'backwards' }): Promise<EsdbRecordedEvent[]>;
  /** Catch-up then live, starting strictly after `from`. Errors end the iteration (a drop). */
  subscribeToAll(options: { from: 'start' | EsdbPosition; filter?: EsdbFilter }): EsdbSubscriptionHandle;
  /** One cheap round trip, failing after `deadlineMs`. */
  ping(deadlineMs: number): Promise<void>;
  dispose(): Promise<void>;
}

export class EsdbWrongExpectedVersion extends Error {
  constructor(
    readonly streamId: string,
    /** 'no_stream' when the stream does not exist. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`wrong expected version on ${streamId}: actual ${String(actual)}`);
    this.name = 'EsdbWrongExpectedVersion';
  }
}

export class EsdbAppendTooLarge extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EsdbAppendTooLarge';
  }
}

/** Connection lost, deadline exceeded, not leader: the request may be retried elsewhere. */
export class EsdbUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EsdbUnavailable';
  }
}
