import type { EventMetadata, NewEvent } from './envelope.js';
import { generateEventId } from './event-id.js';
import { EventStoreError, RecordedTooLateError } from './errors.js';
import {
  DEFAULT_MAX_EVENT_BYTES,
  systemClock,
  type AppendOptions,
  type Clock,
  type EventStoreOptions,
  type ExpectedVersion,
} from './event-store.port.js';

/** An event checked and serialised once, before any adapter touches its database. */
export interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  /** JSON text of data and metadata, exactly what is stored. */
  data: string;
  metadata: string;
  occurredAt: string;
  recordedAt: string;
}

export interface PreparedAppend {
  streamId: string;
  /** -1 = the stream must not exist, n ≥ 0 = its last version must be n, 'any' = no check. */
  expected: number | 'any';
  events: PreparedEvent[];
  /** Distinct metadata.commandId values carried by the events (idempotency keys). */
  commandIds: string[];
  /** For each of commandIds, the metadata of its first event: the fingerprint a retry must match (command-fingerprint.ts). */
  commandMetadata: EventMetadata[];
  /** The first caller-supplied eventId: the cheap probe for a retried append. */
  probeEventId: string | null;
}

export interface PreparationContext {
  clock: Clock;
  maxEventBytes: number;
}

/** The options every adapter shares, with their defaults (systemClock, 1 MiB per event). */
export function preparationContext(options: EventStoreOptions): PreparationContext {
  return { clock: options.clock ?? systemClock, maxEventBytes: options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES };
}

/** The instant an append prepared now is recorded at: what `EventStore.now()` answers. */
export function recordingInstant(context: PreparationContext): string {
  return context.clock.now().toISOString();
}

function invalid(message: string, details: Record<string, unknown> = {}): EventStoreError {
  return new EventStoreError('INVALID_EVENT', message, details);
}

/**
 * `streamVersion()` answers -1 for an unknown stream, so -1 is accepted as "no stream":
 * `append(s, events, await store.streamVersion(s))` then works for new streams too.
 */
export function normaliseExpected(expected: ExpectedVersion): number | 'any' {
  if (expected === 'any') return 'any';
  if (expected === 'no_stream') return -1;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= -1) return expected;
  throw invalid(`invalid expected version: ${String(expected)}`, { expected });
}

export function assertStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw invalid('stream id must be a non-empty string', { streamId });
  }
}

/**
 * JSON.stringify silently turns functions into nothing and NaN/Infinity into null, which
 * would store something other than what the caller holds. It already throws on cycles and
 * BigInt, so this walk runs after it, on a tree known to be finite.
 */
function assertJsonSafe(value: unknown, path: string): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw invalid(`${path} is not a finite number`, { path });
      return;
    case 'object': {
      if (value === null) return;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined) throw invalid(`${path}[${i}] is undefined`, { path });
          assertJsonSafe(item, path);
        }
        return;
      }
      // Dates and other objects with toJSON serialise to what toJSON returns.
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return;
      if (value instanceof Map || value instanceof Set) throw invalid(`${path} is a Map or Set`, { path });
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        // An undefined property is simply absent in JSON, as in the caller's own JSON view.
        if (item !== undefined) assertJsonSafe(item, path);
      }
      return;
    }
    default:
      throw invalid(`${path} holds a ${typeof value}, which JSON cannot carry`, { path });
  }
}

function serialise(value: unknown, path: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw invalid(`${path} is not JSON-serialisable: ${(error as Error).message}`, { path });
  }
  if (json === undefined) throw invalid(`${path} is not JSON-serialisable`, { path });
  assertJsonSafe(value, path);
  return json;
}

function isInstant(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && !Number.isNaN(Date.parse(value));
}

/**
 * Checks and serialises a whole append before the adapter opens a transaction, so every
 * refusal happens before anything is written.
 */
