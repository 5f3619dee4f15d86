import { sealOutcomeFields } from '@clas/event-store';
import { EXIT } from '../cli-io.js';
import type { CommandRun } from '../cli.js';
import { withStore } from '../open-store.js';
import { sealLog } from '../sealing.js';

/** Signs a seal over the log up to its visible head; refuses (exit 3) when the events since the last seal do not match their chains. */
export async function sealCommand({ io, config, log }: CommandRun): Promise<number> {
  const outcome = await withStore(config, (store) => sealLog(config, store, io.clock, log, io.stderr));
  io.stdout.write(`${JSON.stringify({ ...sealOutcomeFields(outcome), seal: outcome.seal })}\n`);
  if (outcome.status === 'refused') {
    io.stderr.write(`clas seal: not signed: ${outcome.break.message}\n`);
    return EXIT.tampered;
  }
  return EXIT.ok;
}
