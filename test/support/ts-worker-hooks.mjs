// Module hooks for worker threads started from jest: jest transforms TypeScript in its own
// module system, but a worker thread is a plain Node thread. These hooks give it the same
// mapping as jest.config.js (@clas/* → libs/*/src/index.ts, @clas/*/testing → libs/*/src/testing/index.ts,
// ./x.js → ./x.ts) and SWC's
// transform, so the rebuild's worker path runs from the sources in tests.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from '@swc/core';

const root = new URL('../../', import.meta.url);
const LIBS = new Set(['domain', 'event-store', 'projections', 'messaging', 'runtime', 'application', 'auth', 'personal-data']);
/** Second entries of a lib (tsconfig.json paths). */
const ENTRIES = new Map([
  ['@clas/projections/stream-directory', 'libs/projections/src/stream-directory.ts'],
  ['@clas/projections/letters', 'libs/projections/src/letters.ts'],
]);

export async function resolve(specifier, context, next) {
  const lib = /^@clas\/([a-z-]+)$/.exec(specifier);
  if (lib && LIBS.has(lib[1])) return { url: new URL(`libs/${lib[1]}/src/index.ts`, root).href, shortCircuit: true };
  const testing = /^@clas\/([a-z-]+)\/testing$/.exec(specifier);
  if (testing && LIBS.has(testing[1])) return { url: new URL(`libs/${testing[1]}/src/testing/index.ts`, root).href, shortCircuit: true };
  if (ENTRIES.has(specifier)) return { url: new URL(ENTRIES.get(specifier), root).href, shortCircuit: true };
  if ((specifier.startsWith('./') || specifier.startsWith('../')) && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const candidate = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const source = readFileSync(fileURLToPath(url), 'utf8');
  const { code } = transformSync(source, {
    filename: fileURLToPath(url),
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  });
  return { format: 'module', source: code, shortCircuit: true };
}

export const rootUrl = pathToFileURL(fileURLToPath(root)).href;
