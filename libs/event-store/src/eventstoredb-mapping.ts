import { createHash } from 'node:crypto';
import type { EventMetadata, StoredEvent } from './envelope.js';
import { EventStoreError } from './errors.js';
import type { PreparedEvent } from './event-preparation.js';
import type { ChainRecord } from './tamper-evidence.port.js';
import type { EsdbEventData, EsdbExpectedRevision, EsdbFilter, EsdbPosition, EsdbRecordedEvent } from './eventstoredb-wire.js';

/**
 * Pure translations between our envelope and EventStoreDB's records (unit-tested without a
 * server). See docs/production.md and libs/event-store/README.md for the reasoning.
 */

/** Streams the adapter keeps for itself (idempotency keys); user appends may not use them. */
export const RESERVED_STREAM_PREFIX = 'clas-idempotency-';
/** The seals of a store (tamper evidence) live in one stream of their own, hidden like the keys. */
export const SEAL_STREAM_PREFIX = 'clas-seals-';
export const SEAL_EVENT_TYPE = 'clas.LogSealed';

export function sealStreamOf(namespace: string): string {
  return `${SEAL_STREAM_PREFIX}${namespace}log`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Our versions are ESDB revisions (both 0-based); -1 (our "no stream") is NO_STREAM. */
export function toExpectedRevision(expected: number | 'any'): EsdbExpectedRevision {
  if (expected === 'any') return 'any';
  if (expected === -1) return 'no_stream';
  return BigInt(expected);
}

/** ESDB reports a missing stream as 'no_stream'; the port's actualVersion is then -1. */
export function fromCurrentRevision(actual: bigint | 'no_stream'): number {
  return actual === 'no_stream' ? -1 : revisionToVersion(actual);
}

export function revisionToVersion(revision: bigint): number {
  if (revision > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new EventStoreError('STORE_UNAVAILABLE', `stream revision ${revision} exceeds 2^53`);
  }
  return Number(revision);
}

/** Sentinel servers older than 22.6 put in the position of stream-read events (no position). */
const NO_POSITION = 2n ** 64n - 1n;

/**
 * `$all` position → the port's numeric globalPosition: the **prepare** position, i.e. the
 * byte offset of the event's own record in the transaction log.
 *
 * Why order is preserved: `$all` is ordered by (commit, prepare). Every gRPC append is one
 * implicit transaction whose records are contiguous in the log (the single storage writer
 * appends them back to back), and the commit of a later append lies after every record of an
 * earlier one; so ordering by prepare alone is the `$all` order, and prepares are distinct,
 * hence strictly increasing. Only legacy TCP *explicit* transactions could interleave
 * prepares of different transactions; this adapter never writes them, and readers check that
 * the mapped position strictly increases (`assertAdvances`) rather than silently misorder.
 *
 * Limit: a JS number is exact up to 2^53 bytes (8 PiB) of log — refused beyond, never rounded.
 * Prepare positions are sparse (gaps of a record's size), which the port allows.
 */
export function positionToGlobal(position: EsdbPosition | undefined): number {
  if (position === undefined || position.prepare === NO_POSITION || position.commit === NO_POSITION) {
    throw new EventStoreError(
      'STORE_UNAVAILABLE',
      'the server reported no $all position for an event (stream reads carry it from EventStoreDB 22.6 on)',
    );
  }
  if (position.prepare > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new EventStoreError(
      'STORE_UNAVAILABLE',
      `$all prepare position ${position.prepare} exceeds 2^53: globalPosition cannot be exact`,
    );
  }
  // The log starts with the epoch record, so no event sits at 0; the port's positions start at 1.
  return Number(position.prepare);
}

/**
 * Where to start reading `$all` to see everything after `globalPosition` (the caller still
 * drops events whose prepare ≤ globalPosition). Starting at the *commit* of the event at or
 * before that prepare is safe in both position models: if commit = prepare it is that event; if
 * commit were the transaction's first record, it re-reads its transaction from the start.
 */
export function startPositionFor(eventAtOrBefore: EsdbPosition): EsdbPosition {
  return { commit: eventAtOrBefore.commit, prepare: eventAtOrBefore.commit };
}

export function assertAdvances(previous: number, next: number): void {
  if (!(next > previous)) {
    throw new EventStoreError('STORE_UNAVAILABLE', `$all position went from ${previous} to ${next}: positions must strictly increase`);
  }
}

/**
 * What we keep in an ESDB event's metadata: our envelope fields ESDB has no slot for. `recordedAt`
 * is the store clock's instant (the port's rule: the store's Clock, restore keeps originals),
 * so it is stored rather than taken from the server's `created`, which stays the fallback for
 * events written by other tools.
 */
export interface EsdbEnvelopeMetadata {
  clas: 1;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  metadata: EventMetadata;
  /** Hex hash of the append (chain-hash.ts), on its last event; absent on the others, and on events of other tools. */
  chain?: string;
}

/** `chain`: the append's hash, given for its last event only (chain-hash.ts). */
export function toEventData(event: PreparedEvent, chain: Buffer | null): EsdbEventData {
  const metadata: EsdbEnvelopeMetadata = {
    clas: 1,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    metadata: JSON.parse(event.metadata) as EventMetadata,
    ...(chain === null ? {} : { chain: chain.toString('hex') }),
  };
  return { id: event.eventId, type: event.type, data: JSON.parse(event.data) as unknown, metadata };
}

function isEnvelopeMetadata(value: unknown): value is EsdbEnvelopeMetadata {
  return typeof value === 'object' && value !== null && (value as { clas?: unknown }).clas === 1;
}

/**
 * The event as the chain hashed it: the client stores data and metadata as the JSON text
 * JSON.stringify wrote, which re-serialising the parsed values gives back byte for byte.
 */
export function toChainRecord(recorded: EsdbRecordedEvent, streamId: string): ChainRecord {
  const event = toStoredEvent(recorded);
  return {
    globalPosition: event.globalPosition,
    streamId,
    streamVersion: event.streamVersion,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.stringify(recorded.data),
    metadata: JSON.stringify(event.metadata),
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    hash: isEnvelopeMetadata(recorded.metadata) && typeof recorded.metadata.chain === 'string' ? recorded.metadata.chain : null,
  };
}

/** The chain hash stored with an event, or null. */
export function chainOf(recorded: EsdbRecordedEvent): Buffer | null {
  const chain = isEnvelopeMetadata(recorded.metadata) ? recorded.metadata.chain : undefined;
  return typeof chain === 'string' ? Buffer.from(chain, 'hex') : null;
}

export function toStoredEvent(recorded: EsdbRecordedEvent): StoredEvent {
  const created = recorded.created.toISOString();
  const envelope = isEnvelopeMetadata(recorded.metadata) ? recorded.metadata : undefined;
  return {
    eventId: recorded.id,
    streamId: recorded.streamId,
    streamVersion: revisionToVersion(recorded.revision),
    globalPosition: positionToGlobal(recorded.position),
    type: recorded.type,
    schemaVersion: envelope?.schemaVersion ?? 1,
    data: recorded.data,
    occurredAt: envelope?.occurredAt ?? created,
    recordedAt: envelope?.recordedAt ?? created,
    // A foreign event (written by another tool) has no actor: say so rather than invent one.
    metadata: envelope?.metadata ?? { actor: 'unknown', role: 'system' },
  };
}

/** System streams/events (`$`…), our idempotency streams and the seals are not part of the port's log. */
export function isUserEvent(recorded: EsdbRecordedEvent): boolean {
  return (
    !recorded.streamId.startsWith('$') &&
    !recorded.type.startsWith('$') &&
    !recorded.streamId.startsWith(RESERVED_STREAM_PREFIX) &&
    !recorded.streamId.startsWith(SEAL_STREAM_PREFIX)
  );
}

export interface LogFilter {
  types?: readonly string[] | undefined;
  streamPrefix?: string | undefined;
}

export function matchesFilter(event: { type: string; streamId: string }, filter: LogFilter): boolean {
  if (filter.types !== undefined && !filter.types.includes(event.type)) return false;
  if (filter.streamPrefix !== undefined && !event.streamId.startsWith(filter.streamPrefix)) return false;
  return true;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The server-side part of a log filter. ESDB filters on one field, so a stream prefix (the
 * narrower, index-friendly one) goes to the server and the type list is re-checked locally;
 * types alone become an anchored regex of exact names.
 */
export function toServerFilter(filter: LogFilter): EsdbFilter | undefined {
  if (filter.streamPrefix !== undefined) return { on: 'streamName', prefixes: [filter.streamPrefix] };
  if (filter.types !== undefined && filter.types.length > 0)
    return { on: 'eventType', regex: `^(?:${filter.types.map(escapeRegex).join('|')})$` };
  return undefined;
}

// RFC 4122 §4.3 name-based UUID (v5, SHA-1) in a namespace of our own.
const NAMESPACE = Buffer.from('6f1c2b9e4a7d4c0e9b3a5d8e2f417c60', 'hex');

/**
 * The id of the index-th event of a command that came without ids: a retry of the same
 * command produces the same ids, so EventStoreDB itself recognises the retried write.
 */
export function commandEventId(commandId: string, index: number): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`${commandId}\u0000${index}`, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 100, maxMs: 10_000, factor: 2 };

/**
 * Delay before retry number `attempt` (0-based): exponential, capped, with "equal jitter"
 * (half fixed, half random) so a cluster's clients do not reconnect in lockstep after a
 * leader failover, yet never retry sooner than half the schedule.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
