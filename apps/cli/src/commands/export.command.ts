import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { exportLog } from '@clas/application';
import { EXIT, type OutputStream, writeLine } from '../cli-io.js';
import type { CommandRun } from '../cli.js';
import { withStore } from '../open-store.js';
import { sealLog } from '../sealing.js';

/**
 * The whole log as NDJSON in global order (exportLog), to stdout or to `--out`: sealed first, so
 * the file's every event is covered by a seal its reader checks with the public key alone.
 */
export async function exportCommand({ args, io, config, log }: CommandRun): Promise<number> {
  const path = typeof args.values.out === 'string' ? args.values.out : null;
  const file = path ? createWriteStream(path, { encoding: 'utf8' }) : null;
  const out: OutputStream = file ?? io.stdout;
  let lines = 0;
  let refused: string | null = null;
  try {
    await withStore(config, async (store) => {
      const sealed = await sealLog(config, store, io.clock, log, io.stderr);
      // Exported all the same (a copy of an altered log is evidence), but not sealed, and exit 3.
      if (sealed.status === 'refused') refused = sealed.break.message;
      for await (const line of exportLog(store)) {
        await writeLine(out, line);
        lines++;
      }
    });
  } finally {
    if (file) {
      file.end();
      await once(file, 'close');
    }
  }
  log.event('exported', { lines, to: path ?? 'stdout' });
  if (refused !== null) {
    io.stderr.write(
      `clas export: exported, but the events since the last seal do not match their chains, so they were not sealed: ${refused}\n`,
    );
    return EXIT.tampered;
  }
  return EXIT.ok;
}
