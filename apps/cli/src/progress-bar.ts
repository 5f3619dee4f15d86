import type { OutputStream } from './cli-io.js';

export interface ProgressBarOptions {
  /** What is counted: "lines", "commands"… */
  unit: string;
  width?: number;
  /** Milliseconds (injectable for tests). */
  now?: () => number;
}

/**
 * A progress bar on stderr: redrawn in place on a terminal (at most 10 times a second), one
 * line every 2 s otherwise (CI logs), and always the final line. Shows the count, the rate and,
 * when the caller knows it, the ratio done (file bytes read, commands played…).
 */
export class ProgressBar {
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawn = false;
  private readonly width: number;
  private readonly now: () => number;

  constructor(
    private readonly out: OutputStream,
    private readonly label: string,
    private readonly options: ProgressBarOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.width = options.width ?? 30;
    this.started = this.now();
  }

  /** `ratio` in [0, 1] or null when unknown; `note` is appended (e.g. the simulated date). */
  update(count: number, ratio: number | null, note = ''): void {
    const t = this.now();
    if (t - this.lastDraw < (this.out.isTTY ? 100 : 2_000)) return;
    this.lastDraw = t;
    this.draw(count, ratio, note, false);
  }

  /** A permanent line above the bar (a phase of the demo). */
  line(text: string): void {
    this.out.write(this.out.isTTY && this.drawn ? `\r\x1b[2K${text}\n` : `${text}\n`);
    this.drawn = false;
  }

  finish(count: number, note = ''): void {
    this.draw(count, 1, note, true);
  }

  format(count: number, ratio: number | null, note: string): string {
    const seconds = (this.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(count / seconds) : 0;
    const bar =
      ratio === null
        ? ''
        : `[${'#'.repeat(Math.round(Math.min(1, ratio) * this.width)).padEnd(this.width, '-')}] ${(Math.min(1, ratio) * 100).toFixed(1).padStart(5)}% `;
    return `${this.label} ${bar}${count.toLocaleString('en-US')} ${this.options.unit} ${rate.toLocaleString('en-US')} ${this.options.unit}/s ${seconds.toFixed(1)}s${note ? ` ${note}` : ''}`;
  }

  private draw(count: number, ratio: number | null, note: string, final: boolean): void {
    const text = this.format(count, ratio, note);
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K${text}${final ? '\n' : ''}`);
      this.drawn = !final;
    } else {
      this.out.write(`${text}\n`);
    }
  }
}
