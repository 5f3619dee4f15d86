import { hash } from 'node:crypto';
import { EventStoreError } from './errors.js';

/**
 * The per-stream hash chain: the one definition of the bytes every adapter, the verifier and
 * the export verifier hash (README.md "Tamper evidence" spells it out for a third party).
 * One link per append — the events one `append` call wrote together, all of one stream:
 *
 *   hash(A) = SHA-256( hash(A') || E(e1) || … || E(en) )   A' the stream's previous append;
 *                                                          32 zero bytes before its first
 *   E(e)    = L("clas.event.v1", streamId, eventId, type, schemaVersion, data, metadata, occurredAt, recordedAt)
 *   L(f1…fk) = uint32 big-endian byte length of UTF-8(f1), …, of UTF-8(fk), then UTF-8(f1) … UTF-8(fk);
 *             numbers in decimal
 *
 * Every event of A stores hash(A): a verifier finds an append as consecutive events (global
 * order) of one stream carrying the same hash. `data` and `metadata` are the stored JSON text,
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

/** UTF-8 byte length; a JS loop for short strings saves a call into C++. */
function utf8Length(text: string): number {
  if (text.length > 64) return Buffer.byteLength(text, 'utf8');
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Writes L(fields) at `offset` (the caller guarantees boundOf bytes from there), `text` being the
 * fields concatenated: one UTF-8 conversion for all of them. Returns the end.
 */
function writeFields(fields: readonly string[], text: string, target: Buffer, offset: number): number {
  const start = offset + 4 * fields.length;
  const bytes = target.write(text, start, 'utf8');
  // As many bytes as UTF-16 units only when every character is ASCII: lengths are then string lengths.
  const ascii = bytes === text.length;
  for (let i = 0; i < fields.length; i++) target.writeUInt32BE(ascii ? fields[i]!.length : utf8Length(fields[i]!), offset + 4 * i);
  return start + bytes;
}

/** UTF-8 needs at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
const boundOf = (fields: number, text: string): number => 4 * fields + 3 * text.length;

function eventFields(streamId: string, event: ChainedFields): string[] {
  return [EVENT_HASH_DOMAIN, streamId, event.eventId, event.type, String(event.schemaVersion), event.data, event.metadata, event.occurredAt, event.recordedAt];
}

/** L(f1…fk): the encoding of the seal payloads (seal.ts) too. */
export function framed(fields: readonly string[]): Buffer {
  const text = fields.join('');
  const target = Buffer.allocUnsafe(boundOf(fields.length, text));
  return target.subarray(0, writeFields(fields, text, target, 0));
}

export function sha256(bytes: Uint8Array): Buffer {
  return hash('sha256', bytes, 'buffer');
}

/** Writes E(e1)…E(en) from `offset` into a buffer grown as needed; returns it and the end. */
function writeEvents(target: Buffer, offset: number, streamId: string, events: readonly ChainedFields[]): { target: Buffer; end: number } {
  const fields = events.map((event) => eventFields(streamId, event));
  const texts = fields.map((f) => f.join(''));
  const bound = offset + texts.reduce((sum, text) => sum + boundOf(EVENT_FIELDS, text), 0);
  const buffer = bound <= target.length ? target : Buffer.allocUnsafe(Math.max(bound, 2 * target.length));
  let at = offset;
  for (let i = 0; i < events.length; i++) at = writeFields(fields[i]!, texts[i]!, buffer, at);
  return { target: buffer, end: at };
}

const MAX_KEPT_SCRATCH = 4 * 1024 * 1024;

/** Computes chain hashes with one scratch buffer per instance (one per store or verifier). */
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
  return new EventStoreError('STORE_UNAVAILABLE', `stream ${streamId}: version ${version} carries no chain hash (written outside the store); run \`clas verify\``, {
    streamId,
    version,
  });
}
