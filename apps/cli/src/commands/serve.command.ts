import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliFailure, EXIT } from '../cli-io.js';
import type { CommandRun } from '../cli.js';

/** What a shell reads from an interrupted `clas serve`: the API's shutdown signals, passed on once each. */
const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

/**
 * The API app's entry point built beside this one (dist/apps/api/src/main.js next to
 * dist/apps/cli/…), or its source when the CLI runs from TypeScript with a loader in execArgv.
 */
function apiEntryPoint(): string {
  return fileURLToPath(new URL(`../../../api/src/main${extname(new URL(import.meta.url).pathname)}`, import.meta.url));
}

/**
 * The HTTP API, as `npm start` runs it: the API app's own entry point, in a child process with
 * this environment and these Node options — an app runs another app, it never imports its
 * sources (.dependency-cruiser.cjs, apps-import-only-libs). The child has its own process
 * group, so a signal reaches it once, forwarded from here (a Ctrl-C would otherwise hit both):
 * the API shuts down as it does on its own (final seal included), and `clas serve` exits with
 * its code, or 128 + the signal that ended it, as a shell reports a signal.
 */
export async function serveCommand({ io }: CommandRun): Promise<number> {
  const entry = apiEntryPoint();
  if (!existsSync(entry)) throw new CliFailure(`the API entry point ${entry} is missing: run \`npm run build\``, EXIT.failure);
  const child = spawn(process.execPath, [...process.execArgv, entry], { env: io.env, stdio: 'inherit', detached: true });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  const stopOrphan = () => child.kill('SIGTERM');
  for (const signal of FORWARDED) process.on(signal, forward);
  process.once('exit', stopOrphan);
  try {
    return await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
    });
  } finally {
    for (const signal of FORWARDED) process.off(signal, forward);
    process.off('exit', stopOrphan);
  }
}
