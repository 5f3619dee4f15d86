// Runs `npm run build` only when a source is newer than the last successful build, so that
// `npm run clas`, `npm start` and the other scripts that run dist/ answer in about a second
// when nothing changed (a no-op incremental `tsc` still takes 8–15 s: it re-reads every file).
//
// "Newer" compares modification times against a stamp file written after a successful build
// and dated when that build *started*, so an edit made during the build triggers the next one.
// Directories count too: deleting or renaming a file changes its directory's mtime.
//
//   node scripts/build-if-stale.mjs                   build when stale, then stamp
//   node scripts/build-if-stale.mjs --check [root]    exit 0 when fresh, 10 when stale (no build)
//
// The build's own output goes to stderr: stdout stays the command's data (`clas query … | jq`).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_DIRS = ['apps', 'libs', 'bench'];
const ROOT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
const STAMP = join('dist', '.build-stamp');
// What tsconfig.build.json leaves out: editing a test must not rebuild the app.
const isBuildInput = (name) => (name.endsWith('.ts') && !name.endsWith('.spec.ts')) || name.endsWith('.json');
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'testing']);

function mtimeOrUndefined(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The path of the first build input newer than `since`, or undefined. */
function newerInput(dir, since) {
  if ((mtimeOrUndefined(dir) ?? 0) > since) return dir;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name)) continue;
      const found = newerInput(path, since);
      if (found !== undefined) return found;
    } else if (isBuildInput(entry.name) && (mtimeOrUndefined(path) ?? 0) > since) {
      return path;
    }
  }
  return undefined;
}

/** Why `root` needs a build, or undefined when dist/ is up to date. */
function staleReason(root) {
  const stamp = mtimeOrUndefined(join(root, STAMP));
  if (stamp === undefined) return 'no successful build recorded';
  for (const file of ROOT_FILES) {
    if ((mtimeOrUndefined(join(root, file)) ?? 0) > stamp) return `${file} changed`;
  }
  for (const dir of SOURCE_DIRS) {
    const path = join(root, dir);
    if (mtimeOrUndefined(path) === undefined) continue;
    const found = newerInput(path, stamp);
    if (found !== undefined) return `${found} changed`;
  }
  return undefined;
}

function buildAndStamp(root, reason) {
  const startedAt = new Date();
  process.stderr.write(`building (${reason})…\n`);
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const stamp = join(root, STAMP);
  closeSync(openSync(stamp, 'a'));
  utimesSync(stamp, startedAt, startedAt);
}

const [mode, rootArgument] = process.argv.slice(2);
const root = rootArgument ?? process.cwd();
const reason = staleReason(root);
if (mode === '--check') {
  if (reason !== undefined) console.log(reason);
  process.exit(reason === undefined ? 0 : 10);
}
if (reason !== undefined) buildAndStamp(root, reason);
