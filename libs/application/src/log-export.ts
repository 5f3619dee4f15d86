import type { EventStore, NewEvent, StoredEvent } from '@clas/event-store';

/**
 * The whole log as NDJSON, one stored envelope per line, in global order. Events come out as
 * the store reads them, i.e. already upcast to their current schema version.
 */
export async function* exportLog(store: EventStore): AsyncIterable<string> {
  for await (const event of store.readAll()) yield JSON.stringify(event);
}

export interface RestoreTotals {
  events: number;
  appends: number;
  /** Appends the store recognised as already restored (same event ids or commandId). */
  duplicates: number;
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
    const events: NewEvent[] = batch.map((e) => ({ eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, data: e.data, occurredAt: e.occurredAt, metadata: e.metadata }));
    const recordedAt = new Map(batch.map((e) => [e.eventId, e.recordedAt]));
    const result = await store.append(first.streamId, events, first.streamVersion === 0 ? 'no_stream' : first.streamVersion - 1, { restoreRecordedAt: recordedAt });
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
      throw new Error(`restore line ${lineNumber}: malformed JSON: ${(error as Error).message}`);
    }
    if (typeof event.streamId !== 'string' || typeof event.eventId !== 'string' || !Number.isSafeInteger(event.streamVersion)) {
      throw new Error(`restore line ${lineNumber}: not a stored event envelope`);
    }
    if (batch.length > 0 && batchKey(batch[0]!) !== batchKey(event)) await flush();
    batch.push(event);
  }
  await flush();
  return totals;
}
