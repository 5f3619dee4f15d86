import { ChainVerifier, type IntegrityBreak } from './chain-verifier.js';
import { systemClock, type Clock } from './event-store.port.js';
import { CHAIN_PAGE_SIZE, type VerifiableLog } from './log-verification.js';
import { NO_PREVIOUS_SEAL, sealHash, signSeal, type SealSigner } from './seal.js';
import type { Seal } from './tamper-evidence.port.js';

export type SealOutcome =
  /** A new seal was written over `events` events. */
  | { status: 'sealed'; seal: Seal; events: number }
  /** Nothing new since the last seal (or an empty log). */
  | { status: 'up-to-date'; seal: Seal | null; events: 0 }
  /** Another sealer wrote the same index first; its seal is the newest. */
  | { status: 'sealed-elsewhere'; seal: Seal | null; events: 0 }
  /** The events since the last seal do not match their chains: nothing is signed. */
  | { status: 'refused'; seal: Seal | null; events: 0; break: IntegrityBreak };

/**
 * Seals the visible log up to its head: walks the events since the last seal, recomputing their
 * chain hashes (a seal never vouches for events that do not match their chains), and signs the
 * running hash. Several sealers may race (two API instances, `clas seal`): the seal index is
 * unique in every adapter, so one wins and the other just reports the winner's seal.
 */
export class LogSealer {
  constructor(
    private readonly log: VerifiableLog,
    private readonly signer: SealSigner,
    private readonly clock: Clock = systemClock,
    private readonly onProgress?: (progress: { events: number; position: number; head: number }) => void,
  ) {}

  async seal(): Promise<SealOutcome> {
    const last = await this.log.lastSeal();
    const head = await this.log.headPosition();
    if (head <= (last?.upTo ?? 0)) return { status: 'up-to-date', seal: last, events: 0 };
    // The previous seal is the starting point, not re-checked here: `clas verify` checks them all.
    const verifier = new ChainVerifier({
      keyring: null,
      anchor: last,
      previousOf: (streamId, version) => this.log.readChainRecord(streamId, version),
    });
    let after = last?.upTo ?? 0;
    let walked = 0;
    while (after < head) {
      const page = await this.log.readChainPage({ after, limit: CHAIN_PAGE_SIZE });
      const records = page.records.filter((record) => record.globalPosition <= head);
      await verifier.add(records);
      walked += records.length;
      if (verifier.broken !== null) return { status: 'refused', seal: last, events: 0, break: verifier.broken };
      if (records.length > 0) this.onProgress?.({ events: walked, position: records.at(-1)!.globalPosition, head });
      if (page.isEnd || records.length < page.records.length || page.nextAfter === after) break;
      after = page.nextAfter;
    }
    const segment = verifier.segment();
    if (verifier.broken !== null) return { status: 'refused', seal: last, events: 0, break: verifier.broken };
    if (segment.segmentEvents === 0) return { status: 'up-to-date', seal: last, events: 0 };
    const seal = signSeal(
      {
        index: (last?.index ?? 0) + 1,
        upTo: segment.lastPosition,
        events: segment.events,
        runningHash: segment.runningHash,
        previous: last === null ? NO_PREVIOUS_SEAL : sealHash(last),
        sealedAt: this.clock.now().toISOString(),
      },
      this.signer,
    );
    if (await this.log.appendSeal(seal)) return { status: 'sealed', seal, events: segment.segmentEvents };
    return { status: 'sealed-elsewhere', seal: await this.log.lastSeal(), events: 0 };
  }
}

/**
 * Seals every `intervalMs` in the background (the API), one run at a time; `close()` stops the
 * timer, waits for a run in progress and seals once more, so a clean shutdown leaves no tail.
 */
export function sealPeriodically(
  sealer: LogSealer,
  intervalMs: number,
  report: (outcome: SealOutcome | { status: 'failed'; error: unknown }) => void,
): { close(): Promise<void> } {
  let inFlight: Promise<void> | null = null;
  let closed = false;
  const run = (): Promise<void> => {
    const current: Promise<void> = sealer
      .seal()
      .then(report, (error: unknown) => report({ status: 'failed', error }))
      .finally(() => {
        if (inFlight === current) inFlight = null;
      });
    inFlight = current;
    return current;
  };
  const timer = setInterval(() => {
    // A slow run (a large unsealed log) is not stacked up with more.
    if (!closed && inFlight === null) void run();
  }, intervalMs);
  // Never what keeps the process alive.
  timer.unref();
  return {
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      if (inFlight !== null) await inFlight;
      await run();
    },
  };
}

/**
 * A seal outcome as one structured log line. Logging every seal's running hash also witnesses
 * it outside the database: an auditor holding the log lines can tell a seal that was later removed.
 */
export function sealOutcomeFields(outcome: SealOutcome | { status: 'failed'; error: unknown }): Record<string, unknown> {
  if (outcome.status === 'failed') return { status: 'failed', error: (outcome.error as Error)?.message ?? String(outcome.error) };
  const seal = outcome.seal;
  return {
    status: outcome.status,
    events: outcome.events,
    ...(seal === null
      ? {}
      : {
          index: seal.index,
          upTo: seal.upTo,
          totalEvents: seal.events,
          runningHash: seal.runningHash,
          keyId: seal.keyId,
          sealedAt: seal.sealedAt,
        }),
    ...(outcome.status === 'refused' ? { break: outcome.break } : {}),
  };
}
