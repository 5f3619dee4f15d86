/** Percentile of sorted-on-demand samples (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * Samples RSS every few ms while `work` runs: the peak of the phase, not of the whole process.
 * A rebuild rarely yields to timers (better-sqlite3 is synchronous), so `work` also gets a
 * `sample` to call at its own checkpoints (each batch); without it the peak is mostly the RSS
 * at the end.
 */
export async function withPeakRss<T>(work: (sample: () => void) => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  let lastTrace = 0;
  const sample = (): void => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
    if (process.env.CLAS_BENCH_MEMORY_TRACE !== undefined && Date.now() - lastTrace > 2_000) {
      lastTrace = Date.now();
      const m = process.memoryUsage();
      process.stderr.write(
        `\nmemory: rss ${(m.rss / 1_048_576).toFixed(0)} MB, main heap ${(m.heapUsed / 1_048_576).toFixed(0)}/${(m.heapTotal / 1_048_576).toFixed(0)} MB, external ${(m.external / 1_048_576).toFixed(0)} MB\n`,
      );
    }
  };
  const timer = setInterval(sample, 20);
  try {
    const result = await work(sample);
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakRssMb: peak / 1_048_576 };
  } finally {
    clearInterval(timer);
  }
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index >= 0) {
    const next = process.argv[index + 1];
    return next === undefined || next.startsWith('--') ? 'true' : next;
  }
  const inline = process.argv.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}
