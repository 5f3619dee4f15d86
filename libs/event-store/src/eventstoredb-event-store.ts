import { randomUUID } from 'node:crypto';
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
import { pageLimit, readAllPages } from './read-all.js';
import {
  DEFAULT_BACKOFF,
  RESERVED_STREAM_PREFIX,
  SEAL_EVENT_TYPE,
  SEAL_STREAM_PREFIX,
  chainOf,
  sealStreamOf,
  toChainRecord,
  assertAdvances,
  backoffDelay,
  commandEventId,
  fromCurrentRevision,
  isUserEvent,
  isUuid,
  matchesFilter,
  positionToGlobal,
  startPositionFor,
  toEventData,
  toExpectedRevision,
  toServerFilter,
  toStoredEvent,
  type BackoffPolicy,
  type LogFilter,
} from './eventstoredb-mapping.js';
import { IdempotencyGuard, commandKey, eventKey, type IdempotencyKey, type OriginalAppend } from './eventstoredb-idempotency.js';
import { EventHasher, GENESIS_HASH, unchainedStreamError } from './chain-hash.js';
import type { ChainPage, ChainPageOptions, ChainRecord, Seal } from './tamper-evidence.port.js';
import {
  EsdbAppendTooLarge,
  EsdbUnavailable,
  EsdbWrongExpectedVersion,
  type EsdbClient,
  type EsdbPosition,
  type EsdbReadFrom,
  type EsdbRecordedEvent,
  type EsdbSubscriptionHandle,
} from './eventstoredb-wire.js';

export interface EventStoreDbEventStoreOptions extends EventStoreOptions {
  /** A reservation of an idempotency key older than this is presumed abandoned (default 30 s). */
  idempotencyLeaseMs?: number;
  /** Resubscription schedule after a dropped subscription (leader failover, network). */
  resubscribeBackoff?: BackoffPolicy;
  /** Told of each drop before the adapter waits and resubscribes (the app logs it). */
  onSubscriptionDropped?: (error: unknown, attempt: number, delayMs: number) => void;
  /**
   * Prefix of every stream this store writes and reads (default none). One server has one
   * `$all`; a namespace makes a separate store inside it — the contract suite gives each of its
   * stores one, as the PostgreSQL suite gives each a schema.
   */
  streamNamespace?: string;
}

/** Scan sizes: ESDB streams reads, so a chunk is one round trip of at most this many records. */
const MAX_CHUNK = 4096;
const HEAD_CHUNK = 64;
/** Positions handed out recently, so a page/subscription resuming from one needs no lookup. */
const POSITION_CACHE = 4096;
/** An 'any' append re-reads the stream's tip this often when other writers keep winning the race. */
const MAX_ANY_ATTEMPTS = 50;

