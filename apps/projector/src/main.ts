import 'reflect-metadata';
import { createEventStore } from '@clas/event-store';
import {
  CLAS_READ_MODELS,
  Projector,
  ReadDatabase,
  acquireWriterLock,
  clasReadModelProjection,
  rebuildReadModels,
  type WriterLock,
} from '@clas/projections';
import { JsonLogger, describeConfig, loadConfig, storeConfigOf } from '@clas/runtime';

/**
 * The projector worker: catch-up from its checkpoint, then live, keeping the read models of
 * libs/projections up to date. SIGTERM/SIGINT finish the batch in progress (its transaction
 * commits with its checkpoint) and exit 0; any error exits 1 and a restart resumes safely.
 * One writer per read database: a second projector waits (a standby, logging who holds the
 * lock) until the first stops or dies, then takes over from the committed checkpoint.
 */
async function main(): Promise<void> {
  const logger = new JsonLogger('projector');
  const config = loadConfig();
  logger.event('config', describeConfig(config));
  const controller = new AbortController();
  let projector: Projector | null = null;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.event('stopping', { signal, position: projector?.position ?? null });
      controller.abort();
    });
  }
  let lock: WriterLock;
  try {
    lock = await acquireWriterLock(
      { url: config.readDb },
      {
        wait: true,
        signal: controller.signal,
        onWait: (busy) =>
          logger.event(
            'waiting for the read-database writer lock',
            { reason: busy.message, holder: busy.holder, lock: busy.resource },
            'warn',
          ),
        onLost: (error) => {
          // Another projector may take over now: stop writing at once, exit non-zero (restart = standby).
          logger.error(error);
          process.exit(1);
        },
      },
    );
  } catch (error) {
    if (controller.signal.aborted) return;
    throw error;
  }
  logger.event('writer lock acquired', { lock: lock.resource });
  const store = await createEventStore(storeConfigOf(config));
  const db = await ReadDatabase.open({ url: config.readDb });
  const projection = clasReadModelProjection();
  projector = new Projector(store, db, projection);
  try {
    // New read database, or tables made by another version of the code: rebuild owner by owner
    // (worker threads) rather than replaying the whole log in global order, then go live.
    if (!(await projector.checkpointMatches()) && projection.rebuild !== undefined) {
      logger.event('rebuilding', { projection: CLAS_READ_MODELS, head: await store.headPosition() });
      let last = 0;
      const result = await rebuildReadModels(
        { store, storeConfig: storeConfigOf(config), readDb: db, projection, signal: controller.signal },
        (progress) => {
          if (!progress.done && Date.now() - last < 1_000) return;
          last = Date.now();
          logger.event('rebuild-progress', {
            position: progress.position,
            head: progress.head,
            eventsPerSec: Math.round(progress.eventsPerSec),
            done: progress.done,
          });
        },
      );
      logger.event('rebuilt', { ...result, eventsPerSec: Math.round(result.eventsPerSec) });
      if (controller.signal.aborted) return;
    }
    const from = await projector.start();
    const head = await store.headPosition();
    logger.event('started', { projection: CLAS_READ_MODELS, from, head });
    let window = { started: performance.now(), events: 0, batches: 0 };
    await projector.run(controller.signal, (report) => {
      window.events += report.events;
      window.batches++;
      const elapsed = performance.now() - window.started;
      // One progress line a second at most: a catch-up commits hundreds of batches a second.
      if (elapsed >= 1_000) {
        logger.event('progress', {
          position: report.position,
          batches: window.batches,
          events: window.events,
          eventsPerSec: Math.round((window.events * 1000) / elapsed),
          cache: projector.cacheStats,
        });
        window = { started: performance.now(), events: 0, batches: 0 };
      }
    });
    logger.event('stopped', { position: projector.position });
  } finally {
    await db.close();
    await store.close();
    await lock.release();
  }
}

main().catch((error: unknown) => {
  new JsonLogger('projector').error(error);
  process.exit(1);
});
