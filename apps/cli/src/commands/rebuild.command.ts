import { EXIT } from '../cli-io.js';
import type { CommandRun } from '../cli.js';
import { withStore } from '../open-store.js';
import { clasReadModelProjection, progressBar, rebuildReadModels } from '@clas/projections';
import { storeConfigOf } from '@clas/runtime';

/** Truncate-and-replay of the stored read models (the read-model engineer's rebuildReadModels). */
export async function rebuildCommand({ io, config, log }: CommandRun): Promise<number> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  try {
    const result = await withStore(config, (store) =>
      rebuildReadModels({ store, storeConfig: storeConfigOf(config), readDb: { url: config.readDb }, projection: clasReadModelProjection(), signal: controller.signal }, progressBar(io.stderr)),
    );
    log.event('rebuilt', { ...result, eventsPerSec: Math.round(result.eventsPerSec), interrupted: controller.signal.aborted });
    return controller.signal.aborted ? EXIT.failure : EXIT.ok;
  } finally {
    process.off('SIGINT', stop);
  }
}
