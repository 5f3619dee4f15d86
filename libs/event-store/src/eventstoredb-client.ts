import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type Filter,
  type JSONType,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { EventStoreError } from './errors.js';
import type { EventStoreDbEventStoreOptions } from './eventstoredb-event-store.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import {
  EsdbAppendTooLarge,
  EsdbUnavailable,
  EsdbWrongExpectedVersion,
  type EsdbClient,
  type EsdbEventData,
  type EsdbExpectedRevision,
  type EsdbFilter,
  type EsdbRecordedEvent,
  type EsdbSubscriptionHandle,
  type EsdbSubscriptionItem,
} from './eventstoredb-wire.js';

/**
 * The only file importing `@eventstore/db-client`. `@kurrent/kurrentdb-client` speaks the same
 * gRPC protocol with the same API shape (`KurrentDBClient`), so switching is an import change here.
 */

/** gRPC failures meaning "this node cannot answer now" (connection, deadline, failover). */
const UNAVAILABLE_TYPES = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader', 'cancelled']);

function wrapError(error: unknown): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    return new EsdbWrongExpectedVersion(error.streamName, actual === 'no_stream' ? 'no_stream' : BigInt(actual));
  }
  if (error instanceof MaxAppendSizeExceededError) return new EsdbAppendTooLarge(error.message);
  const type = (error as { type?: unknown }).type;
  if (typeof type === 'string' && UNAVAILABLE_TYPES.has(type)) return new EsdbUnavailable((error as Error).message);
  const code = (error as { code?: unknown }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND') return new EsdbUnavailable((error as Error).message);
  return error;
}

function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): EsdbRecordedEvent | null {
  const event = resolved.event;
  if (event === undefined) return null;
  return {
    streamId: event.streamId,
    id: event.id,
    revision: event.revision,
    type: event.type,
    created: event.created,
    isJson: event.isJson,
    data: event.data,
    metadata: event.metadata,
    position: event.position,
  };
}

function toFilter(filter: EsdbFilter): Filter {
  return filter.on === 'eventType' ? eventTypeFilter({ regex: filter.regex }) : streamNameFilter({ prefixes: filter.prefixes });
}

/** A Readable subscription as a pull-based iterable of events, caught-up markers and checkpoints. */
function subscriptionItems(subscription: AllStreamSubscription, filtered: boolean): EsdbSubscriptionHandle {
  const queue: EsdbSubscriptionItem[] = [];
  let failure: unknown = null;
  let ended = false;
  let notify: (() => void) | null = null;
  const push = (item: EsdbSubscriptionItem): void => {
    queue.push(item);
    // Backpressure: stop the gRPC stream while the consumer is behind.
    if (queue.length >= 256) subscription.pause();
    notify?.();
  };
  subscription.on('data', (resolved: AllStreamResolvedEvent) => {
    const event = toRecorded(resolved);
    if (event !== null) push({ kind: 'event', event });
  });
  subscription.on('caughtUp', () => push({ kind: 'caughtUp' }));
  subscription.on('error', (error: Error) => {
    failure = wrapError(error);
    notify?.();
  });
  subscription.on('end', () => {
    ended = true;
    notify?.();
  });
  subscription.on('close', () => {
    ended = true;
    notify?.();
  });
  if (filtered) {
    // Checkpoints are only sent to filtered subscriptions; they arrive through the filter's callback.
    checkpointSinks.set(subscription, (position) => push({ kind: 'checkpoint', position }));
  }
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const item = queue.shift();
        if (item !== undefined) {
          if (queue.length < 64 && subscription.isPaused()) subscription.resume();
          yield item;
          continue;
        }
        if (failure !== null) throw failure;
        if (ended) return;
        await new Promise<void>((resolve) => (notify = resolve));
        notify = null;
      }
    },
    async close() {
      ended = true;
      notify?.();
      await subscription.unsubscribe();
    },
  };
}

const checkpointSinks = new WeakMap<AllStreamSubscription, (position: Position) => void>();

export class GrpcEsdbClient implements EsdbClient {
  constructor(private readonly client: EventStoreDBClient) {}

