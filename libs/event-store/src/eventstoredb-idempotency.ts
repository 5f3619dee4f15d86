import { createHash, randomUUID } from 'node:crypto';
import { EventStoreError } from './errors.js';
import { RESERVED_STREAM_PREFIX, backoffDelay, revisionToVersion } from './eventstoredb-mapping.js';
import { EsdbWrongExpectedVersion, type EsdbClient, type EsdbExpectedRevision } from './eventstoredb-wire.js';

/**
 * Store-wide idempotency on EventStoreDB, which has no secondary index: EventStoreDB only
 * deduplicates a retried write *on the same stream at the same place*. The port promises more
 * (a commandId is unique store-wide; a caller's eventId names one event store-wide), so each
 * idempotency key — every commandId and every caller-supplied eventId of an append — owns a
 * tiny stream `clas-idempotency-…`, and appending to it with NO_STREAM is an atomic
 * "first writer wins" reservation:
 *
 *   Reserved{streamId, eventIds, reservedAt} → (the real append) → Completed{…, versions}
 *                                             ↘ (append failed)   → Released
 *
 * A loser waits for the winner's Completed (then answers the original result) or Released
 * (then reserves again, expecting that revision). A holder that crashed leaves Reserved: once
 * its lease is over, whoever meets it looks for the reserved event ids in the target stream
 * and records Completed or Released on its behalf (optimistically, so settlers agree).
 * The holder's own append carries a gRPC deadline well inside the lease, so it cannot still
 * be writing when a settler decides. Costs one small append per key before and after the
 * write; store-generated ids (UUIDv7, unique by construction) need no key.
 */

export interface IdempotencyKey {
  kind: 'command' | 'event';
  stream: string;
}

export interface OriginalAppend {
  streamId: string;
  eventIds: string[];
  firstVersion: number;
  lastVersion: number;
}

export type GuardedOutcome =
  { kind: 'written'; firstVersion: number; lastVersion: number } | { kind: 'original'; key: IdempotencyKey; original: OriginalAppend };

const RESERVED = 'clas.KeyReserved';
const COMPLETED = 'clas.KeyCompleted';
const RELEASED = 'clas.KeyReleased';
const MAX_ROUNDS = 10;
/** How far back a settler looks for a crashed holder's events. */
const SETTLE_SCAN = 10_000;

/** Keys live in the store's namespace: two namespaces are two stores, sharing no key. */
export function commandKey(commandId: string, namespace = ''): IdempotencyKey {
  // Hashed: a commandId is any string, a stream name should stay short and plain.
  return {
    kind: 'command',
    stream: `${RESERVED_STREAM_PREFIX}${namespace}c-${createHash('sha256').update(commandId, 'utf8').digest('hex').slice(0, 40)}`,
  };
}

export function eventKey(eventId: string, namespace = ''): IdempotencyKey {
  return { kind: 'event', stream: `${RESERVED_STREAM_PREFIX}${namespace}e-${eventId.toLowerCase()}` };
}

interface ReservedData {
  streamId: string;
  eventIds: string[];
  reservedAt: number;
}

