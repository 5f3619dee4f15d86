import { hash } from 'node:crypto';
import { EventStoreError } from './errors.js';

/**
 * The per-stream hash chain: the one definition of the bytes every adapter, the verifier and
 * the export verifier hash (README.md "Tamper evidence" spells it out for a third party).
 * One link per append — the events one `append` call wrote together, all of one stream:
 *
 *   hash(A) = SHA-256( hash(A') || E(e1) || … || E(en) )   A' the stream's previous append;
 *                                                          32 zero bytes before its first
 *   E(e)    = L("clas.event.v1", streamId, eventId, type, schemaVersion, occurredAt, recordedAt, metadata, data)
 *   L(f1…fk) = uint32 big-endian byte length of UTF-8(f1), …, of UTF-8(fk), then UTF-8(f1) … UTF-8(fk);
 *             numbers in decimal
 *
 * The last event of A stores hash(A), the others none: a verifier reads an append as the
 * consecutive events (global order, versions following) of one stream up to the next one that
 * carries a hash; storing one hash per append also keeps rows as small as without the chain.
 * `data` and `metadata` are the stored JSON text,
 * byte for byte. Versions are not in E: the chain fixes them (what follows v-1 is v), which lets
 * PostgreSQL receive E(e1)…E(en) before its transaction has read the stream's version. Global
 * positions are not in it either: seals cover the global order (seal.ts).
 *
 * Why per append rather than per event: Node's one-shot SHA-256 costs ~1.3 µs a call whatever
 * the size, as much as 10 % of a bare SQLite insert; one call per append keeps the chain's cost
 * to the bytes hashed (bench/store.bench.ts measures it). Commands append 1 to 3 events, so a
 * break is still named within a position or two.
 */
export const EVENT_HASH_DOMAIN = 'clas.event.v1';
export const HASH_BYTES = 32;
const EVENT_FIELDS = 9;

/** The previous hash of a stream's first append. Never mutated (hashing only reads it). */
export const GENESIS_HASH: Buffer = Buffer.alloc(HASH_BYTES);

/** The stored fields of one event that the chain covers (with its stream id). */
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
const eventBound = (streamId: string, e: ChainedFields): number =>
  4 * EVENT_FIELDS +
  3 *
    (EVENT_HASH_DOMAIN.length +
      streamId.length +
      e.eventId.length +
      e.type.length +
      16 +
      e.occurredAt.length +
      e.recordedAt.length +
      e.metadata.length +
      e.data.length);

/**
 * Copies an ASCII string byte by byte (cheaper than a call into C++ for the short fields, which
 * are ASCII in practice); -1 at the first other character, for the caller to write it as UTF-8.
 */
function writeAscii(text: string, target: Buffer, offset: number): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x80) return -1;
    target[offset + i] = unit;
  }
  return text.length;
}

/** Writes one field's length at `lengthAt` and its UTF-8 bytes at `at`; returns the end. */
function writeField(text: string, target: Buffer, lengthAt: number, at: number): number {
  let bytes = text.length <= 64 ? writeAscii(text, target, at) : -1;
  if (bytes < 0) bytes = target.write(text, at, 'utf8');
  target.writeUInt32BE(bytes, lengthAt);
  return at + bytes;
}

/** Writes E(e) at `offset` (eventBound bytes available); returns the end. */
function writeEvent(streamId: string, e: ChainedFields, target: Buffer, offset: number): number {
  let at = offset + 4 * EVENT_FIELDS;
  at = writeField(EVENT_HASH_DOMAIN, target, offset, at);
  at = writeField(streamId, target, offset + 4, at);
  at = writeField(e.eventId, target, offset + 8, at);
  at = writeField(e.type, target, offset + 12, at);
  at = writeField(String(e.schemaVersion), target, offset + 16, at);
  at = writeField(e.occurredAt, target, offset + 20, at);
  at = writeField(e.recordedAt, target, offset + 24, at);
  at = writeField(e.metadata, target, offset + 28, at);
  return writeField(e.data, target, offset + 32, at);
}

/** L(f1…fk): the encoding of the seal payloads (seal.ts) too. */
export function framed(fields: readonly string[]): Buffer {
  const target = Buffer.allocUnsafe(fields.reduce((sum, f) => sum + 4 + 3 * f.length, 0));
  let at = 4 * fields.length;
  for (let i = 0; i < fields.length; i++) at = writeField(fields[i]!, target, 4 * i, at);
  return target.subarray(0, at);
}

export function sha256(bytes: Uint8Array): Buffer {
  return hash('sha256', bytes, 'buffer');
}

/** Writes E(e1)…E(en) from `offset` into a buffer grown as needed; returns it and the end. */
function writeEvents(target: Buffer, offset: number, streamId: string, events: readonly ChainedFields[]): { target: Buffer; end: number } {
  let bound = offset;
  for (let i = 0; i < events.length; i++) bound += eventBound(streamId, events[i]!);
  const buffer = bound <= target.length ? target : Buffer.allocUnsafe(Math.max(bound, 2 * target.length));
  let at = offset;
  for (let i = 0; i < events.length; i++) at = writeEvent(streamId, events[i]!, buffer, at);
  return { target: buffer, end: at };
}

const MAX_KEPT_SCRATCH = 4 * 1024 * 1024;

/**
 * Computes chain hashes with one scratch buffer per instance (one per store or verifier). One
 * one-shot SHA-256 per append: a streaming hash costs ~3 µs more for the one-event appends of
 * commands, for no gain on large ones.
 */
export class EventHasher {
  private scratch: Buffer = Buffer.allocUnsafe(64 * 1024);

  /** hash(A) = SHA-256(previous || E(e1) || … || E(en)) for the events of one append to `streamId`. */
  hashAppend(previous: Uint8Array, streamId: string, events: readonly ChainedFields[]): Buffer {
    const { target, end } = writeEvents(this.scratch, HASH_BYTES, streamId, events);
    // Kept for the next append unless an exceptionally large one grew it.
    if (target.length <= MAX_KEPT_SCRATCH) this.scratch = target;
    target.set(previous, 0);
    return sha256(target.subarray(0, end));
  }
}

/** E(e1) || … || E(en): what PostgreSQL's append_events hashes after the previous hash it reads. */
export function encodeEvents(streamId: string, events: readonly ChainedFields[]): Buffer {
  const { target, end } = writeEvents(Buffer.allocUnsafe(0), 0, streamId, events);
  return target.subarray(0, end);
}

/** A stream whose last event carries no chain hash (written around the store): never extended. */
export function unchainedStreamError(streamId: string, version: number): EventStoreError {
  return new EventStoreError(
    'STORE_UNAVAILABLE',
    `stream ${streamId}: version ${version} carries no chain hash (written outside the store); run \`clas verify\``,
    {
      streamId,
      version,
    },
  );
}
