import {
  EsdbAppendTooLarge,
  EsdbUnavailable,
  EsdbWrongExpectedVersion,
  type EsdbClient,
  type EsdbEventData,
  type EsdbExpectedRevision,
  type EsdbFilter,
  type EsdbPosition,
  type EsdbReadFrom,
  type EsdbRecordedEvent,
  type EsdbSubscriptionHandle,
  type EsdbSubscriptionItem,
} from '../eventstoredb-wire.js';

/**
 * An in-memory stand-in for an EventStoreDB node, faithful where the adapter depends on it:
 * byte-offset `$all` positions (commit = prepare, sparse), revisions and expected-revision
 * checks, EventStoreDB's own duplicate detection by event id at the expected place, system
 * events interleaved in `$all`, inclusive forward / exclusive backward `$all` reads, exclusive
 * subscription starts, server-side filters, caught-up markers — and subscriptions that can be
 * dropped mid-stream, as on a leader failover.
 */
export class FakeEventStoreDbClient implements EsdbClient {
  private readonly log: EsdbRecordedEvent[] = [];
  private readonly streams = new Map<string, EsdbRecordedEvent[]>();
  private readonly live = new Set<LiveSubscription>();
  private offset = 1_000n;
  private appends = 0;
  /** Makes the next subscriptions also redeliver the event at their start position (an at-least-once server). */
  redeliverStart = false;
  unreachable = false;
  maxAppendBytes = 4 * 1024 * 1024;
  subscriptionsOpened = 0;
  /** Write a `$statistics`-like system event after every n-th append. */
  systemEventEvery = 7;

  async append(streamId: string, events: readonly EsdbEventData[], expected: EsdbExpectedRevision): Promise<{ nextRevision: bigint }> {
    this.assertReachable();
    // Let concurrent callers interleave between calls, as on the wire; the write itself is atomic.
    await Promise.resolve();
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length - 1;
    const wire = events.map((e) => ({ ...e, data: roundTrip(e.data), metadata: roundTrip(e.metadata) }));
    const bytes = wire.reduce((sum, e) => sum + JSON.stringify(e.data).length + JSON.stringify(e.metadata).length, 0);
    if (bytes > this.maxAppendBytes) throw new EsdbAppendTooLarge(`append of ${bytes} bytes exceeds ${this.maxAppendBytes}`);
    const duplicateFrom = this.idempotentAt(stream, wire, expected);
    if (duplicateFrom !== null) return { nextRevision: BigInt(duplicateFrom + wire.length - 1) };
    if (expected !== 'any' && BigInt(current) !== (expected === 'no_stream' ? -1n : expected)) {
      throw new EsdbWrongExpectedVersion(streamId, current < 0 ? 'no_stream' : BigInt(current));
    }
    for (const event of wire) this.record(streamId, stream, event);
    this.streams.set(streamId, stream);
    if (++this.appends % this.systemEventEvery === 0) {
      const stats = this.streams.get('$stats-127.0.0.1:2113') ?? [];
      this.record('$stats-127.0.0.1:2113', stats, { id: crypto.randomUUID(), type: '$statsCollected', data: {}, metadata: {} });
      this.streams.set('$stats-127.0.0.1:2113', stats);
    }
    return { nextRevision: BigInt(stream.length - 1) };
  }

  /** EventStoreDB treats re-sent ids at the expected place (or anywhere, for ANY) as a duplicate write. */
  private idempotentAt(stream: EsdbRecordedEvent[], events: EsdbEventData[], expected: EsdbExpectedRevision): number | null {
    const matchesAt = (from: number): boolean => events.every((e, i) => stream[from + i]?.id === e.id);
    if (expected === 'any') {
      const at = stream.findIndex((e) => e.id === events[0]?.id);
      return at >= 0 && matchesAt(at) ? at : null;
    }
    const from = expected === 'no_stream' ? 0 : Number(expected) + 1;
    return from < stream.length && matchesAt(from) ? from : null;
  }

  private record(streamId: string, stream: EsdbRecordedEvent[], event: EsdbEventData): void {
    const position = { commit: this.offset, prepare: this.offset };
    this.offset += BigInt(100 + JSON.stringify(event.data).length);
    const recorded: EsdbRecordedEvent = {
      streamId,
      id: event.id,
      revision: BigInt(stream.length),
      type: event.type,
      created: new Date(),
      isJson: true,
      data: event.data,
      metadata: event.metadata,
      position,
    };
    stream.push(recorded);
    this.log.push(recorded);
    for (const subscription of this.live) subscription.offer(recorded);
  }