type KeyState = { kind: 'free'; expected: EsdbExpectedRevision } | { kind: 'completed'; original: OriginalAppend };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class IdempotencyGuard {
  constructor(
    private readonly client: EsdbClient,
    /** A reservation older than this without an outcome is presumed abandoned. */
    readonly leaseMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async run(
    keys: readonly IdempotencyKey[],
    streamId: string,
    eventIds: readonly string[],
    write: () => Promise<{ firstVersion: number; lastVersion: number }>,
  ): Promise<GuardedOutcome> {
    const expected = new Map<string, EsdbExpectedRevision>(keys.map((key) => [key.stream, 'no_stream']));
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const reserved: ReservedData = { streamId, eventIds: [...eventIds], reservedAt: this.now() };
      const attempts = await Promise.all(keys.map((key) => this.reserve(key, expected.get(key.stream)!, reserved)));
      const held = keys.flatMap((key, i) => (attempts[i] !== null ? [{ key, revision: attempts[i]! }] : []));
      if (held.length === keys.length) {
        let written: { firstVersion: number; lastVersion: number };
        try {
          written = await write();
        } catch (error) {
          await this.finish(held, RELEASED, {});
          throw error;
        }
        await this.finish(held, COMPLETED, { streamId, eventIds: [...eventIds], ...written });
        return { kind: 'written', ...written };
      }
      await this.finish(held, RELEASED, {});
      // Command keys first: a retried command answers its original result wherever it went.
      const conflicts = keys.filter((_, i) => attempts[i] === null).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'command' ? -1 : 1));
      for (const key of conflicts) {
        const state = await this.settle(key);
        if (state.kind === 'completed') return { kind: 'original', key, original: state.original };
        expected.set(key.stream, state.expected);
      }
    }
    throw new EventStoreError('STORE_UNAVAILABLE', `idempotency keys of an append to ${streamId} kept changing hands`);
  }

  /**
   * The append that used this key, or null when none did: waits for a holder writing right
   * now, and settles one abandoned past its lease, exactly as an append meeting the key would.
   */
  async lookup(key: IdempotencyKey): Promise<OriginalAppend | null> {
    const state = await this.settle(key);
    return state.kind === 'completed' ? state.original : null;
  }

  /** The reservation's revision, or null when another append holds (or held) the key. */
  private async reserve(key: IdempotencyKey, expected: EsdbExpectedRevision, data: ReservedData): Promise<bigint | null> {
    try {
      const { nextRevision } = await this.client.append(key.stream, [{ id: randomUUID(), type: RESERVED, data, metadata: {} }], expected);
      return nextRevision;
    } catch (error) {
      if (error instanceof EsdbWrongExpectedVersion) return null;
      throw error;
    }
  }

  /**
   * Best effort: if recording the outcome fails, the key stays Reserved and the next append
   * meeting it settles it from the target stream after the lease.
   */
  private async finish(held: readonly { key: IdempotencyKey; revision: bigint }[], type: string, data: object): Promise<void> {
    await Promise.all(
      held.map(({ key, revision }) =>
        this.client.append(key.stream, [{ id: randomUUID(), type, data, metadata: {} }], revision).catch(() => undefined),
      ),
    );
  }

  private async settle(key: IdempotencyKey): Promise<KeyState> {
    for (let attempt = 0; ; attempt++) {
      const [last] = await this.client.readStream(key.stream, { from: 'end', maxCount: 1, direction: 'backwards' });
      if (last === undefined) return { kind: 'free', expected: 'no_stream' };
      if (last.type === COMPLETED) return { kind: 'completed', original: last.data as OriginalAppend };
      if (last.type === RELEASED) return { kind: 'free', expected: last.revision };
      const reserved = last.data as ReservedData;
      const age = this.now() - reserved.reservedAt;
      if (age < this.leaseMs) {
        // The holder is writing right now: its outcome is milliseconds away.
        await sleep(Math.min(backoffDelay(attempt, { initialMs: 10, maxMs: 250, factor: 2 }), this.leaseMs - age));
        continue;
      }
      const written = await this.findWritten(reserved);
      const outcome = written === null ? { type: RELEASED, data: {} } : { type: COMPLETED, data: written };
      try {
        const { nextRevision } = await this.client.append(key.stream, [{ id: randomUUID(), ...outcome, metadata: {} }], last.revision);
        return written === null ? { kind: 'free', expected: nextRevision } : { kind: 'completed', original: written };
      } catch (error) {
        // Another settler recorded the outcome first: read it.
        if (!(error instanceof EsdbWrongExpectedVersion)) throw error;
      }
    }
  }

  /** Did an abandoned holder's append reach its stream? Its events carry the reserved ids in order. */
  private async findWritten(reserved: ReservedData): Promise<OriginalAppend | null> {
    const recent = await this.client.readStream(reserved.streamId, { from: 'end', maxCount: SETTLE_SCAN, direction: 'backwards' });
    const ids = reserved.eventIds;
    const firstAt = recent.findIndex((event) => event.id === ids[0]);
    if (firstAt < 0) return null;
    // `recent` is newest first: the append's events sit at firstAt, firstAt-1, …
    const all = ids.every((id, i) => recent[firstAt - i]?.id === id);
    if (!all) return null;
    const firstVersion = revisionToVersion(recent[firstAt]!.revision);
    return { streamId: reserved.streamId, eventIds: [...ids], firstVersion, lastVersion: firstVersion + ids.length - 1 };
  }
}
