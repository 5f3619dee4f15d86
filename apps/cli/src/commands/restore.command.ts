import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { restoreLog } from '@clas/application';
import { CliFailure, EXIT } from '../cli-io.js';
import type { CommandRun } from '../cli.js';
import { withStore } from '../open-store.js';

/**
 * Restores an export (restoreLog: same event ids, versions and recordedAt) into an EMPTY store:
 * restoring into a live log would interleave two histories under new global positions.
 */
export async function restoreCommand({ args, config, log }: CommandRun): Promise<number> {
  const path = args.positionals[0]!;
  try {
    await access(path);
  } catch {
    throw new CliFailure(`cannot read ${path}`);
  }
  const totals = await withStore(config, async (store) => {
    const head = await store.headPosition();
    if (head > 0)
      throw new CliFailure(
        `the event store is not empty (${head} events): restore into an empty store (a new CLAS_SQLITE_PATH or database)`,
      );
    const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
    return restoreLog(lines, store);
  });
  log.event('restored', { from: path, ...totals });
  return EXIT.ok;
}
