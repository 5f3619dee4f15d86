import 'reflect-metadata';
import { createEventStore } from '@clas/event-store';
import { CLAS_READ_MODELS, Projector, ReadDatabase, clasReadModelProjection, rebuildReadModels } from '@clas/projections';
import { JsonLogger, describeConfig, loadConfig, storeConfigOf } from '@clas/runtime';

/**
 * The projector worker: catch-up from its checkpoint, then live, keeping the read models of
 * libs/projections up to date. SIGTERM/SIGINT finish the batch in progress (its transaction
 * commits with its checkpoint) and exit 0; any error exits 1 and a restart resumes safely.
 */
async function main(): Promise<void> {
  const logger = new JsonLogger('projector');
  const config = loadConfig();
  logger.event('config', describeConfig(config));
  const store = await createEventStore(storeConfigOf(config));
  const db = await ReadDatabase.open({ url: config.readDb });
  const projection = clasReadModelProjection();
  const projector = new Projector(store, db, projection);
  const controller = new AbortController();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.event('stopping', { signal, position: projector.position });
      controller.abort();
    });
  }
  try {
    // New read database, or tables made by another version of the code: rebuild owner by owner
    // (worker threads) rather than replaying the whole log in global order, then go live.
    if (!(await projector.checkpointMatches()) && projection.rebuild !== undefined) {
      logger.event('rebuilding', { projection: CLAS_READ_MODELS, head: await store.headPosition() });
      let last = 0;
      const result = await rebuildReadModels({ store, storeConfig: storeConfigOf(config), readDb: db, projection, signal: controller.signal }, (progress) => {
        if (!progress.done && Date.now() - last < 1_000) return;
        last = Date.now();
        logger.event('rebuild-progress', { position: progress.position, head: progress.head, eventsPerSec: Math.round(progress.eventsPerSec), done: progress.done });
      });
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
  }
}

main().catch((error: unknown) => {
  new JsonLogger('projector').error(error);
  process.exit(1);
});
