import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** How to start `apps/projector`: from the compiled build, or from the sources with the TypeScript loader. */
export interface ProjectorCommand {
  execPath: string;
  args: string[];
}

/** The compiled worker (`npm run build`), as `npm run start:projector` starts it. */
export function compiledProjector(distRoot: URL): ProjectorCommand {
  return { execPath: process.execPath, args: ['--max-old-space-size=256', fileURLToPath(new URL('apps/projector/src/main.js', distRoot))] };
}

/** The worker from its TypeScript sources (tests: no build needed). */
export function projectorFromSources(repoRoot: URL): ProjectorCommand {
  return {
    execPath: process.execPath,
    args: [
      '--import',
      new URL('test/support/ts-worker-register.mjs', repoRoot).href,
      fileURLToPath(new URL('apps/projector/src/main.ts', repoRoot)),
    ],
  };
}

/** One line of the projector's structured log. */
export interface LogLine {
  msg: string;
  level: string;
  [field: string]: unknown;
}

/**
 * A projector child process: its JSON log lines as they come, waits on them, SIGKILL (no
 * cleanup of any kind: what `kill -9` or a power cut does) and SIGTERM (a clean stop).
 */
export class ProjectorProcess {
  readonly lines: LogLine[] = [];
  /** Non-JSON output (a crash's stack trace), kept for the error message. */
  readonly raw: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly child: ChildProcess) {
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (text) => {
        try {
          this.lines.push(JSON.parse(text) as LogLine);
        } catch {
          this.raw.push(text);
        }
        for (const wake of this.waiters) wake();
      });
    }
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        resolve({ code, signal });
        for (const wake of this.waiters) wake();
      }),
    );
  }

  static start(command: ProjectorCommand, env: NodeJS.ProcessEnv): ProjectorProcess {
    return new ProjectorProcess(spawn(command.execPath, command.args, { env, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last log message: where the process was. */
  get phase(): string {
    return this.lines.at(-1)?.msg ?? 'starting';
  }

  /** The first line (from the start) matching `predicate`; null if the process exits or `timeoutMs` passes first. */
  async waitFor(predicate: (line: LogLine) => boolean, timeoutMs: number): Promise<LogLine | null> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.lines.find(predicate);
      if (found !== undefined) return found;
      if (!this.running || performance.now() >= deadline) return null;
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.max(1, deadline - performance.now()));
        this.waiters.add(wake);
      });
    }
  }

  async kill9(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: the projector finishes its batch and exits; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.running) this.child.kill('SIGTERM');
    return (await this.exited).code;
  }

  /** What it printed, for an assertion message. */
  transcript(): string {
    return [...this.lines.map((l) => JSON.stringify(l)), ...this.raw].join('\n');
  }
}
