import { afterAll } from '@jest/globals';
import type { EventStore } from '@clas/event-store';
import { CLAS_READ_MODELS, clasReadModelProjection } from '../projector/clas-read-models.projection.js';
import { Projector } from '../projector/engine/projector.js';
import { onBothReadDatabases } from '../testing/read-database-suites.js';
import { streamDirectoryContract } from '../testing/stream-directory.contract.js';
import { ReadDatabase } from './read-database.js';
import { TypeormStreamDirectory } from './typeorm-stream-directory.js';

/**
 * The directory the API reads beside the projector: rm_stream_directory as the projector writes
 * it, plus the overlay of what the projector has not reached yet. Run with the table written up
 * to the directory's opening (later events come from the overlay, then from the table once the
 * projector catches up: `settle`), and with an empty table (a projector not started yet).
 */
onBothReadDatabases('the TypeORM stream directory contract', (label, configFor, cleanup) => {
  if (cleanup) afterAll(cleanup);
  let databases = 0;
  for (const projectorFirst of [true, false]) {
    streamDirectoryContract(
      `TypeORM on ${label}, ${projectorFirst ? 'table written by the projector' : 'projector not started'}`,
      async (store: EventStore) => {
        const db = await ReadDatabase.open(configFor(`directory_${(databases += 1)}`));
        const projector = new Projector(store, db, clasReadModelProjection());
        if (projectorFirst) await projector.catchUp();
        return {
          directory: new TypeormStreamDirectory(db, store, CLAS_READ_MODELS),
          settle: async () => {
            await projector.catchUp();
          },
          close: () => db.close(),
        };
      },
    );
  }
});
