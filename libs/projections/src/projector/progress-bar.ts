import type { RebuildProgress } from './rebuild.command.js';

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** One line: bar, position/head, events/s, ETA. */
export function formatProgress(p: RebuildProgress, width = 30): string {
  const ratio = p.head === 0 ? 1 : Math.min(1, p.position / p.head);
  const filled = Math.round(ratio * width);
  const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
  const rate = Math.round(p.eventsPerSec).toLocaleString('en-US');
  return `[${bar}] ${(ratio * 100).toFixed(1).padStart(5)}% ${p.position.toLocaleString('en-US')}/${p.head.toLocaleString('en-US')} ${rate} ev/s ETA ${duration(p.etaSeconds)}`;
}

/**
 * A progress reporter for stderr: redrawn in place on a terminal (at most 10 times a second),
 * one line every 2 s otherwise (CI logs), and always the final line.
 */
export function progressBar(out: ProgressOutput = process.stderr, label = 'rebuild'): (p: RebuildProgress) => void {
  let last = 0;
  const interval = out.isTTY ? 100 : 2_000;
  return (p) => {
    const now = Date.now();
    if (!p.done && now - last < interval) return;
    last = now;
    const line = `${label} ${formatProgress(p)}`;
    if (out.isTTY) out.write(`\r${line}${p.done ? '\n' : ''}`);
    else out.write(`${line}\n`);
  };
}
