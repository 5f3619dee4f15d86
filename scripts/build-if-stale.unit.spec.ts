import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = join(process.cwd(), 'scripts', 'build-if-stale.mjs');

/** `--check` on a root: exit 0 when dist/ is fresh, 10 with the reason on stdout when stale. */
function check(root: string): { stale: boolean; reason: string } {
  const run = spawnSync(process.execPath, [script, '--check', root], { encoding: 'utf8' });
  expect([0, 10]).toContain(run.status);
  return { stale: run.status === 10, reason: run.stdout.trim() };
}

const past = new Date('2026-01-01T00:00:00Z');
const stampTime = new Date('2026-01-02T00:00:00Z');
const later = new Date('2026-01-03T00:00:00Z');

/** A small project tree, every file and directory dated `past`, built at `stampTime`. */
function builtTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'clas-build-stale-'));
  const files = [
    'package.json',
    'tsconfig.json',
    'apps/cli/src/main.ts',
    'apps/cli/src/main.unit.spec.ts',
    'libs/domain/src/testing/fake.ts',
  ];
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  for (const path of [...files, 'apps/cli/src', 'apps/cli', 'apps', 'libs/domain/src/testing', 'libs/domain/src', 'libs/domain', 'libs']) {
    utimesSync(join(root, path), past, past);
  }
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', '.build-stamp'), '');
  utimesSync(join(root, 'dist', '.build-stamp'), stampTime, stampTime);
  return root;
}

describe('scripts/build-if-stale.mjs (npm run clas builds only when a source changed)', () => {
  it('needs no build when nothing changed since the stamp', () => {
    const root = builtTree();
    expect(check(root)).toEqual({ stale: false, reason: '' });
    rmSync(root, { recursive: true });
  });

  it('needs a build when a source, a tsconfig or package.json is newer than the stamp, or none was recorded', () => {
    const root = builtTree();
    utimesSync(join(root, 'apps/cli/src/main.ts'), later, later);
    expect(check(root)).toEqual({ stale: true, reason: `${join(root, 'apps/cli/src/main.ts')} changed` });
    utimesSync(join(root, 'apps/cli/src/main.ts'), past, past);
    utimesSync(join(root, 'package.json'), later, later);
    expect(check(root)).toEqual({ stale: true, reason: 'package.json changed' });
    rmSync(join(root, 'dist'), { recursive: true });
    expect(check(root)).toEqual({ stale: true, reason: 'no successful build recorded' });
    rmSync(root, { recursive: true });
  });

  it('needs a build when a source is deleted (its directory changes)', () => {
    const root = builtTree();
    rmSync(join(root, 'apps/cli/src/main.ts'));
    expect(check(root).stale).toBe(true);
    rmSync(root, { recursive: true });
  });

  it('ignores what the build leaves out: specs and testing helpers', () => {
    const root = builtTree();
    utimesSync(join(root, 'apps/cli/src/main.unit.spec.ts'), later, later);
    utimesSync(join(root, 'libs/domain/src/testing/fake.ts'), later, later);
    expect(check(root)).toEqual({ stale: false, reason: '' });
    rmSync(root, { recursive: true });
  });
});
