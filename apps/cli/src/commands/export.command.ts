import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { exportLog } from '@clas/application';
import { EXIT, type OutputStream, writeLine } from '../cli-io.js';
import type { CommandRun } from '../cli.js';
import { withStore } from '../open-store.js';

/** The whole log as NDJSON in global order (exportLog), to stdout or to `--out`. */
export async function exportCommand({ args, io, config, log }: CommandRun): Promise<number> {
  const path = typeof args.values.out === 'string' ? args.values.out : null;
  const file = path ? createWriteStream(path, { encoding: 'utf8' }) : null;
  const out: OutputStream = file ?? io.stdout;
  let events = 0;
  try {
    await withStore(config, async (store) => {
      for await (const line of exportLog(store)) {
        await writeLine(out, line);
        events++;
      }
    });
  } finally {
    if (file) {
      file.end();
      await once(file, 'close');
    }
  }
  log.event('exported', { events, to: path ?? 'stdout' });
  return EXIT.ok;
}
