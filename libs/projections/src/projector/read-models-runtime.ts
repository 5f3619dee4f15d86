import type { EventStore, EventStoreConfig } from '@clas/event-store';
import { ReadDatabase } from '../read-models/read-database.js';
import { ReadModelQueries } from '../read-models/read-model-queries.js';
import { acquireWriterLock, ReadDatabaseBusyError, type WriterLock } from '../read-models/writer-lock.js';
import { CLAS_READ_MODELS, clasReadModelProjection } from './clas-read-models.projection.js';
import { Projector } from './engine/projector.js';
import { rebuildReadModels } from './rebuild.command.js';

export type ProjectorMode = 'embedded' | 'external';

export interface ReadModelsRuntimeOptions {
  store: EventStore;
  /** Lets a rebuild use worker threads (they open their own store); omitted: in process. */
  storeConfig?: EventStoreConfig;
  readDb: string;
  mode: ProjectorMode;
  /** One line per notable step (mode chosen, rebuild, failure). */
  log: (message: string, fields: Record<string, unknown>, level?: 'log' | 'warn' | 'error') => void;
}

/**
 * The read models as a process that serves lists sees them. `embedded`: when the writer lock is
 * free at once, this process is the projector (rebuild if the tables were written by other code,
 * then catch-up and live, in the background) — `npm start` alone keeps the lists fresh; when
 * another process holds the lock (an `apps/projector`, another API instance), it only reads.
 * `external`: only reads. A reader opens the database without DDL: only the lock holder may
 * synchronise or empty tables (a reader that did so would wipe the writer's rows under it).
 */
export class ReadModelsRuntime {
  private constructor(
    readonly db: ReadDatabase,
    readonly queries: ReadModelQueries,
    /** `writer`: this process projects; `reader`: another one does (or nobody yet). */
    readonly role: 'writer' | 'reader',
    private readonly lock: WriterLock | null,
    private readonly stop: AbortController,
    private readonly running: Promise<void>,
  ) {}

  static async open(options: ReadModelsRuntimeOptions): Promise<ReadModelsRuntime> {
    const stop = new AbortController();
    let lock: WriterLock | null = null;
    if (options.mode === 'embedded') {
      try {
        lock = await acquireWriterLock(
          { url: options.readDb },
          {
            onLost: (error) => {
              // Another writer may take over: stop projecting at once, keep reading.
              options.log('read-model writer lock lost; projector stopped', { reason: error.message }, 'error');
              stop.abort();
            },
          },
        );
      } catch (error) {
        if (!(error instanceof ReadDatabaseBusyError)) throw error;
        options.log('read models written by another process: reading only', { holder: error.holder, lock: error.resource });
      }
    }
    const role = lock === null ? 'reader' : 'writer';
    let db: ReadDatabase;
    try {
      db = await ReadDatabase.open({ url: options.readDb }, { role });
    } catch (error) {
      await lock?.release();
      throw error;
    }
    const queries = new ReadModelQueries(db, CLAS_READ_MODELS);
    options.log('read models', { projector: options.mode, role, readDb: options.readDb.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') });
    const running = role === 'writer' ? project(options, db, stop.signal) : Promise.resolve();
    return new ReadModelsRuntime(db, queries, role, lock, stop, running);
  }

  async close(): Promise<void> {
    this.stop.abort();
    await this.running;
    await this.db.close();
    await this.lock?.release();
  }
}

/** Rebuild when needed, then catch-up and live until `signal`; a failure is logged (lists then stay at the last commit). */
async function project(options: ReadModelsRuntimeOptions, db: ReadDatabase, signal: AbortSignal): Promise<void> {
  const projection = clasReadModelProjection();
  // Live batches of whatever arrived within 10 ms: a client that just wrote waits little (minPosition).
  const projector = new Projector(options.store, db, projection, { batchMs: 10 });
  try {
    if (!(await projector.checkpointMatches())) {
      options.log('rebuilding read models', { projection: CLAS_READ_MODELS, head: await options.store.headPosition() });
      const result = await rebuildReadModels(
        { store: options.store, ...(options.storeConfig && { storeConfig: options.storeConfig }), readDb: db, projection, signal },
        () => undefined,
      );
      options.log('read models rebuilt', { position: result.position, events: result.events, workers: result.workers });
      if (signal.aborted) return;
    }
    await projector.run(signal);
  } catch (error) {
    if (signal.aborted) return;
    options.log('read-model projector failed: lists stay at the last committed position', { reason: (error as Error).message }, 'error');
  }
}
