import { CliFailure, EXIT } from '../cli-io.js';
import type { CommandRun } from '../cli.js';
import { withStore } from '../open-store.js';
import { ReadDatabaseBusyError, clasReadModelProjection, progressBar, rebuildReadModels } from '@clas/projections';
import { storeConfigOf } from '@clas/runtime';

/** Truncate-and-replay of the stored read models (the read-model engineer's rebuildReadModels). */
export async function rebuildCommand({ io, config, log }: CommandRun): Promise<number> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  try {
    const result = await withStore(config, (store) =>
      rebuildReadModels(
        {
          store,
          storeConfig: storeConfigOf(config),
          readDb: { url: config.readDb },
          projection: clasReadModelProjection(),
          signal: controller.signal,
        },
        progressBar(io.stderr),
      ),
    ).catch((error: unknown) => {
      // A projector holds the read database: say what to do, no stack trace.
      if (error instanceof ReadDatabaseBusyError)
        throw new CliFailure(`${error.message}; stop the projector first, or rebuild into a new CLAS_READ_DB`, EXIT.failure);
      throw error;
    });
    log.event('rebuilt', { ...result, eventsPerSec: Math.round(result.eventsPerSec), interrupted: controller.signal.aborted });
    return controller.signal.aborted ? EXIT.failure : EXIT.ok;
  } finally {
    process.off('SIGINT', stop);
  }
}
