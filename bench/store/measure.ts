/** Figures of one contestant; ratios compare the store with the bare driver. */
export interface Figures {
  appendEventsPerSec: number;
  readAllEventsPerSec: number;
  streamReadP50Ms: number;
  streamReadP95Ms: number;
  peakRssMb: number;
  /** The store only: sealing the whole log (recomputing every chain hash) and verifying it. */
  sealEventsPerSec?: number;
  verifyEventsPerSec?: number;
}

/**
 * Process RSS sampled by the loops themselves (a synchronous driver starves timers). The
 * process holds both contestants, so this is the peak seen during each one's own phases.
 */
export class RssSampler {
  private peak = 0;
  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
  }
  get peakMb(): number {
    return this.peak / 1024 / 1024;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function progress(label: string, done: number, total: number, started: number): void {
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`  [${label}] ${done}/${total} streams, ${seconds.toFixed(1)} s\n`);
}

export function resetMemory(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
