import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What `grep -a -r -F` finds on disk: for each needle, the files (under the given files and
 * directories, recursively, read as bytes) that contain it. Issue 11 §6 checks erasure the way
 * an auditor would, with grep on the data directory, so the tests run grep itself.
 */
export function grepFiles(paths: readonly string[], needles: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  if (paths.length === 0 || needles.length === 0) return found;
  // The patterns file lives outside the searched paths, or it would match itself.
  const dir = mkdtempSync(join(tmpdir(), 'clas-grep-'));
  try {
    const patterns = join(dir, 'patterns');
    writeFileSync(patterns, `${needles.join('\n')}\n`);
    const run = spawnSync('grep', ['-a', '-r', '-F', '-o', '--null', '-f', patterns, ...paths], { maxBuffer: 256 * 1024 * 1024 });
    if (run.error) throw run.error;
    if (run.status !== 0 && run.status !== 1) throw new Error(`grep failed (${run.status}): ${run.stderr.toString()}`);
    for (const line of run.stdout.toString('utf8').split('\n')) {
      const nul = line.indexOf('\u0000');
      if (nul < 0) continue;
      const [file, needle] = [line.slice(0, nul), line.slice(nul + 1)];
      const files = found.get(needle) ?? [];
      if (!files.includes(file)) files.push(file);
      found.set(needle, files);
    }
    return found;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
