import { LogSealer, sealOutcomeFields, type Clock, type EventStore, type SealOutcome } from '@clas/event-store';
import { sealSignerOf, type ClasConfig, type JsonLogger } from '@clas/runtime';
import type { OutputStream } from './cli-io.js';
import { ProgressBar } from './progress-bar.js';

/**
 * Seals the log up to its visible head with the configured key (`clas seal`, `clas export`, the
 * end of `clas demo`), a progress bar on stderr, the outcome as a log line.
 */
export async function sealLog(
  config: ClasConfig,
  store: EventStore,
  clock: Clock,
  log: JsonLogger,
  stderr: OutputStream,
): Promise<SealOutcome> {
  const signer = sealSignerOf(config);
  if (signer.created) log.event('seal key generated', { path: signer.path, keyId: signer.keyId, publicKey: 'clas seal-key' });
  const bar = new ProgressBar(stderr, 'seal', { unit: 'events' });
  const outcome = await new LogSealer(store, signer, clock, ({ events, position, head }) =>
    bar.update(events, head > 0 ? position / head : null),
  ).seal();
  log.event('seal', sealOutcomeFields(outcome), outcome.status === 'refused' ? 'error' : 'log');
  return outcome;
}
