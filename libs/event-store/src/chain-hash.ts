import { hash } from 'node:crypto';
import { EventStoreError } from './errors.js';

/**
 * The per-stream hash chain: the one definition of the bytes every adapter, the verifier and
 * the export verifier hash (README.md "Tamper evidence" spells it out for a third party).
 *
 *   hash(v) = SHA-256( hash(v-1) || E(event v) )        hash(-1) = 32 zero bytes
 *   E(e)    = F("clas.event.v1") || F(streamId) || F(eventId) || F(type) || F(schemaVersion)
 *             || F(data) || F(metadata) || F(occurredAt) || F(recordedAt)
 *   F(s)    = uint32 big-endian byte length of UTF-8(s) || UTF-8(s);  numbers in decimal
 *
 * `data` and `metadata` are the stored JSON text, byte for byte (what JSON.stringify wrote).
 * The stream version is not in E: the chain itself fixes it (the event hashed after v-1 is v),
 * which lets PostgreSQL receive E before its transaction has read the stream's version.
 * The global position is not in it either: seals cover the global order (seal.ts).
 */
export const EVENT_HASH_DOMAIN = 'clas.event.v1';
export const HASH_BYTES = 32;

/** The previous hash of a stream's first event. Never mutated (hashing only reads it). */
export const GENESIS_HASH: Buffer = Buffer.alloc(HASH_BYTES);

/** The stored fields of one event that its chain hash covers (with its stream id). */
export interface ChainedFields {
  eventId: string;
  type: string;
  schemaVersion: number;
  /** Exact stored JSON text. */
  data: string;
  metadata: string;
  occurredAt: string;
  recordedAt: string;
}

/** UTF-8 needs at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
function encodedBound(streamId: string, event: ChainedFields): number {
  return (
    9 * 4 +
    EVENT_HASH_DOMAIN.length +
    3 *
      (streamId.length +
        event.eventId.length +
        event.type.length +
        16 +
        event.data.length +
        event.metadata.length +
        event.occurredAt.length +
        event.recordedAt.length)
  );
}

function field(target: Buffer, offset: number, text: string): number {
  const length = target.write(text, offset + 4, 'utf8');
  target.writeUInt32BE(length, offset);
  return offset + 4 + length;
}

/** Writes E(event) at `offset` (the buffer must hold encodedBound bytes from there); returns the end. */
function writeEncoded(streamId: string, event: ChainedFields, target: Buffer, offset: number): number {
  let at = field(target, offset, EVENT_HASH_DOMAIN);
  at = field(target, at, streamId);
  at = field(target, at, event.eventId);
  at = field(target, at, event.type);
  at = field(target, at, String(event.schemaVersion));
  at = field(target, at, event.data);
  at = field(target, at, event.metadata);
  at = field(target, at, event.occurredAt);
  return field(target, at, event.recordedAt);
}

/** F(s1) || F(s2) || …: the framing of the seal payloads (seal.ts) too. */
export function framed(fields: readonly string[]): Buffer {
  const target = Buffer.allocUnsafe(fields.reduce((sum, f) => sum + 4 + 3 * f.length, 0));
  let at = 0;
  for (const f of fields) at = field(target, at, f);
  return target.subarray(0, at);
}

export function sha256(bytes: Uint8Array): Buffer {
  return hash('sha256', bytes, 'buffer');
}

/**
 * Computes chain hashes with one scratch buffer per instance (one instance per store or
 * verifier): no allocation per event but the 32-byte result.
 */
export class EventHasher {
  private scratch = Buffer.allocUnsafe(16 * 1024);

  /** hash(v) = SHA-256(previous || E(event)). */
  next(previous: Uint8Array, streamId: string, event: ChainedFields): Buffer {
    const bound = HASH_BYTES + encodedBound(streamId, event);
    if (bound > this.scratch.length) this.scratch = Buffer.allocUnsafe(Math.max(bound, 2 * this.scratch.length));
    this.scratch.set(previous, 0);
    const end = writeEncoded(streamId, event, this.scratch, HASH_BYTES);
    return sha256(this.scratch.subarray(0, end));
  }

  /** The hashes of consecutive events of one stream, starting after `previous`. */
  chain(previous: Uint8Array, streamId: string, events: readonly ChainedFields[]): Buffer[] {
    const hashes = new Array<Buffer>(events.length);
    let last = previous;
    for (let i = 0; i < events.length; i++) last = hashes[i] = this.next(last, streamId, events[i]!);
    return hashes;
  }
}

/**
 * E(e) of each event, concatenated, with each one's length: what PostgreSQL's append_events
 * receives to compute SHA-256(previous || E) inside the transaction that read `previous`.
 */
export function encodeEvents(streamId: string, events: readonly ChainedFields[]): { payload: Buffer; lengths: number[] } {
  const payload = Buffer.allocUnsafe(events.reduce((sum, e) => sum + encodedBound(streamId, e), 0));
  const lengths = new Array<number>(events.length);
  let at = 0;
  for (let i = 0; i < events.length; i++) {
    const end = writeEncoded(streamId, events[i]!, payload, at);
    lengths[i] = end - at;
    at = end;
  }
  return { payload: payload.subarray(0, at), lengths };
}

/** A stream whose last event carries no chain hash (written around the store): never extended. */
export function unchainedStreamError(streamId: string, version: number): EventStoreError {
  return new EventStoreError('STORE_UNAVAILABLE', `stream ${streamId}: version ${version} carries no chain hash (written outside the store); run \`clas verify\``, {
    streamId,
    version,
  });
}
