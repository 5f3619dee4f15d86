import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { type Actor, ClasCommandBus, type ImportLineReport, importCommands } from '@clas/application';
import { InMemoryStreamDirectory } from '@clas/projections';
import { CliFailure, EXIT, writeLine } from '../cli-io.js';
import type { CommandRun } from '../cli.js';
import { withStore } from '../open-store.js';
import { ProgressBar } from '../progress-bar.js';

/** The batch actor: role `system` may issue every command (authorization.ts); its id names the run in the metadata. */
export const IMPORT_ACTOR: Actor = { id: 'cli-import', role: 'system', caf: null, operatorId: null };

/** A report line for stdout: the bus outcome reduced to what a reader of the log needs. */
function reportLine(report: ImportLineReport): Record<string, unknown> {
  const { outcome, ...rest } = report;
  return outcome?.ok ? { ...rest, streamId: outcome.streamId, eventIds: outcome.eventIds } : rest;
}

/**
 * Streams the file line by line (never whole in memory), one command per line through the
 * command bus. Progress: the bytes read against the file size, and lines/s.
 */
export async function importCommand({ args, io, config, log }: CommandRun): Promise<number> {
  const path = args.positionals[0]!;
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new CliFailure(`cannot read ${path}`);
  }
  const bar = new ProgressBar(io.stderr, 'import', { unit: 'lines' });
  let bytes = 0;
  let lines = 0;
  const pending: Promise<void>[] = [];
  // The CLI's clock is the store's: each line is received (R-LIFE-RECEIPT) and recorded on the same "now".
  const totals = await withStore(
    config,
    async (store) => {
      const bus = new ClasCommandBus(store, { directory: new InMemoryStreamDirectory(store) });
      const input = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
      async function* counted(): AsyncIterable<string> {
        for await (const line of input) {
          bytes += Buffer.byteLength(line, 'utf8') + 1;
          lines++;
          yield line;
        }
      }
      return importCommands(counted(), bus, IMPORT_ACTOR, (report) => {
        pending.push(writeLine(io.stdout, JSON.stringify(reportLine(report))));
        bar.update(lines, size > 0 ? bytes / size : 1);
      });
    },
    io.clock,
  );
  await Promise.all(pending);
  bar.finish(lines);
  await writeLine(io.stdout, JSON.stringify({ totals }));
  log.event('imported', { file: path, ...totals });
  return totals.rejected + totals.invalid === 0 ? EXIT.ok : EXIT.failure;
}
