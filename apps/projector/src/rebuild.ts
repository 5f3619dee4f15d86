import 'reflect-metadata';
import { clasReadModelProjection, progressBar, rebuildReadModels } from '@clas/projections';
import { JsonLogger, describeConfig, loadConfig, storeConfigOf } from '@clas/runtime';

/**
 * `npm run rebuild`: truncate-and-replay of the read models from the log, with a progress bar
 * on stderr (events/s, position/head, ETA). Stop the projector worker first: while it holds the
 * read database's writer lock the rebuild refuses to start (ReadDatabaseBusyError). To rebuild
 * without downtime, point CLAS_READ_DB at a new database, rebuild, then switch the worker to it.
 */
async function main(): Promise<void> {
  const logger = new JsonLogger('rebuild');
  const config = loadConfig();
  logger.event('config', describeConfig(config));
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const result = await rebuildReadModels(
    { store: storeConfigOf(config), readDb: { url: config.readDb }, projection: clasReadModelProjection(), signal: controller.signal },
    progressBar(process.stderr),
  );
  logger.event('rebuilt', { ...result, eventsPerSec: Math.round(result.eventsPerSec), interrupted: controller.signal.aborted });
}

main().catch((error: unknown) => {
  new JsonLogger('rebuild').error(error);
  process.exit(1);
});
