import { availableParallelism } from 'node:os';
import { createEventStore, type EventStore, type EventStoreConfig } from '@clas/event-store';
import { ReadDatabase, type ReadDatabaseConfig } from '../read-models/read-database.js';
import { CheckpointRepository } from '../read-models/checkpoint.repository.js';
import { acquireWriterLock } from '../read-models/writer-lock.js';
import { Projector, type ProjectorOptions } from './engine/projector.js';
import { projectionSignature, type ReadModelProjection, type RebuildWorkers } from './engine/read-model-projection.js';

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
  /**
   * Worker threads for a projection's own rebuild (default: the machine's cores, at most 4).
   * They need a store they can open themselves: `store` given as a configuration, or
   * `storeConfig`; a ':memory:' store, or running from TypeScript sources, stays in process.
   */
  workers?: number;
  storeConfig?: EventStoreConfig;
  /** Node options of the worker threads (tests: a TypeScript loader, to run them from sources). */
  workerExecArgv?: readonly string[];
  /** Old-space limit of each worker thread, MB (default 128): bounds the rebuild's RSS. */
  workerHeapMb?: number;
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
  /** Worker threads the rebuild used (0: all in this thread). */
  workers: number;
}

function progressOf(started: number, head: number, position: number, events: number, done: boolean): RebuildProgress {
  const elapsedMs = performance.now() - started;
  const eventsPerSec = elapsedMs > 0 ? (events * 1000) / elapsedMs : 0;
  const left = Math.max(0, head - position);
  return { position, head, events, elapsedMs, eventsPerSec, etaSeconds: eventsPerSec > 0 ? left / eventsPerSec : null, done };
}

/**
 * A projection's own (partitioned) rebuild. While it runs, the checkpoint carries a signature no
 * projection has (written by the reset, in the transaction that emptied the tables): a crash
 * mid-way leaves tables that start() truncates and replays, never a half-built set taken for a
 * finished one. The last transaction writes the real checkpoint.
 */
async function ownRebuild(
  store: EventStore,
  db: ReadDatabase,
  options: RebuildOptions,
  head: number,
  started: number,
  onProgress: (progress: RebuildProgress) => void,
): Promise<RebuildResult> {
  const checkpoints = new CheckpointRepository(db);
  const projection = options.projection;
  let applied = 0;
  // Owner by owner there is no position to speak of until the end: the events applied stand for it.
  const progress = (done: boolean): RebuildProgress => progressOf(started, head, done ? head : Math.min(head, applied), applied, done);
  onProgress(progress(false));
  let workers = 0;
  await projection.rebuild!({
    store,
    db,
    head,
    ...(options.signal && { signal: options.signal }),
    ...workersOf(options),
    progress: (events) => {
      applied = events;
      onProgress(progress(false));
    },
    commitCheckpoint: (tx) =>
      checkpoints.write(tx, {
        projection: projection.name,
        version: projection.version,
        signature: projectionSignature(projection),
        position: head,
        updatedAt: new Date().toISOString(),
      }),
    usedWorkers: (count) => {
      workers = count;
    },
  });
  if (options.signal?.aborted === true)
    return { position: 0, events: applied, elapsedMs: performance.now() - started, eventsPerSec: 0, workers };
  applied = Math.max(applied, head);
  const last = progress(true);
  onProgress(last);
  return { position: head, events: last.events, elapsedMs: last.elapsedMs, eventsPerSec: last.eventsPerSec, workers };
}

function workersOf(options: RebuildOptions): { workers?: RebuildWorkers } {
  const config = options.storeConfig ?? (isEventStore(options.store) ? undefined : options.store);
  if (config === undefined || (config.kind === 'sqlite' && config.path === ':memory:')) return {};
  const count = options.workers ?? Math.min(4, availableParallelism());
  if (count < 1) return {};
  return {
    workers: {
      count,
      store: config,
      ...(options.workerExecArgv && { execArgv: options.workerExecArgv }),
      ...(options.workerHeapMb !== undefined && { heapMb: options.workerHeapMb }),
    },
  };
}

function isEventStore(value: EventStore | EventStoreConfig): value is EventStore {
  return typeof (value as EventStore).readAllPage === 'function';
}

/**
 * Truncate-and-replay of a projection from the start of the log up to the head seen when it
 * begins. Used by `npm run rebuild`, the CLI, the bench and the tests. Given a configuration,
 * it takes the read database's writer lock first and fails with ReadDatabaseBusyError while a
 * live projector (or another rebuild) holds it; given an open ReadDatabase, the caller holds it.
 */
export async function rebuildReadModels(
  options: RebuildOptions,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
): Promise<RebuildResult> {
  const lock = options.readDb instanceof ReadDatabase ? null : await acquireWriterLock(options.readDb);
  try {
    return await rebuildLocked(options, onProgress);
  } finally {
    await lock?.release();
  }
}

async function rebuildLocked(options: RebuildOptions, onProgress: (progress: RebuildProgress) => void): Promise<RebuildResult> {
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
    // A projection's own rebuild fills the tables out of global order: the reset marks the
    // checkpoint as a rebuild in progress in the same transaction (see Projector.reset).
    await projector.reset({ rebuilding: options.projection.rebuild !== undefined });
    const head = await store.headPosition();
    const started = performance.now();
    let events = 0;
    if (options.projection.rebuild !== undefined) return await ownRebuild(store, db, options, head, started, onProgress);
    const progress = (done: boolean): RebuildProgress => progressOf(started, head, projector.position, events, done);
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
    return { position: last.position, events, elapsedMs: last.elapsedMs, eventsPerSec: last.eventsPerSec, workers: 0 };
  } finally {
    if (!(options.readDb instanceof ReadDatabase)) await db.close();
    if (!isEventStore(options.store)) await store.close();
  }
}
