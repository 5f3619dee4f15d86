import type { ChainRecord, EventStore, NewEvent, Seal, StoredEvent, TamperEvidentLog } from '@clas/event-store';

/**
 * The export format (NDJSON, README.md "Tamper evidence"), one JSON object per line in global order:
 * - an event line: the event exactly as stored (not upcast) — globalPosition, streamId,
 *   streamVersion, eventId, type, schemaVersion, data, metadata, occurredAt, recordedAt — plus
 *   `hash`, its chain hash in hex. `data`/`metadata` are JSON values whose JSON.stringify is the
 *   stored text; were the stored text written otherwise (around the store), the line also
 *   carries it verbatim as `storedData`/`storedMetadata`, so the hash stays checkable.
 * - a seal line `{"seal": {...}}`, right after the event at its `upTo`.
 * Lines of the first format (events without `hash`, no seals) still restore.
 */
export interface ExportedEvent extends StoredEvent {
  hash?: string;
  storedData?: string;
  storedMetadata?: string;
}

export interface ExportedSeal {
  seal: Seal;
}

/** One event line, as exportLog writes it. */
export function exportLine(record: ChainRecord): string {
  const data: unknown = JSON.parse(record.data);
  const metadata: unknown = JSON.parse(record.metadata);
  const line: Record<string, unknown> = {
    globalPosition: record.globalPosition,
    streamId: record.streamId,
    streamVersion: record.streamVersion,
    eventId: record.eventId,
    type: record.type,
    schemaVersion: record.schemaVersion,
    data,
    metadata,
    occurredAt: record.occurredAt,
    recordedAt: record.recordedAt,
    hash: record.hash ?? undefined,
  };
  if (JSON.stringify(data) !== record.data) line.storedData = record.data;
  if (JSON.stringify(metadata) !== record.metadata) line.storedMetadata = record.metadata;
  return JSON.stringify(line);
}

/** The event of an event line as the chain hashed it. */
export function chainRecordOf(event: ExportedEvent): ChainRecord {
  return {
    globalPosition: event.globalPosition,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.storedData ?? JSON.stringify(event.data),
    metadata: event.storedMetadata ?? JSON.stringify(event.metadata),
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    hash: typeof event.hash === 'string' ? event.hash : null,
  };
}

/**
 * The whole visible log with its seals, in global order. The seals are those that existed when
 * the export started; each goes right after the events it covers.
 */
export async function* exportLog(store: TamperEvidentLog): AsyncIterable<string> {
  const lastIndex = (await store.lastSeal())?.index ?? 0;
  let buffered: Seal[] = [];
  let read = 0;
  /** The next seal not yet written, read in pages. */
  const peek = async (): Promise<Seal | undefined> => {
    if (buffered.length === 0 && read < lastIndex) {
      buffered = (await store.readSeals({ after: read, limit: 1000 })).filter((seal) => seal.index <= lastIndex);
      read = buffered.at(-1)?.index ?? lastIndex;
    }
    return buffered[0];
  };
  const sealLine = (): string => JSON.stringify({ seal: buffered.shift() });
  let after = 0;
  for (;;) {
    const page = await store.readChainPage({ after, limit: 1000 });
    for (const record of page.records) {
      while (((await peek())?.upTo ?? Number.POSITIVE_INFINITY) < record.globalPosition) yield sealLine();
      yield exportLine(record);
      while ((await peek())?.upTo === record.globalPosition) yield sealLine();
    }
    if (page.isEnd || page.nextAfter === after) break;
    after = page.nextAfter;
  }
  // Seals beyond the last event (events missing at the end): written, so a verifier sees them fail.
  while ((await peek()) !== undefined) yield sealLine();
}

export interface RestoreTotals {
  events: number;
  appends: number;
  /** Appends the store recognised as already restored (same event ids or commandId). */
  duplicates: number;
}

function isSealLine(line: unknown): line is ExportedSeal {
  return typeof line === 'object' && line !== null && 'seal' in line && !('eventId' in line);
}

/** Events appended together: consecutive, same stream, same command (or, without one, same recording instant). */
const batchKey = (event: StoredEvent): string =>
  `${event.streamId}\u0000${typeof event.metadata.commandId === 'string' ? `c:${event.metadata.commandId}` : `r:${event.recordedAt}`}`;

/**
 * Restores an export into a store, exactly: same event ids, stream versions and recordedAt
 * (metadata.restored = true marks the kept instant). Into an empty store, global positions
 * come out the same as the export's, since the events are appended in the export's order.
 * The events of one command are appended together, so the store's commandId index covers
 * them all (appending them one by one would make the 2nd look like a retry of the 1st).
 * Running it twice is harmless: each batch is recognised as already stored.
 */
export async function restoreLog(lines: AsyncIterable<string> | Iterable<string>, store: EventStore): Promise<RestoreTotals> {
  const totals: RestoreTotals = { events: 0, appends: 0, duplicates: 0 };
  let batch: StoredEvent[] = [];
  let lineNumber = 0;

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const first = batch[0]!;
    const events: NewEvent[] = batch.map((e) => ({
      eventId: e.eventId,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      occurredAt: e.occurredAt,
      metadata: e.metadata,
    }));
    const recordedAt = new Map(batch.map((e) => [e.eventId, e.recordedAt]));
    const result = await store.append(first.streamId, events, first.streamVersion === 0 ? 'no_stream' : first.streamVersion - 1, {
      restoreRecordedAt: recordedAt,
    });
    totals.appends++;
    totals.events += batch.length;
    if (result.duplicate) totals.duplicates++;
    batch = [];
  };

  for await (const raw of lines) {
    lineNumber++;
    const text = raw.trim();
    if (text === '') continue;
    let event: StoredEvent;
    try {
      event = JSON.parse(text) as StoredEvent;
    } catch (error) {
      // A restore is all-or-nothing per line but must not guess: a broken export is an error.
      throw new Error(`restore line ${lineNumber}: malformed JSON: ${(error as Error).message}`, { cause: error });
    }
    // Seals vouch for the exported log; the restored one gets chains (and seals) of its own.
    if (isSealLine(event)) continue;
    if (typeof event.streamId !== 'string' || typeof event.eventId !== 'string' || !Number.isSafeInteger(event.streamVersion)) {
      throw new Error(`restore line ${lineNumber}: not a stored event envelope`);
    }
    if (batch.length > 0 && batchKey(batch[0]!) !== batchKey(event)) await flush();
    batch.push(event);
  }
  await flush();
  return totals;
}
