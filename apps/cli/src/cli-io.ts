import type { Clock } from '@clas/event-store';
import { systemClock } from '@clas/event-store';

/** Where a command writes: stdout carries data (JSON, NDJSON), stderr carries progress, logs and messages. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

/**
 * Everything a command touches of its process, injectable so the tests run the CLI in-process:
 * the two output streams, the environment (configuration) and the clock ("today" of the demo,
 * the default `at`/`knownAt` of a query, the start of a token's validity).
 */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  clock: Clock;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, clock: systemClock };
}

/** Exit codes: 0 success, 1 failure (runtime error, rejected lines), 2 bad arguments, 3 the log was altered (verify, seal), 4 not found. */
export const EXIT = { ok: 0, failure: 1, usage: 2, tampered: 3, notFound: 4 } as const;

/** Bad arguments: the message is printed with the command's usage line, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string | null = null,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An expected failure with a message for the user (no stack trace), exit code given. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

/**
 * Writes one line and waits for the stream to drain when its buffer is full, so exporting a
 * large log to a pipe does not hold the whole log in memory.
 */
export async function writeLine(out: OutputStream, line: string): Promise<void> {
  const flushed = out.write(`${line}\n`);
  if (flushed === false && typeof out.once === 'function') {
    await new Promise<void>((resolve) => out.once!('drain', resolve));
  }
}
