import { createEventStore, type EventStore, type EventStoreConfig } from '@clas/event-store';
import { ReadDatabase, type ReadDatabaseConfig } from '../read-models/read-database.js';
import { Projector, type ProjectorOptions } from './projector.js';
import type { ReadModelProjection } from './read-model-projection.js';

export interface RebuildOptions {
  /** An open store (left open) or its configuration (opened and closed here). */
  store: EventStore | EventStoreConfig;
  /** An open read database (left open) or its configuration. */
  readDb: ReadDatabase | ReadDatabaseConfig;
  projection: ReadModelProjection;
  /** Rebuilds favour big batches: fewer state writes per key. Default 20 000. */
  batchSize?: number;
  cacheSize?: number;
  /** Commit at most this often (ms): each commit serialises every state changed since the last. Default 60 000. */
  flushIntervalMs?: number;
  signal?: AbortSignal;
  projectorOptions?: Omit<ProjectorOptions, 'batchSize' | 'cacheSize'>;
}

export interface RebuildProgress {
  position: number;
  head: number;
  events: number;
  elapsedMs: number;
  eventsPerSec: number;
  /** Seconds left at the current rate; null before the first batch. */
  etaSeconds: number | null;
  done: boolean;
}

export interface RebuildResult {
  position: number;
  events: number;
  elapsedMs: number;
  eventsPerSec: number;
}

function isEventStore(value: EventStore | EventStoreConfig): value is EventStore {
  return typeof (value as EventStore).readAllPage === 'function';
}

/**
 * Truncate-and-replay of a projection from the start of the log up to the head seen when it
 * begins. Used by `npm run rebuild`, the CLI, the bench and the tests. The live projector must
 * not run against the same read database meanwhile (it would see its checkpoint reset).
 */
export async function rebuildReadModels(options: RebuildOptions, onProgress: (progress: RebuildProgress) => void = () => undefined): Promise<RebuildResult> {
  const store = isEventStore(options.store) ? options.store : await createEventStore(options.store);
  const db = options.readDb instanceof ReadDatabase ? options.readDb : await ReadDatabase.open(options.readDb);
  try {
    const projector = new Projector(store, db, options.projection, {
      ...options.projectorOptions,
      batchSize: options.batchSize ?? 20_000,
      deriveIntervalMs: Number.POSITIVE_INFINITY,
      flushIntervalMs: options.flushIntervalMs ?? 60_000,
      ...(options.cacheSize !== undefined && { cacheSize: options.cacheSize }),
    });
    await projector.start();
    await projector.reset();
    const head = await store.headPosition();
    const started = performance.now();
    let events = 0;
    const progress = (done: boolean): RebuildProgress => {
      const elapsedMs = performance.now() - started;
      const eventsPerSec = elapsedMs > 0 ? (events * 1000) / elapsedMs : 0;
      const left = Math.max(0, head - projector.position);
      return { position: projector.position, head, events, elapsedMs, eventsPerSec, etaSeconds: eventsPerSec > 0 ? left / eventsPerSec : null, done };
    };
    onProgress(progress(false));
    await projector.catchUp({
      until: head,
      ...(options.signal && { signal: options.signal }),
      onBatch: (report) => {
        events += report.events;
        onProgress(progress(false));
      },
    });
    const last = progress(true);
    onProgress(last);
    return { position: last.position, events, elapsedMs: last.elapsedMs, eventsPerSec: last.eventsPerSec };
  } finally {
    if (!(options.readDb instanceof ReadDatabase)) await db.close();
    if (!isEventStore(options.store)) await store.close();
  }
}