  async readStream(
    streamId: string,
    options: { from: bigint | 'start' | 'end'; maxCount: number; direction: 'forwards' | 'backwards' },
  ): Promise<EsdbRecordedEvent[]> {
    this.assertReachable();
    const stream = this.streams.get(streamId) ?? [];
    if (options.direction === 'forwards') {
      const from = options.from === 'start' ? 0 : options.from === 'end' ? stream.length : Number(options.from);
      return stream.slice(from, from + options.maxCount);
    }
    const from = options.from === 'end' ? stream.length - 1 : options.from === 'start' ? 0 : Number(options.from);
    return stream.slice(Math.max(0, from - options.maxCount + 1), from + 1).reverse();
  }

  async readAll(options: { from: EsdbReadFrom; maxCount: number; direction: 'forwards' | 'backwards' }): Promise<EsdbRecordedEvent[]> {
    this.assertReachable();
    if (options.direction === 'forwards') {
      const start =
        options.from === 'start'
          ? 0
          : options.from === 'end'
            ? this.log.length
            : this.log.findIndex((e) => compare(e.position!, options.from as EsdbPosition) >= 0);
      return start < 0 ? [] : this.log.slice(start, start + options.maxCount);
    }
    const before =
      options.from === 'end'
        ? this.log.length
        : options.from === 'start'
          ? 0
          : this.log.filter((e) => compare(e.position!, options.from as EsdbPosition) < 0).length;
    return this.log.slice(Math.max(0, before - options.maxCount), before).reverse();
  }

  subscribeToAll(options: { from: 'start' | EsdbPosition; filter?: EsdbFilter }): EsdbSubscriptionHandle {
    this.assertReachable();
    this.subscriptionsOpened++;
    const from = options.from;
    const inclusive = this.redeliverStart;
    const backlog = this.log.filter(
      (e) => from === 'start' || (inclusive ? compare(e.position!, from) >= 0 : compare(e.position!, from) > 0),
    );
    const subscription = new LiveSubscription(backlog, options.filter, () => this.live.delete(subscription));
    this.live.add(subscription);
    return subscription;
  }

  /** Ends every open subscription with an error, as a leader failover does. */
  dropSubscriptions(error: Error = new EsdbUnavailable('leader changed')): void {
    for (const subscription of [...this.live]) subscription.fail(error);
  }

  get openSubscriptions(): number {
    return this.live.size;
  }

  async ping(): Promise<void> {
    this.assertReachable();
  }

  async dispose(): Promise<void> {
    for (const subscription of [...this.live]) await subscription.close();
  }

  private assertReachable(): void {
    if (this.unreachable) throw new EsdbUnavailable('connect ECONNREFUSED');
  }
}

function roundTrip(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function compare(a: EsdbPosition, b: EsdbPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

function passes(filter: EsdbFilter | undefined, event: EsdbRecordedEvent): boolean {
  if (filter === undefined) return true;
  if (filter.on === 'eventType') return new RegExp(filter.regex).test(event.type);
  return filter.prefixes.some((prefix) => event.streamId.startsWith(prefix));
}

class LiveSubscription implements EsdbSubscriptionHandle {
  private readonly queue: EsdbSubscriptionItem[];
  private failure: Error | null = null;
  private ended = false;
  private wake: (() => void) | null = null;

  constructor(
    backlog: EsdbRecordedEvent[],
    private readonly filter: EsdbFilter | undefined,
    private readonly onEnd: () => void,
  ) {
    this.queue = backlog.filter((e) => passes(filter, e)).map((event) => ({ kind: 'event' as const, event }));
    this.queue.push({ kind: 'caughtUp' });
  }

  offer(event: EsdbRecordedEvent): void {
    if (this.ended || !passes(this.filter, event)) return;
    this.queue.push({ kind: 'event', event });
    this.wake?.();
  }

  fail(error: Error): void {
    this.failure = error;
    this.ended = true;
    this.onEnd();
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<EsdbSubscriptionItem> {
    for (;;) {
      // A drop loses what the server had not yet delivered: only the client's resubscription recovers it.
      if (this.failure !== null) throw this.failure;
      const item = this.queue.shift();
      if (item !== undefined) {
        yield item;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }

  async close(): Promise<void> {
    this.ended = true;
    this.onEnd();
    this.wake?.();
  }
}