export function prepareAppend(
  streamId: string,
  events: readonly NewEvent[],
  expectedVersion: ExpectedVersion,
  options: AppendOptions | undefined,
  context: PreparationContext,
): PreparedAppend {
  assertStreamId(streamId);
  const expected = normaliseExpected(expectedVersion);
  if (!Array.isArray(events)) throw invalid('events must be an array');
  const restore = options?.restoreRecordedAt;
  // One instant per append: the events of one command are recorded together.
  const recordedAt = recordingInstant(context);
  const notAfter = options?.recordedNotAfter;
  if (notAfter !== undefined) {
    if (!isInstant(notAfter)) throw invalid('recordedNotAfter must be an ISO instant', { recordedNotAfter: notAfter });
    if (Date.parse(recordedAt) > Date.parse(notAfter)) throw new RecordedTooLateError(recordedAt, notAfter);
  }
  const prepared: PreparedEvent[] = new Array(events.length);
  const commandIds: string[] = [];
  const commandMetadata: EventMetadata[] = [];
  const seenIds = new Set<string>();
  let probeEventId: string | null = null;
  // Events of one command usually share occurredAt and metadata: check each distinct one once.
  let checkedOccurredAt: unknown;
  let lastMetadataIn: unknown;
  let lastMetadataJson = '';
  // UTF-8 needs at most 3 bytes per UTF-16 unit, so short events skip the byte count.
  const maxUnitsWithoutCount = Math.floor(context.maxEventBytes / 3);

  for (let i = 0; i < events.length; i++) {
    const event = events[i] as NewEvent | undefined;
    if (event === null || typeof event !== 'object') throw invalid(`event ${i} is not an object`);
    if (typeof event.type !== 'string' || event.type.length === 0) throw invalid(`event ${i}: type must be a non-empty string`);
    const schemaVersion = event.schemaVersion ?? 1;
    if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) throw invalid(`event ${i}: schemaVersion must be a positive integer`);
    if (event.occurredAt !== checkedOccurredAt) {
      if (!isInstant(event.occurredAt)) throw invalid(`event ${i}: occurredAt must be an ISO instant`);
      checkedOccurredAt = event.occurredAt;
    }
    const metadataIn = event.metadata;
    if (metadataIn === null || typeof metadataIn !== 'object' || Array.isArray(metadataIn)) {
      throw invalid(`event ${i}: metadata must be an object`);
    }

    let eventId = event.eventId;
    if (eventId === undefined) {
      eventId = generateEventId();
    } else {
      if (typeof eventId !== 'string' || eventId.length === 0) throw invalid(`event ${i}: eventId must be a non-empty string`);
      if (probeEventId === null) probeEventId = eventId;
    }
    if (seenIds.has(eventId)) throw invalid(`event ${i}: eventId ${eventId} appears twice in one append`);
    seenIds.add(eventId);

    let metadata = metadataIn;
    let eventRecordedAt = recordedAt;
    if (restore !== undefined) {
      const kept = restore.get(eventId);
      if (!isInstant(kept)) throw invalid(`event ${i}: restore needs the original recordedAt of event ${eventId}`);
      eventRecordedAt = kept;
      metadata = { ...metadataIn, restored: true };
    } else if (metadataIn.restored !== undefined) {
      // Only the restore path may claim a kept recordedAt.
      throw invalid(`event ${i}: metadata.restored is set by the store's restore path only`);
    }

    const commandId = metadata.commandId;
    if (commandId !== undefined) {
      if (typeof commandId !== 'string' || commandId.length === 0)
        throw invalid(`event ${i}: metadata.commandId must be a non-empty string`);
      if (!commandIds.includes(commandId)) {
        commandIds.push(commandId);
        commandMetadata.push(metadata);
      }
    }
    for (const field of ['commandType', 'payloadHash'] as const) {
      const value = metadata[field];
      if (value !== undefined && (typeof value !== 'string' || value.length === 0))
        throw invalid(`event ${i}: metadata.${field} must be a non-empty string`);
    }

    const data = serialise(event.data, `event ${i} data`);
    let metadataJson = lastMetadataJson;
    if (metadata !== lastMetadataIn) {
      metadataJson = serialise(metadata, `event ${i} metadata`);
      // Only a caller's object is reused; the restore path builds a fresh one per event.
      lastMetadataIn = metadata === metadataIn ? metadata : undefined;
      lastMetadataJson = metadataJson;
    }
    const bytes =
      data.length + metadataJson.length <= maxUnitsWithoutCount
        ? 0
        : Buffer.byteLength(data, 'utf8') + Buffer.byteLength(metadataJson, 'utf8');
    if (bytes > context.maxEventBytes) {
      throw new EventStoreError('EVENT_TOO_LARGE', `event ${i} (${event.type}) is ${bytes} bytes, limit ${context.maxEventBytes}`, {
        index: i,
        bytes,
        maxEventBytes: context.maxEventBytes,
      });
    }
    prepared[i] = {
      eventId,
      type: event.type,
      schemaVersion,
      data,
      metadata: metadataJson,
      occurredAt: event.occurredAt,
      recordedAt: eventRecordedAt,
    };
  }
  return { streamId, expected, events: prepared, commandIds, commandMetadata, probeEventId };
}