/**
 * EventStoreDB / KurrentDB adapter of the EventStore port. Only a narrow `EsdbClient` is used
 * (eventstoredb-wire.ts); the real client is built in eventstoredb-client.ts.
 * Positions, idempotency and metadata: see eventstoredb-mapping.ts, eventstoredb-idempotency.ts.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly context: PreparationContext;
  private readonly upcasters: UpcasterRegistry;
  private readonly guard: IdempotencyGuard;
  private readonly backoff: BackoffPolicy;
  private readonly onDropped: (error: unknown, attempt: number, delayMs: number) => void;
  private readonly positions = new Map<number, EsdbPosition>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly ns: string;
  private readonly hasher = new EventHasher();
  private closed = false;

  constructor(
    private readonly client: EsdbClient,
    options: EventStoreDbEventStoreOptions = {},
  ) {
    this.context = preparationContext(options);
    this.upcasters = new UpcasterRegistry(options.upcasters);
    this.guard = new IdempotencyGuard(client, options.idempotencyLeaseMs ?? 30_000);
    this.backoff = options.resubscribeBackoff ?? DEFAULT_BACKOFF;
    this.onDropped = options.onSubscriptionDropped ?? (() => undefined);
    this.ns = options.streamNamespace ?? '';
  }

  /** A user event of this store's namespace (not a system or idempotency event). */
  private isMine(record: EsdbRecordedEvent): boolean {
    return isUserEvent(record) && record.streamId.startsWith(this.ns);
  }

  private decode(record: EsdbRecordedEvent): StoredEvent {
    const event = toStoredEvent(record);
    if (this.ns !== '') event.streamId = event.streamId.slice(this.ns.length);
    return event;
  }

  /** The server-side filter; within a namespace the namespace is the stream prefix. */
  private serverFilter(filter: LogFilter) {
    if (this.ns === '') return toServerFilter(filter);
    return toServerFilter({ streamPrefix: this.ns + (filter.streamPrefix ?? '') });
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreError('STORE_UNAVAILABLE', 'event store is closed');
  }

  private translate(error: unknown, streamId: string, expected: ExpectedVersion): unknown {
    if (error instanceof EsdbWrongExpectedVersion) return new ConcurrencyError(streamId, expected, fromCurrentRevision(error.actual));
    if (error instanceof EsdbAppendTooLarge)
      return new EventStoreError('EVENT_TOO_LARGE', `EventStoreDB refused the append: ${error.message}`, { streamId });
    if (error instanceof EsdbUnavailable) return new EventStoreError('STORE_UNAVAILABLE', `EventStoreDB unavailable: ${error.message}`);
    return error;
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof EsdbUnavailable) throw new EventStoreError('STORE_UNAVAILABLE', `EventStoreDB unavailable: ${error.message}`);
      throw error;
    }
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    assertStreamId(streamId);
    if (streamId.startsWith(RESERVED_STREAM_PREFIX) || streamId.startsWith(SEAL_STREAM_PREFIX) || streamId.startsWith('$')) {
      throw new EventStoreError(
        'INVALID_EVENT',
        `stream ids starting with "$", "${RESERVED_STREAM_PREFIX}" or "${SEAL_STREAM_PREFIX}" are reserved`,
        { streamId },
      );
    }
    const prepared = prepareAppend(streamId, events, expected, options, this.context);
    if (prepared.events.length === 0) return this.emptyAppend(prepared);

    const stream = this.ns + streamId;
    prepared.streamId = stream;
    const keys: IdempotencyKey[] = prepared.commandIds.map((commandId) => commandKey(commandId, this.ns));
    prepared.events.forEach((event, i) => {
      if (events[i]!.eventId !== undefined) {
        if (!isUuid(event.eventId))
          throw new EventStoreError('INVALID_EVENT', `event ${i}: EventStoreDB event ids are UUIDs, got ${event.eventId}`);
        keys.push(eventKey(event.eventId, this.ns));
      } else {
        const commandId = events[i]!.metadata.commandId;
        // Same command, same ids: EventStoreDB itself sees a retried write as a duplicate.
        if (typeof commandId === 'string') event.eventId = commandEventId(commandId, i);
      }
    });
    const eventIds = prepared.events.map((e) => e.eventId);
    const write = () => this.write(prepared, expected);
    if (keys.length === 0) {
      const written = await write();
      return this.resultOf(streamId, written.firstVersion, written.lastVersion, eventIds, false);
    }
    const outcome = await this.call(() => this.guard.run(keys, stream, eventIds, write));
    if (outcome.kind === 'written') return this.resultOf(streamId, outcome.firstVersion, outcome.lastVersion, eventIds, false);
    const { original, key } = outcome;
    // Keys list the commandIds first, in order: a command key's index is its commandId's.
    const commandAt = key.kind === 'command' ? keys.findIndex((k) => k.stream === key.stream) : -1;
    if (commandAt >= 0) {
      const stored = await this.storedCommand(prepared.commandIds[commandAt]!, original);
      return originalAppendOf(stored, { streamId, metadata: prepared.commandMetadata[commandAt]! });
    }
    const sameAppend =
      original.streamId === stream &&
      original.eventIds.length === eventIds.length &&
      original.eventIds.every((id, i) => id === eventIds[i]);
    if (sameAppend) {
      return this.resultOf(original.streamId.slice(this.ns.length), original.firstVersion, original.lastVersion, original.eventIds, true);
    }
    throw new EventStoreError(
      'INVALID_EVENT',
      `an eventId of this append is already stored by another append (stream ${original.streamId.slice(this.ns.length)})`,
      { streamId },
    );
  }

  /**
   * The chain needs the previous hash of the stream, which EventStoreDB cannot compute for us: the
   * stream's last event is read first and the append expects exactly that revision, so an append
   * that raced in between makes this one fail (and retry, for 'any') instead of forking the chain.
   */
  private async write(prepared: PreparedAppend, expected: ExpectedVersion): Promise<{ firstVersion: number; lastVersion: number }> {
    const streamId = prepared.streamId.slice(this.ns.length);
    for (let attempt = 0; ; attempt++) {
      try {
        const [tip] = await this.client.readStream(prepared.streamId, { from: 'end', maxCount: 1, direction: 'backwards' });
        const previous = tip === undefined ? GENESIS_HASH : chainOf(tip);
        if (previous === null) throw unchainedStreamError(streamId, Number(tip!.revision));
        const chainHash = this.hasher.hashAppend(previous, streamId, prepared.events);
        // An explicit expected version stays the caller's (EventStoreDB then also spots a retried write).
        const revision =
          prepared.expected !== 'any' ? toExpectedRevision(prepared.expected) : tip === undefined ? 'no_stream' : tip.revision;
        // The deadline keeps a slow write inside its idempotency lease (see eventstoredb-idempotency.ts).
        const { nextRevision } = await this.client.append(
          prepared.streamId,
          prepared.events.map((event, i) => toEventData(event, i === prepared.events.length - 1 ? chainHash : null)),
          revision,
          Math.floor(this.guard.leaseMs / 3),
        );
        const lastVersion = Number(nextRevision);
        return { firstVersion: lastVersion - prepared.events.length + 1, lastVersion };
      } catch (error) {
        if (error instanceof EsdbWrongExpectedVersion && prepared.expected === 'any' && attempt < MAX_ANY_ATTEMPTS) continue;
        throw this.translate(error, streamId, expected);
      }
    }
  }

  /** Positions are read back: an append answers one position, the port wants one per event. */
  private async resultOf(
    streamId: string,
    firstVersion: number,
    lastVersion: number,
    eventIds: string[],
    duplicate: boolean,
  ): Promise<AppendResult> {
    const stored = await this.readAppended(streamId, firstVersion, lastVersion, eventIds);
    return {
      streamId,
      nextExpectedVersion: lastVersion,
      positions: stored.map((event) => this.remember(event)),
      eventIds,
      duplicate,
    };
  }

  /** The events of one append (stream id without the namespace), checked against the ids it wrote. */
  private async readAppended(
    streamId: string,
    firstVersion: number,
    lastVersion: number,
    eventIds: readonly string[],
  ): Promise<EsdbRecordedEvent[]> {
    const stored = await this.call(() =>
      this.client.readStream(this.ns + streamId, {
        from: BigInt(firstVersion),
        maxCount: lastVersion - firstVersion + 1,
        direction: 'forwards',
      }),
    );
    if (stored.length !== eventIds.length || stored.some((event, i) => event.id !== eventIds[i])) {
      throw new EventStoreError(
        'STORE_UNAVAILABLE',
        `stream ${streamId} does not hold the appended events at versions ${firstVersion}..${lastVersion}`,
      );
    }
    return stored;
  }

  /** A completed command key's append, read back from its stream: positions, and the first event's metadata. */
  private async storedCommand(commandId: string, original: OriginalAppend): Promise<StoredCommand> {
    const { firstVersion, lastVersion } = original;
    const streamId = original.streamId.slice(this.ns.length);
    const stored = await this.readAppended(streamId, firstVersion, lastVersion, original.eventIds);
    return {
      commandId,
      streamId,
      firstVersion,
      lastVersion,
      eventIds: [...original.eventIds],
      positions: stored.map((event) => this.remember(event)),
      metadata: this.decode(stored[0]!).metadata,
    };
  }

  async findCommand(commandId: string): Promise<StoredCommand | null> {
    this.assertOpen();
    const original = await this.call(() => this.guard.lookup(commandKey(commandId, this.ns)));
    return original === null ? null : this.storedCommand(commandId, original);
  }

  private async emptyAppend(prepared: PreparedAppend): Promise<AppendResult> {
    const current = await this.streamVersion(prepared.streamId);
    if (prepared.expected !== 'any' && prepared.expected !== current) {
      throw new ConcurrencyError(prepared.streamId, prepared.expected === -1 ? 'no_stream' : prepared.expected, current);
    }
    return { streamId: prepared.streamId, nextExpectedVersion: current, positions: [], eventIds: [], duplicate: false };
  }

  private remember(event: EsdbRecordedEvent): number {
    const global = positionToGlobal(event.position);
    if (this.positions.size >= POSITION_CACHE) this.positions.delete(this.positions.keys().next().value!);
    this.positions.set(global, event.position!);
    return global;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    assertStreamId(streamId);
    const from = options.fromVersion ?? 0;
    const maxCount = options.toVersion === undefined ? Number.MAX_SAFE_INTEGER : options.toVersion - from + 1;
    if (maxCount <= 0) return [];
    const recorded = await this.call(() =>
      this.client.readStream(this.ns + streamId, { from: BigInt(from), maxCount, direction: 'forwards' }),
    );
    const events = recorded.map((record) => this.decode(record));
    const known = options.recordedUpTo === undefined ? events : events.filter((event) => event.recordedAt <= options.recordedUpTo!);
    return this.upcasters.applyAll(known);
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    assertStreamId(streamId);
    const [last] = await this.call(() => this.client.readStream(this.ns + streamId, { from: 'end', maxCount: 1, direction: 'backwards' }));
    return last === undefined ? -1 : Number(last.revision);
  }

  /** Where to read `$all` from to see everything after `after` (see startPositionFor). */
  private async startFor(after: number): Promise<'start' | EsdbPosition> {
    if (after === 0) return 'start';
    const known = this.positions.get(after);
    if (known !== undefined) return startPositionFor(known);
    const at = BigInt(after);
    const [before] = await this.call(() => this.client.readAll({ from: { commit: at, prepare: at }, maxCount: 1, direction: 'backwards' }));
    return before?.position === undefined ? 'start' : startPositionFor(before.position);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    return readAllPages((page) => this.readAllPage(page), options);
  }

  async readAllPage(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    this.assertOpen();
    const after = options.after ?? 0;
    const limit = pageLimit(options);
    const filter: LogFilter = { types: options.types, streamPrefix: options.streamPrefix };
    if (options.types !== undefined || options.streamPrefix !== undefined) return this.filteredPage(after, limit, filter);
    const { items: events, last } = await this.scan(after, limit, (record) => this.decode(record));
    // A short page means the read reached the end of the log.
    return { events: this.upcasters.applyAll(events), nextAfter: last, isEnd: events.length < limit };
  }

  /** The store's events of `$all` after `after`, at most `limit`, each mapped. */
  private async scan<T>(after: number, limit: number, map: (record: EsdbRecordedEvent) => T): Promise<{ items: T[]; last: number }> {
    const events: T[] = [];
    let from: EsdbReadFrom = await this.startFor(after);
    let last = after;
    let scanned = -1n;
    const chunk = Math.min(MAX_CHUNK, limit + 1);
    for (;;) {
      const batch = await this.call(() => this.client.readAll({ from, maxCount: chunk, direction: 'forwards' }));
      for (const record of batch) {
        // A forward read includes its start record, already seen on the previous chunk.
        if (record.position!.prepare <= scanned) continue;
        scanned = record.position!.prepare;
        if (!this.isMine(record)) continue;
        const global = positionToGlobal(record.position);
        if (global <= after) continue;
        assertAdvances(last, global);
        this.remember(record);
        events.push(map(record));
        last = global;
        if (events.length === limit) break;
      }
      if (events.length === limit || batch.length < chunk) break;
      from = batch[batch.length - 1]!.position!;
    }
    return { items: events, last };
  }

  async readChainPage(options: ChainPageOptions = {}): Promise<ChainPage> {
    this.assertOpen();
    const after = options.after ?? 0;
    const limit = pageLimit({ after, limit: options.limit });
    const { items: records, last } = await this.scan(after, limit, (record) =>
      toChainRecord(record, record.streamId.slice(this.ns.length)),
    );
    return { records, nextAfter: last, isEnd: records.length < limit };
  }

  async readChainRecord(streamId: string, streamVersion: number): Promise<ChainRecord | null> {
    this.assertOpen();
    const [record] = await this.call(() =>
      this.client.readStream(this.ns + streamId, { from: BigInt(streamVersion), maxCount: 1, direction: 'forwards' }),
    );
    return record === undefined || Number(record.revision) !== streamVersion ? null : toChainRecord(record, streamId);
  }

  /** Seal n is revision n-1 of the store's seal stream (never in `$all` as the port shows it). */
  async readSeals(options: { after?: number; limit?: number } = {}): Promise<Seal[]> {
    this.assertOpen();
    const records = await this.call(() =>
      this.client.readStream(sealStreamOf(this.ns), {
        from: BigInt(options.after ?? 0),
        maxCount: options.limit ?? 1000,
        direction: 'forwards',
      }),
    );
    return records.map((record) => record.data as Seal);
  }

  async lastSeal(options: { below?: number } = {}): Promise<Seal | null> {
    this.assertOpen();
    const below = options.below ?? Number.POSITIVE_INFINITY;
    let from: bigint | 'end' = 'end';
    for (;;) {
      const records = await this.call(() =>
        this.client.readStream(sealStreamOf(this.ns), { from, maxCount: HEAD_CHUNK, direction: 'backwards' }),
      );
      const found = records.map((record) => record.data as Seal).find((seal) => seal.upTo < below);
      if (found !== undefined) return found;
      const oldest = records.at(-1);
      if (oldest === undefined || records.length < HEAD_CHUNK || oldest.revision === 0n) return null;
      from = oldest.revision - 1n;
    }
  }

  /** Expecting the revision before the seal's index: of two sealers writing one index, one wins. */
  async appendSeal(seal: Seal): Promise<boolean> {
    this.assertOpen();
    try {
      await this.client.append(
        sealStreamOf(this.ns),
        [{ id: randomUUID(), type: SEAL_EVENT_TYPE, data: seal, metadata: {} }],
        seal.index === 1 ? 'no_stream' : BigInt(seal.index - 2),
      );
      return true;
    } catch (error) {
      if (error instanceof EsdbWrongExpectedVersion) return false;
      throw this.translate(error, sealStreamOf(this.ns), 'any');
    }
  }

  /**
   * Filtered pages use EventStoreDB's server-side filter, which only subscriptions expose (the
   * 6.x client's readAll sends no filter): a filtered catch-up subscription from `after`, bounded
   * by the head read first, so a page that reaches the end may skip to that head without passing
   * over an event written meanwhile (as in the PostgreSQL adapter).
   */
  private async filteredPage(after: number, limit: number, filter: LogFilter): Promise<ReadAllPage> {
    const head = await this.headPosition();
    if (head <= after || (filter.types !== undefined && filter.types.length === 0))
      return { events: [], nextAfter: Math.max(after, head), isEnd: true };
    const handle = this.client.subscribeToAll({ from: await this.startFor(after), ...optional('filter', this.serverFilter(filter)) });
    const events: StoredEvent[] = [];
    let reachedHead = false;
    try {
      for await (const item of handle) {
        if (item.kind === 'caughtUp') reachedHead = true;
        else if (item.kind === 'checkpoint') reachedHead = scannedPast(item.position, head);
        else if (this.isMine(item.event)) {
          const global = positionToGlobal(item.event.position);
          const event = this.decode(item.event);
          if (global > head) reachedHead = true;
          else if (global > after && matchesFilter(event, filter)) {
            this.remember(item.event);
            events.push(event);
          }
          if (global === head) reachedHead = true;
        }
        if (reachedHead || events.length === limit) break;
      }
    } catch (error) {
      throw this.translate(error, '$all', 'any');
    } finally {
      await handle.close().catch(() => undefined);
    }
    if (!reachedHead && events.length < limit)
      throw new EventStoreError('STORE_UNAVAILABLE', 'EventStoreDB ended a filtered read before reaching the head');
    const isEnd = reachedHead;
    const nextAfter = isEnd ? Math.max(after, head) : events[events.length - 1]!.globalPosition;
    return { events: this.upcasters.applyAll(events), nextAfter, isEnd };
  }

  /**
   * Catch-up then live on `$all`, filtered on the server. When the subscription drops (leader
   * failover, network), it resubscribes after a backoff from the last position it delivered:
   * `$all` subscriptions start strictly after that position, and anything at or below the last
   * delivered position is dropped anyway, so a resubscription neither loses nor repeats.
   */
  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const filter: LogFilter = { types: options.filter?.types, streamPrefix: options.filter?.streamPrefix };
    const serverFilter = this.serverFilter(filter);
    let closed = false;
    let current: EsdbSubscriptionHandle | null = null;
    let wake: (() => void) | null = null;
    // The async generator below is a `function*` (arrows cannot yield): it reaches the store by name.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const store = this;

    async function* run(): AsyncGenerator<StoredEvent> {
      let last = options.after ?? 0;
      let from = await store.startFor(last);
      for (let attempt = 0; !closed; attempt++) {
        let handle: EsdbSubscriptionHandle | null = null;
        let dropped: unknown = new EsdbUnavailable('subscription ended by the server');
        try {
          // Inside the try: a client that cannot even open the stream is a drop like any other.
          handle = store.client.subscribeToAll({ from, ...optional('filter', serverFilter) });
          current = handle;
          for await (const item of handle) {
            if (closed) return;
            if (item.kind !== 'event') continue;
            attempt = 0;
            const record = item.event;
            if (!store.isMine(record)) {
              from = record.position ?? from;
              continue;
            }
            const global = positionToGlobal(record.position);
            if (global <= last) continue;
            from = record.position!;
            last = global;
            store.remember(record);
            const event = store.decode(record);
            if (!matchesFilter(event, filter)) continue;
            yield store.upcasters.apply(event);
          }
        } catch (error) {
          // Our own refusals (an impossible position, a looping upcaster) are not drops.
          if (error instanceof EventStoreError) throw error;
          dropped = error;
        } finally {
          current = null;
          await handle?.close().catch(() => undefined);
        }
        if (closed) return;
        const delay = backoffDelay(attempt, store.backoff);
        store.onDropped(dropped, attempt, delay);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    }

    const iterator = run();
    const subscription: Subscription = {
      [Symbol.asyncIterator]: () => iterator,
      async close(): Promise<void> {
        if (closed) return;
        closed = true;
        store.subscriptions.delete(subscription);
        (wake as (() => void) | null)?.();
        await (current as EsdbSubscriptionHandle | null)?.close().catch(() => undefined);
        await iterator.return(undefined);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    let from: EsdbReadFrom = 'end';
    for (;;) {
      const batch = await this.call(() => this.client.readAll({ from, maxCount: HEAD_CHUNK, direction: 'backwards' }));
      const newest = batch.find((record) => this.isMine(record));
      if (newest !== undefined) return this.remember(newest);
      if (batch.length < HEAD_CHUNK) return 0;
      from = batch[batch.length - 1]!.position!;
    }
  }

  now(): string {
    return recordingInstant(this.context);
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.call(() => this.client.ping(5_000));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.closed = true;
    await this.client.dispose();
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Filtered-subscription checkpoints may carry prepare 0 (KurrentDB#3989): trust the larger. */
function scannedPast(position: EsdbPosition, head: number): boolean {
  const at = position.prepare > position.commit ? position.prepare : position.commit;
  return at >= BigInt(head);
}