  async append(
    streamId: string,
    events: readonly EsdbEventData[],
    expected: EsdbExpectedRevision,
    deadlineMs?: number,
  ): Promise<{ nextRevision: bigint }> {
    const expectedRevision = expected === 'any' ? ANY : expected === 'no_stream' ? NO_STREAM : expected;
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((event) =>
          jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: event.metadata as JSONType }),
        ),
        { expectedRevision, ...(deadlineMs !== undefined && { deadline: deadlineMs }) },
      );
      return { nextRevision: result.nextExpectedRevision };
    } catch (error) {
      throw wrapError(error);
    }
  }

  async readStream(
    streamId: string,
    options: { from: bigint | 'start' | 'end'; maxCount: number; direction: 'forwards' | 'backwards' },
  ): Promise<EsdbRecordedEvent[]> {
    const out: EsdbRecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        fromRevision: options.from === 'start' ? START : options.from === 'end' ? END : options.from,
        maxCount: options.maxCount,
        direction: options.direction === 'forwards' ? FORWARDS : BACKWARDS,
      });
      for await (const resolved of read) {
        const event = toRecorded(resolved);
        if (event !== null) out.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw wrapError(error);
    }
    return out;
  }

  async readAll(options: {
    from: 'start' | 'end' | Position;
    maxCount: number;
    direction: 'forwards' | 'backwards';
  }): Promise<EsdbRecordedEvent[]> {
    const out: EsdbRecordedEvent[] = [];
    try {
      const read = this.client.readAll({
        fromPosition: options.from === 'start' ? START : options.from === 'end' ? END : options.from,
        maxCount: options.maxCount,
        direction: options.direction === 'forwards' ? FORWARDS : BACKWARDS,
      });
      for await (const resolved of read) {
        const event = toRecorded(resolved);
        if (event !== null) out.push(event);
      }
    } catch (error) {
      throw wrapError(error);
    }
    return out;
  }

  subscribeToAll(options: { from: 'start' | Position; filter?: EsdbFilter }): EsdbSubscriptionHandle {
    let filter: Filter | undefined;
    if (options.filter !== undefined) {
      filter = {
        ...toFilter(options.filter),
        checkpointReached: (_sub, position) => {
          checkpointSinks.get(subscription)?.(position);
        },
      };
    }
    // The checkpoint callback above runs only once the subscription exists.
    const subscription: AllStreamSubscription = this.client.subscribeToAll({
      fromPosition: options.from === 'start' ? START : options.from,
      ...(filter !== undefined && { filter }),
    });
    return subscriptionItems(subscription, filter !== undefined);
  }

  async ping(deadlineMs: number): Promise<void> {
    try {
      const read = this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1, deadline: deadlineMs });
      for await (const _ of read) break;
    } catch (error) {
      throw wrapError(error);
    }
  }

  dispose(): Promise<void> {
    return this.client.dispose();
  }
}

export interface EventStoreDbConnectOptions extends EventStoreDbEventStoreOptions {
  /** esdb://host:2113?tls=false, or esdb+discover://… for a cluster. */
  connectionString: string;
  /** A server that does not answer within this delay is an error at start, not a hang (default 5 s). */
  connectTimeoutMs?: number;
}

/** Connects, checks the server answers within the deadline, and returns the adapter. */
export async function connectEventStoreDb(options: EventStoreDbConnectOptions): Promise<EventStoreDbEventStore> {
  const { connectionString, connectTimeoutMs = 5_000, ...storeOptions } = options;
  let raw: EventStoreDBClient;
  try {
    raw = EventStoreDBClient.connectionString(connectionString);
  } catch (error) {
    throw new EventStoreError('STORE_UNAVAILABLE', `invalid EventStoreDB connection string: ${(error as Error).message}`);
  }
  const client = new GrpcEsdbClient(raw);
  try {
    // gRPC channels connect lazily and retry forever: the deadline turns "unreachable" into an error.
    await withTimeout(client.ping(connectTimeoutMs), connectTimeoutMs + 1_000);
  } catch (error) {
    await client.dispose().catch(() => undefined);
    throw new EventStoreError('STORE_UNAVAILABLE', `EventStoreDB unreachable at ${redact(connectionString)}: ${(error as Error).message}`);
  }
  return new EventStoreDbEventStore(client, storeOptions);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Connection strings may carry user:password. */
export function redact(connectionString: string): string {
  return connectionString.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
