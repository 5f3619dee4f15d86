import { RssSampler, percentile, progress, resetMemory, type Figures } from './measure.js';
import type { Workload } from './workload.js';

/** One contestant (the store through its port, or the bare driver) doing the bench's work. */
export interface Runner {
  label: string;
  appendStream(stream: number): Promise<void> | void;
  /** Reads the whole log in global order; returns the number of events read. */
  readAll(rss: RssSampler): Promise<number> | number;
  readStream(stream: number): Promise<number> | number;
  /** Tamper evidence (the store only): seals the whole log, then verifies it; events and seconds of each. */
  sealAndVerify?(): Promise<{ sealed: number; sealSeconds: number; verified: number; verifySeconds: number }>;
  close(): Promise<void> | void;
}

const CHUNK = 50;

/**
 * Appends are interleaved by chunks of streams (bare, bare + chain, ours, bare…) because on a VM
 * the fsync latency of synchronous=FULL drifts by ±40 % over tens of seconds; every contestant
 * then sees the same disk weather. Reads (no fsync) run one contestant after the other.
 */
export async function runContestants(runners: readonly Runner[], workload: Workload): Promise<Figures[]> {
  const appendMs = runners.map(() => 0);
  const rss = runners.map(() => new RssSampler());
  const every = Math.max(CHUNK, Math.floor(workload.streams / 10 / CHUNK) * CHUNK);
  const started = performance.now();
  for (let from = 0; from < workload.streams; from += CHUNK) {
    const to = Math.min(workload.streams, from + CHUNK);
    for (let r = 0; r < runners.length; r++) {
      const t = performance.now();
      for (let s = from; s < to; s++) await runners[r]!.appendStream(s);
      appendMs[r]! += performance.now() - t;
      rss[r]!.sample();
    }
    if (to % every === 0 || to === workload.streams)
      progress(`append ${runners.map((r) => r.label).join(' + ')}`, to, workload.streams, started);
  }
  const total = workload.streams * workload.eventsPerStream;
  const figures: Figures[] = [];
  for (let r = 0; r < runners.length; r++) {
    const runner = runners[r]!;
    resetMemory();
    let t = performance.now();
    const read = await runner.readAll(rss[r]!);
    const readSeconds = (performance.now() - t) / 1000;
    if (read !== total) throw new Error(`${runner.label}: read ${read} events, wrote ${total}`);
    process.stderr.write(`  [${runner.label} read-all] ${read} events, ${readSeconds.toFixed(1)} s\n`);
    const latencies: number[] = [];
    for (const s of workload.sampleStreams) {
      t = performance.now();
      const count = await runner.readStream(s);
      latencies.push(performance.now() - t);
      if (count !== workload.eventsPerStream) throw new Error(`${runner.label}: stream ${s} has ${count} events`);
    }
    rss[r]!.sample();
    latencies.sort((a, b) => a - b);
    const chain = await runner.sealAndVerify?.();
    if (chain !== undefined) {
      if (chain.sealed !== total || chain.verified !== total)
        throw new Error(`${runner.label}: sealed ${chain.sealed}, verified ${chain.verified} of ${total} events`);
      process.stderr.write(
        `  [${runner.label} seal + verify] ${total} events, ${chain.sealSeconds.toFixed(1)} s + ${chain.verifySeconds.toFixed(1)} s\n`,
      );
    }
    figures.push({
      ...(chain === undefined ? {} : { sealEventsPerSec: total / chain.sealSeconds, verifyEventsPerSec: total / chain.verifySeconds }),
      appendEventsPerSec: total / (appendMs[r]! / 1000),
      readAllEventsPerSec: read / readSeconds,
      streamReadP50Ms: percentile(latencies, 50),
      streamReadP95Ms: percentile(latencies, 95),
      peakRssMb: rss[r]!.peakMb,
    });
    await runner.close();
  }
  return figures;
}
